/**
 * Hostile and broken DICOM, generated here (dcmjs) so it runs anywhere: absurd sizes, frame counts
 * that lie, pixel formats that cannot exist, transfer syntaxes nobody can decode, compressed frames
 * that are garbage, objects that are not pictures, deep nesting, files cut short and random bytes.
 * Every file carries the made-up identifying values of scripts/synthetic.mjs, so the privacy tests
 * can check none of them comes out.
 */
import dcmjs from 'dcmjs';
import { SYNTHETIC_PATIENT, makeCtSeries } from '../../scripts/synthetic.mjs';

/** The writing half of dcmjs (test/types/modules.d.ts declares only the reading half). */
interface DcmjsWriter {
  data: {
    DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
    DicomMetaDictionary: { denaturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown> };
  };
}
const { DicomDict, DicomMetaDictionary } = (dcmjs as unknown as DcmjsWriter).data;

export type ErrorType = 'corrupt-file' | 'unsupported-format' | 'unsupported-image' | 'unsupported-video' | 'too-large' | 'not-an-image';
/** What a patient may see: one of these errors, or (for a strange but usable file) the picture. */
export type Outcome = ErrorType | 'loads';

export interface HostileFile {
  name: string;
  /** What a patient may be shown for it (more than one only for cut, random and deeply nested files). */
  expect: readonly Outcome[];
  buffer: ArrayBuffer;
}

const UNCOMPRESSED = '1.2.840.10008.1.2.1';
let uidCounter = 0;

/** Write a Part 10 file. `pixels`: one buffer (native) or a list of fragments (encapsulated). */
export function dicomFile(
  dataset: Record<string, unknown>,
  { transferSyntax = UNCOMPRESSED, pixels }: { transferSyntax?: string; pixels?: ArrayBuffer | ArrayBuffer[] } = {},
): ArrayBuffer {
  const instance = `2.25.777${++uidCounter}`;
  const full: Record<string, unknown> = {
    ...SYNTHETIC_PATIENT,
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.7',
    SOPInstanceUID: instance,
    StudyInstanceUID: '2.25.7770',
    SeriesInstanceUID: '2.25.7771',
    StudyDate: '20260101',
    Modality: 'OT',
    SpecificCharacterSet: 'ISO_IR 100',
    ...dataset,
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: full.SOPClassUID,
    MediaStorageSOPInstanceUID: instance,
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: '2.25.7779',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(full);
  if (pixels !== undefined) {
    dict.dict['7FE00010'] = Array.isArray(pixels) ? { vr: 'OB', Value: pixels } : { vr: 'OW', Value: [pixels] };
  }
  return dict.write();
}

function image(rows: number, columns: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Rows: rows,
    Columns: columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    ...extra,
  };
}

/** Deterministic noise (so a failure can be reproduced). */
export function noise(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

function nested(depth: number): Record<string, unknown> {
  let item: Record<string, unknown> = { CodeValue: 'X', CodingSchemeDesignator: 'DCM', CodeMeaning: 'deep' };
  for (let i = 0; i < depth; i++) item = { ContentSequence: [item], ValueType: 'CONTAINER' };
  return item;
}

const small = new Uint16Array(64 * 64).fill(1000).buffer;

/** The named hostile files and what each must give. */
export function hostileFiles(): HostileFile[] {
  const jpeg2000 = '1.2.840.10008.1.2.4.90';
  const jpegBaseline = '1.2.840.10008.1.2.4.50';
  return [
    { name: 'a header claiming 65535 x 65535 pixels (uncompressed, 64 x 64 of data)', expect: ['too-large'], buffer: dicomFile(image(65535, 65535), { pixels: small }) },
    { name: 'a header claiming 65535 x 65535 pixels (JPEG 2000, one small frame)', expect: ['too-large'], buffer: dicomFile(image(65535, 65535), { transferSyntax: jpeg2000, pixels: [noise(2000, 1).buffer] }) },
    { name: 'a header claiming 20000 x 20000 colour pixels (JPEG, one small frame)', expect: ['too-large'], buffer: dicomFile(image(20000, 20000, { SamplesPerPixel: 3, PhotometricInterpretation: 'YBR_FULL_422', BitsAllocated: 8, BitsStored: 8, HighBit: 7, PlanarConfiguration: 0 }), { transferSyntax: jpegBaseline, pixels: [noise(2000, 2).buffer] }) },
    { name: 'a header claiming 5000 frames with one frame of data (uncompressed)', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { NumberOfFrames: '5000' }), { pixels: small }) },
    { name: 'a header claiming 5000 frames with one compressed frame', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { NumberOfFrames: '5000' }), { transferSyntax: jpeg2000, pixels: [noise(500, 3).buffer] }) },
    { name: 'zero frames and no pixel data', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { NumberOfFrames: '0' }), { pixels: new ArrayBuffer(0) }) },
    { name: 'zero frames with a frame of data', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { NumberOfFrames: '0' }), { pixels: small }) },
    { name: 'a negative number of frames', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { NumberOfFrames: '-3' }), { pixels: small }) },
    { name: 'no size (0 rows)', expect: ['corrupt-file'], buffer: dicomFile(image(0, 64), { pixels: small }) },
    { name: 'Bits Allocated 0', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { BitsAllocated: 0 }), { pixels: small }) },
    { name: 'Bits Allocated 12 (not a size a pixel can have)', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { BitsAllocated: 12 }), { pixels: small }) },
    { name: 'Samples per Pixel 0', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { SamplesPerPixel: 0 }), { pixels: small }) },
    { name: 'pixel data shorter than the header says', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64), { pixels: small.slice(0, 1000) }) },
    { name: 'JPEG XL whose frame is random bytes', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64), { transferSyntax: '1.2.840.10008.1.2.4.110', pixels: [noise(800, 4).buffer] }) },
    { name: 'transfer syntax MPEG-4 video', expect: ['unsupported-video'], buffer: dicomFile(image(64, 64), { transferSyntax: '1.2.840.10008.1.2.4.102', pixels: [noise(800, 5).buffer] }) },
    { name: 'a made-up transfer syntax', expect: ['unsupported-image'], buffer: dicomFile(image(64, 64), { transferSyntax: '1.2.3.4.5.6.7', pixels: small }) },
    { name: 'JPEG baseline whose frame is random bytes', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64, { BitsAllocated: 8, BitsStored: 8, HighBit: 7 }), { transferSyntax: jpegBaseline, pixels: [noise(3000, 6).buffer] }) },
    { name: 'JPEG 2000 whose frame is random bytes', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64), { transferSyntax: jpeg2000, pixels: [noise(3000, 7).buffer] }) },
    { name: 'JPEG-LS whose frame is random bytes', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64), { transferSyntax: '1.2.840.10008.1.2.4.80', pixels: [noise(3000, 8).buffer] }) },
    { name: 'RLE whose frame is random bytes', expect: ['corrupt-file'], buffer: dicomFile(image(64, 64), { transferSyntax: '1.2.840.10008.1.2.5', pixels: [noise(3000, 9).buffer] }) },
    { name: 'a structured report', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.22', Modality: 'SR', ValueType: 'CONTAINER', ContentSequence: [{ ValueType: 'TEXT', TextValue: 'Report text' }] }) },
    { name: 'a segmentation (it has pixel data)', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.66.4', Modality: 'SEG', ...image(64, 64, { BitsAllocated: 1, BitsStored: 1, HighBit: 0, NumberOfFrames: '1' }) }, { pixels: new Uint8Array(512).buffer }) },
    { name: 'a 12-lead ECG waveform', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.9.1.1', Modality: 'ECG', WaveformSequence: [{ NumberOfWaveformChannels: 1, NumberOfWaveformSamples: 4, SamplingFrequency: 500, WaveformBitsAllocated: 16, WaveformSampleInterpretation: 'SS' }] }) },
    { name: 'a waveform with pixel data added', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.9.1.1', Modality: 'ECG', ...image(64, 64) }, { pixels: small }) },
    { name: 'an encapsulated PDF', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.104.1', Modality: 'DOC', MIMETypeOfEncapsulatedDocument: 'application/pdf', EncapsulatedDocument: new TextEncoder().encode('%PDF-1.4 <script>window.__pwned=1</script>').buffer }) },
    { name: 'an RT structure set', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.481.3', Modality: 'RTSTRUCT' }) },
    { name: 'a presentation state', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.11.1', Modality: 'PR' }) },
    { name: 'a key object selection', expect: ['not-an-image'], buffer: dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.59', Modality: 'KO' }) },
    { name: 'sequences nested 300 deep, then an image', expect: ['corrupt-file', 'loads'], buffer: dicomFile({ ...image(64, 64), ContentSequence: [nested(300)] }, { pixels: small }) },
    {
      name: 'an image whose descriptions hold script and a megabyte of text',
      expect: ['loads'],
      buffer: dicomFile(
        image(64, 64, {
          SeriesDescription: '<img src=x onerror="window.__pwned=1">',
          StudyDescription: '<script>window.__pwned=1</script>',
          ImageComments: 'A'.repeat(1_000_000),
          BodyPartExamined: '<svg onload=window.__pwned=1>',
        }),
        { pixels: small },
      ),
    },
  ];
}

/** A small valid CT (64 x 64), cut at many places: in the preamble, the header, and the pixels. */
export function truncatedFiles(): HostileFile[] {
  const whole = makeCtSeries({ slices: 1, size: 64 })[0]!.buffer;
  const length = whole.byteLength;
  const pixelStart = length - 64 * 64 * 2;
  const offsets = new Set<number>([0, 1, 4, 64, 127, 128, 131, 132, 133, 136, 140, 150, 160, 200]);
  for (let i = 1; i < 20; i++) offsets.add(Math.round(140 + ((pixelStart - 140) * i) / 20));
  for (const delta of [-12, -8, -4, -1, 1, 4, 100]) offsets.add(pixelStart + delta);
  for (let i = 1; i < 8; i++) offsets.add(Math.round(pixelStart + ((length - pixelStart) * i) / 8));
  offsets.add(length - 1);
  return [...offsets]
    .filter((n) => n >= 0 && n < length)
    .sort((a, b) => a - b)
    .map((offset) => ({
      name: `cut at byte ${offset} of ${length}`,
      // In the pixel data it is plainly damaged; before it, a cut can look like a file with no picture.
      expect: offset >= pixelStart ? (['corrupt-file'] as const) : (['corrupt-file', 'unsupported-format', 'not-an-image'] as const),
      buffer: whole.slice(0, offset),
    }));
}

/** Random bytes, some dressed up with a DICOM preamble. */
export function randomFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  const lengths = [1, 131, 132, 500, 4096, 65536, 300_000];
  lengths.forEach((length, i) => {
    files.push({ name: `${length} random bytes`, expect: ['corrupt-file', 'unsupported-format', 'not-an-image'], buffer: noise(length, 100 + i).buffer });
    if (length > 132) {
      const dressed = noise(length, 200 + i);
      dressed.fill(0, 0, 128);
      dressed.set([0x44, 0x49, 0x43, 0x4d], 128); // "DICM"
      files.push({ name: `${length} random bytes after a DICOM preamble`, expect: ['corrupt-file', 'unsupported-format', 'not-an-image'], buffer: dressed.buffer });
    }
  });
  files.push({ name: 'an empty file', expect: ['corrupt-file', 'unsupported-format', 'not-an-image'], buffer: new ArrayBuffer(0) });
  return files;
}
