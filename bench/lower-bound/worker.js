// The lower bound's worker: fetch, parse (dicom-parser, as Cornerstone's loader does), decode.
import dicomParser from 'dicom-parser';
import openJpegFactory from '@cornerstonejs/codec-openjpeg/decodewasmjs';

const openjpegWasm = new URL('@cornerstonejs/codec-openjpeg/decodewasm', import.meta.url);
const JPEG_2000 = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91']);
let decoder;
const codec = openJpegFactory({ locateFile: (f) => (f.endsWith('.wasm') ? openjpegWasm.toString() : f) }).then((instance) => {
  decoder = new instance.J2KDecoder();
});

self.onmessage = async (event) => {
  const { id, url } = event.data;
  try {
    await codec; // compiled before the clock starts (the codec is warm)
    const t0 = performance.now();
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const t1 = performance.now();
    const dataSet = dicomParser.parseDicom(bytes);
    const syntax = dataSet.string('x00020010');
    const element = dataSet.elements.x7fe00010;
    let pixels;
    if (JPEG_2000.has(syntax)) {
      const frame = dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, 0, element.fragments.length);
      decoder.getEncodedBuffer(frame.length).set(frame);
      decoder.decode();
      const decoded = decoder.getDecodedBuffer();
      pixels = new Uint8Array(decoded.length);
      pixels.set(decoded);
    } else if (!element.encapsulatedPixelData) {
      pixels = new Uint8Array(bytes.buffer, element.dataOffset, element.length).slice();
    } else {
      throw new Error(`transfer syntax ${syntax} is not handled by the lower bound`);
    }
    const t2 = performance.now();
    self.postMessage({ id, fetchMs: t1 - t0, decodeMs: t2 - t1, bytes: bytes.length, decodedBytes: pixels.length, syntax }, []);
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
