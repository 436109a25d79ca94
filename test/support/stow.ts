import { expect } from '@open-wc/testing';

/**
 * Store Part 10 files in the test Orthanc with one STOW-RS request (through the test server's
 * /dicom-web/ proxy), so they reach a viewer through DICOMweb. Fails the test if Orthanc refuses.
 */
export async function storeInOrthanc(...buffers: ArrayBuffer[]): Promise<void> {
  const boundary = 'pv-stow-boundary';
  const encoder = new TextEncoder();
  const parts: BlobPart[] = [];
  for (const buffer of buffers) parts.push(encoder.encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), buffer, encoder.encode('\r\n'));
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const stored = await fetch('/dicom-web/studies', {
    method: 'POST',
    headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
    body: new Blob(parts),
  });
  expect(stored.ok, `STOW-RS ${stored.status}`).to.equal(true);
}
