import { expect } from '@open-wc/testing';

/**
 * Store Part 10 files in the test Orthanc with one STOW-RS request (through the test server's
 * /dicom-web/ proxy), so they reach a viewer through DICOMweb. Fails the test if Orthanc refuses.
 */
export async function storeInOrthanc(...buffers: ArrayBuffer[]): Promise<void> {
  await stow('/dicom-web/studies', buffers);
}

/**
 * Store Part 10 files in the test server's static DICOMweb tree (/static-dicom-web/, the files
 * static-wado-creator writes, served by a plain static file server; scripts/static-dicomweb.mjs),
 * with the same STOW-RS request.
 */
export async function storeInStaticTree(...buffers: ArrayBuffer[]): Promise<void> {
  await stow('/static-dicom-web/studies', buffers);
}

async function stow(url: string, buffers: ArrayBuffer[]): Promise<void> {
  const boundary = 'pv-stow-boundary';
  const encoder = new TextEncoder();
  const parts: BlobPart[] = [];
  for (const buffer of buffers) parts.push(encoder.encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), buffer, encoder.encode('\r\n'));
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const stored = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
    body: new Blob(parts),
  });
  expect(stored.ok, `STOW-RS ${stored.status}`).to.equal(true);
}
