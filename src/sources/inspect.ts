/**
 * Reads only the safe, non-identifying facts from a DICOM file's header and checks that it is
 * a picture we can show. Identifying attributes are never read into our objects.
 */
import { ViewerError } from './errors.js';
import { inflatedFile, jpegFrameMarker, jpegLsInterleave, replaceElements, sniffHeaderless, withFileMeta, withoutUndefinedLengthUN, withTransferSyntax, ybrFull422ToRgb } from './rewrite.js';

/** Facts about a picture that are safe to show, announce and put into events. */
export interface SafeFacts {
  /** DICOM modality code: CR, DX, CT, MR, US, NM... */
  modality: string;
  /** Body Part Examined, upper case as stored (e.g. `HEAD`, `CHEST`), or empty. */
  bodyPart: string;
  /** True when the file says its pixels may hold burned-in text (Burned In Annotation = YES). */
  burnedInText: boolean;
}

/** One file's safe header facts plus what the loader needs to order and address its frames. */
/** How one image maps to the patient: safe to show (no identifying data). */
export interface ImageGeometry {
  columns: number;
  rows: number;
  /** Image Orientation (Patient): row then column direction cosines (6 numbers), when known. */
  orientation: number[] | undefined;
  /** Patient Orientation (0020,0020) for projection images, e.g. ['L', 'F'], when known. */
  patientOrientation: string[] | undefined;
  /** Millimetres between pixel centres: [between rows, between columns], when known and positive. */
  pixelSpacing: [number, number] | undefined;
  /** `imager` spacing is measured at the detector, so sizes in the patient are only approximate. */
  spacingKind: 'patient' | 'imager' | 'unknown';
}

/** One image of a stack: its geometry, and (internal only, never shown) which instance and frame it is. */
export interface StackImage {
  geometry: ImageGeometry;
  /** For matching annotations to images; never rendered, logged or put in an event. */
  sopInstanceUid: string;
  /** 1-based frame number within its instance. */
  frame: number;
}

export interface InspectedFile extends SafeFacts {
  frames: number;
  /** The instance's geometry (the same for all its frames here). */
  geometry: ImageGeometry;
  sopInstanceUid: string;
  instanceNumber: number | undefined;
  /** Distance along the slice normal, for ordering slices; undefined when not known. */
  slicePosition: number | undefined;
  transferSyntax: string;
}

const T = {
  sopInstance: 'x00080018',
  patientOrientation: 'x00200020',
  pixelSpacing: 'x00280030',
  imagerPixelSpacing: 'x00181164',
  sharedGroups: 'x52009229',
  planeOrientation: 'x00209116',
  pixelMeasures: 'x00289110',
  transferSyntax: 'x00020010',
  sopClass: 'x00080016',
  modality: 'x00080060',
  bodyPart: 'x00180015',
  instanceNumber: 'x00200013',
  position: 'x00200032',
  orientation: 'x00200037',
  samplesPerPixel: 'x00280002',
  photometric: 'x00280004',
  frames: 'x00280008',
  rows: 'x00280010',
  columns: 'x00280011',
  bitsAllocated: 'x00280100',
  bitsStored: 'x00280101',
  highBit: 'x00280102',
  pixelRepresentation: 'x00280103',
  pixelAspectRatio: 'x00280034',
  perFrameGroups: 'x52009230',
  frameVoiLut: 'x00289132',
  pixelValueTransformation: 'x00289145',
  windowCentre: 'x00281050',
  windowWidth: 'x00281051',
  voiLutFunction: 'x00281056',
  rescaleSlope: 'x00281053',
  rescaleIntercept: 'x00281052',
  rescaleType: 'x00281054',
  burnedIn: 'x00280301',
  pixelData: 'x7fe00010',
  floatPixelData: 'x7fe00008',
  doubleFloatPixelData: 'x7fe00009',
} as const;

/** Transfer syntaxes Cornerstone's DICOM image loader decodes. */
export const SUPPORTED_TRANSFER_SYNTAXES = new Set([
  '1.2.840.10008.1.2', // Implicit VR Little Endian
  '1.2.840.10008.1.2.1', // Explicit VR Little Endian
  '1.2.840.10008.1.2.1.99', // Deflated Explicit VR Little Endian
  '1.2.840.10008.1.2.2', // Explicit VR Big Endian
  '1.2.840.10008.1.2.4.50', // JPEG Baseline
  '1.2.840.10008.1.2.4.51', // JPEG Extended
  '1.2.840.10008.1.2.4.53', // JPEG Spectral Selection, 12-bit (retired; the engine's 12-bit JPEG decoder reads it)
  '1.2.840.10008.1.2.4.55', // JPEG Full Progression, 12-bit (retired; likewise)
  '1.2.840.10008.1.2.4.57', // JPEG Lossless
  '1.2.840.10008.1.2.4.70', // JPEG Lossless, first-order prediction
  '1.2.840.10008.1.2.4.80', // JPEG-LS Lossless
  '1.2.840.10008.1.2.4.81', // JPEG-LS Near-lossless
  '1.2.840.10008.1.2.4.90', // JPEG 2000 Lossless
  '1.2.840.10008.1.2.4.91', // JPEG 2000
  '1.2.840.10008.1.2.4.201', // HTJ2K Lossless
  '1.2.840.10008.1.2.4.202', // HTJ2K Lossless RPCL
  '1.2.840.10008.1.2.4.203', // HTJ2K
  '1.2.840.10008.1.2.4.110', // JPEG XL Lossless
  '1.2.840.10008.1.2.4.111', // JPEG XL JPEG Recompression
  '1.2.840.10008.1.2.4.112', // JPEG XL
  '1.2.840.10008.1.2.5', // RLE Lossless
  '3.2.840.10008.1.2.4.96', // HTJ2K (pre-standard UID)
]);

/** Transfer syntaxes that hold a video clip (MPEG-2, MPEG-4 AVC/H.264, HEVC/H.265): real pictures we cannot play yet. */
const VIDEO_TRANSFER_SYNTAXES = /^1\.2\.840\.10008\.1\.2\.4\.10[0-8]$/;

/** SOP classes that hold no picture for a patient: reports, segmentations, presentation states, waveforms, raw data. */
const NOT_PICTURES = [
  '1.2.840.10008.5.1.4.1.1.88.', // Structured reports
  '1.2.840.10008.5.1.4.1.1.66', // Raw data, segmentation, registration, surface
  '1.2.840.10008.5.1.4.1.1.11.', // Presentation states
  '1.2.840.10008.5.1.4.1.1.9.', // Waveforms (ECG and others)
  '1.2.840.10008.5.1.4.1.1.104.', // Encapsulated PDF/CDA
  '1.2.840.10008.5.1.4.1.1.481.', // Radiotherapy objects (plans, doses, structures...), but see PICTURES
  '1.2.840.10008.5.1.4.1.1.67', // Real world value mapping
];

/** Exceptions to NOT_PICTURES: an RT Image is a picture (a portal or simulator X-ray). */
const PICTURES = new Set(['1.2.840.10008.5.1.4.1.1.481.1']);

/**
 * The largest picture we try to draw: 16384 pixels a side (the largest WebGL texture many phones
 * allow) and 64 million samples a frame (a 128 MiB decoded 16-bit frame). Real projection images
 * (mammograms, long-leg films) are well within this.
 */
const MAX_SIDE = 16384;
const MAX_FRAME_SAMPLES = 64 * 1024 * 1024;

/** Whether a SOP class holds no picture for a patient (a report, a segmentation, a waveform...). */
export function isNotAPicture(sopClass: string): boolean {
  return !PICTURES.has(sopClass) && NOT_PICTURES.some((prefix) => sopClass.startsWith(prefix));
}

/** Refuse absurd sizes before anything allocates them (a header can claim 65535 x 65535). */
export function checkPictureSize(rows: number, columns: number, samples: number): void {
  if (rows > MAX_SIDE || columns > MAX_SIDE || rows * columns * samples > MAX_FRAME_SAMPLES) {
    throw new ViewerError('too-large', 'The picture is too large to show.');
  }
}
type DicomParser = typeof import('dicom-parser');
type DataSet = import('dicom-parser').DataSet;
let parserPromise: Promise<DicomParser> | undefined;
function loadParser(): Promise<DicomParser> {
  parserPromise ??= import('dicom-parser').then((m) => ((m as { default?: DicomParser }).default ?? m) as DicomParser);
  return parserPromise;
}

/** Thrown from dicom-parser's (synchronous) inflater to ask for an asynchronous inflate. */
/** Thrown from dicom-parser's inflater callback to stop the first parse where the deflated bytes start. */
class NeedsInflate extends Error {
  constructor(readonly position: number) {
    super('The data set is deflated');
  }
}

const DEFLATED = '1.2.840.10008.1.2.1.99';
const IMPLICIT_LITTLE = '1.2.840.10008.1.2';
const EXPLICIT_LITTLE = '1.2.840.10008.1.2.1';
/** For a file with no SOP Class (ACR-NEMA): its new meta group names Secondary Capture. */
const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

/**
 * Parse a Part 10 file. A Deflated Explicit VR Little Endian data set is inflated (tolerating a
 * trailer after the deflate stream, as some writers add) and the file rewritten as plain explicit
 * VR little endian, which is what the engine then reads. dicom-parser's inflater callback must be
 * synchronous: parse once to find where the deflated bytes start, inflate, then parse again.
 */
async function parsePart10(dicomParser: DicomParser, bytes: Uint8Array): Promise<{ dataSet: DataSet; buffer?: ArrayBuffer }> {
  try {
    return {
      dataSet: dicomParser.parseDicom(bytes, {
        inflater: (_bytes: Uint8Array, position: number) => {
          throw new NeedsInflate(position);
        },
      } as never),
    };
  } catch (error) {
    const request = error instanceof NeedsInflate ? error : (error as { exception?: unknown })?.exception;
    if (!(request instanceof NeedsInflate)) {
      // Big endian with an undefined-length UN (CP-246: an implicit little endian sequence inside):
      // drop that private element and read the rest.
      const meta = dicomParser.readPart10Header(bytes);
      const cleaned =
        meta.string('x00020010')?.trim() === '1.2.840.10008.1.2.2' ? withoutUndefinedLengthUN(bytes, (meta as { position?: number }).position ?? 132) : undefined;
      if (!cleaned) throw error;
      return { dataSet: dicomParser.parseDicom(new Uint8Array(cleaned)), buffer: cleaned };
    }
    const meta = dicomParser.readPart10Header(bytes);
    const sop = {
      sopClass: meta.string('x00020002')?.trim() || SECONDARY_CAPTURE,
      sopInstance: meta.string('x00020003')?.trim() || '2.25.0',
    };
    const buffer = await inflatedFile(bytes, request.position, sop);
    return { dataSet: dicomParser.parseDicom(new Uint8Array(buffer)), buffer };
  }
}

/**
 * A data set with no Part 10 header (ACR-NEMA style, or a bare data set from an old archive),
 * read as implicit or explicit VR little endian when its first element says so, and given a
 * Part 10 header so the engine can read it too. Not DICOM-like at all: undefined.
 */
function parseHeaderless(dicomParser: DicomParser, bytes: Uint8Array): { dataSet: DataSet; buffer: ArrayBuffer; transferSyntax: string } | undefined {
  const transferSyntax = sniffHeaderless(bytes);
  if (!transferSyntax) return undefined;
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, { TransferSyntaxUID: transferSyntax } as never);
  } catch {
    throw new ViewerError('corrupt-file', 'The file has no DICOM header and its data could not be read.');
  }
  // Clean: tags in ascending order (a data set read with the wrong encoding soon breaks this).
  const tags = Object.keys(dataSet.elements).filter((tag) => !tag.startsWith('x0002'));
  if (tags.length === 0 || tags.some((tag, i) => i > 0 && tag <= tags[i - 1]!)) {
    throw new ViewerError('corrupt-file', 'The file has no DICOM header and its data could not be read.');
  }
  const buffer = withFileMeta(bytes, transferSyntax, {
    sopClass: dataSet.string('x00080016')?.trim() || SECONDARY_CAPTURE,
    sopInstance: dataSet.string('x00080018')?.trim() || '2.25.0',
  });
  return { dataSet: dicomParser.parseDicom(new Uint8Array(buffer)), buffer, transferSyntax };
}

/** Where the data set starts in a parsed Part 10 file (after the last file meta element). */
function dataSetStart(dataSet: DataSet): number {
  let end = 132;
  for (const [tag, element] of Object.entries(dataSet.elements)) {
    if (tag.startsWith('x0002')) end = Math.max(end, element.dataOffset + element.length);
  }
  return end;
}

const JPEG_FAMILY = new Set([
  '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.53', '1.2.840.10008.1.2.4.55',
  '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81',
]);
const JPEG_2000_FAMILY = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.4.203', '3.2.840.10008.1.2.4.96']);
const JPEG_XL_FAMILY = new Set(['1.2.840.10008.1.2.4.110', '1.2.840.10008.1.2.4.111', '1.2.840.10008.1.2.4.112']);
const RLE = '1.2.840.10008.1.2.5';

/**
 * Which of the engine's JPEG decoders a transfer syntax goes to: libjpeg-turbo (8-bit DCT), the
 * JavaScript DCT decoder (8 or 12 bits; extended, spectral selection, progressive), the lossless
 * decoder, or CharLS (JPEG-LS).
 */
function jpegDecoder(transferSyntax: string): 'dct8' | 'dct12' | 'lossless' | 'ls' | undefined {
  if (transferSyntax === '1.2.840.10008.1.2.4.50') return 'dct8';
  if (['1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.53', '1.2.840.10008.1.2.4.55'].includes(transferSyntax)) return 'dct12';
  if (transferSyntax === '1.2.840.10008.1.2.4.57' || transferSyntax === '1.2.840.10008.1.2.4.70') return 'lossless';
  if (transferSyntax === '1.2.840.10008.1.2.4.80' || transferSyntax === '1.2.840.10008.1.2.4.81') return 'ls';
  return undefined;
}

/**
 * The transfer syntax a JPEG frame really needs, from its SOF marker (as GDCM and DCMTK decide),
 * when the declared one would send it to the wrong decoder (a "lossless" file holding a baseline
 * stream is drawn as garbage otherwise). Undefined: the declared one is right. Throws for JPEG
 * processes no decoder here reads (hierarchical, arithmetic coding).
 */
function jpegTransferSyntaxFor(declared: string, frame: Uint8Array): string | undefined {
  const marker = jpegFrameMarker(frame);
  if (marker === undefined) return undefined;
  const have = jpegDecoder(declared);
  if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
    const precision = frame[frame.indexOf(marker, 2) + 3] ?? 8;
    if (have === 'dct12') return undefined;
    if (have === 'dct8' && precision <= 8) return undefined;
    return precision <= 8 ? '1.2.840.10008.1.2.4.50' : '1.2.840.10008.1.2.4.51';
  }
  if (marker === 0xc3) return have === 'lossless' ? undefined : '1.2.840.10008.1.2.4.70';
  if (marker === 0xf7) return have === 'ls' ? undefined : '1.2.840.10008.1.2.4.80';
  throw new ViewerError('unsupported-image', 'The picture is compressed in a way we cannot open yet.');
}

/**
 * Whether a compressed frame starts the way its transfer syntax requires: a JPEG start-of-image
 * marker, a JPEG 2000 codestream (or JP2 box) signature, a JPEG XL codestream (or container)
 * signature, or a sane RLE header (1 to 15 segments, the first at byte 64, offsets rising and
 * inside the frame).
 */
function compressedFrameLooksRight(transferSyntax: string, bytes: Uint8Array): boolean {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (JPEG_FAMILY.has(transferSyntax)) return startsWith(0xff, 0xd8);
  if (JPEG_2000_FAMILY.has(transferSyntax)) {
    return startsWith(0xff, 0x4f, 0xff, 0x51) || startsWith(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20);
  }
  if (JPEG_XL_FAMILY.has(transferSyntax)) {
    // A bare codestream (FF 0A), the ISO BMFF container, or (for .111) a JPEG to recompress.
    return startsWith(0xff, 0x0a) || startsWith(0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20) || startsWith(0xff, 0xd8);
  }
  if (transferSyntax === RLE) {
    if (bytes.length < 64) return false;
    const header = new DataView(bytes.buffer, bytes.byteOffset, 64);
    const segments = header.getUint32(0, true);
    if (segments < 1 || segments > 15 || header.getUint32(4, true) !== 64) return false;
    let previous = 64;
    for (let s = 1; s < segments; s++) {
      const offset = header.getUint32(4 + s * 4, true);
      if (offset <= previous || offset >= bytes.length) return false;
      previous = offset;
    }
    return true;
  }
  return true;
}

/** Whether the bytes start with a file meta group element, explicit VR little endian: (0002,xxxx) and a VR. */
function startsWithFileMeta(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[0] === 0x02 && bytes[1] === 0x00 && /^[A-Z]{2}$/.test(String.fromCharCode(bytes[4]!, bytes[5]!));
}

function hasPreamble(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

function numbers(value: string | undefined): number[] {
  return (value ?? '')
    .split('\\')
    .map((part) => Number(part))
    .filter((n) => Number.isFinite(n));
}

/**
 * What the engine must be told about a file beyond what it reads itself (issue 14). Internal: never
 * shown, logged or put in an event.
 */
export interface DisplayFixes {
  /** Pixel Aspect Ratio as [vertical, horizontal], for a file with no pixel spacing. */
  aspect?: [number, number];
  /** Colour JPEG-LS stored one plane after another (interleave mode 0): the decoder returns planes. */
  planar?: boolean;
  /** Window and rescale for the whole file (enhanced objects: from the shared functional groups). */
  voi?: FrameVoi;
  rescale?: FrameRescale;
  /** Per frame (0-based), from the per-frame functional groups, where they say more than the shared ones. */
  frames?: { voi?: FrameVoi; rescale?: FrameRescale }[];
  /** Graphics overlay planes (60xx): marks the person who reported the image drew on it. First frame only. */
  overlays?: OverlayPlane[];
}

/** One graphics overlay plane: a 1-bit picture placed over the image. */
export interface OverlayPlane {
  rows: number;
  columns: number;
  /** Image row and column (1-based) of the overlay's first pixel (Overlay Origin). */
  origin: [number, number];
  /** One bit a pixel, row by row, least significant bit first (as Overlay Data is stored). */
  bits: Uint8Array;
}

/**
 * The graphics overlay planes of a file: from Overlay Data (60xx,3000), or (retired) from bits of
 * the pixel data above High Bit. Read before those bits are cleared. ROI overlays are not drawn.
 */
function overlaysOf(
  dataSet: DataSet,
  pixelElement: import('dicom-parser').Element,
  image: { rows: number; columns: number; bitsAllocated: number; transferSyntax: string; encapsulated: boolean; samples: number },
): OverlayPlane[] {
  const planes: OverlayPlane[] = [];
  for (let group = 0x6000; group <= 0x601e; group += 2) {
    const tag = (element: number) => `x${group.toString(16).padStart(4, '0')}${element.toString(16).padStart(4, '0')}`;
    const rows = dataSet.uint16(tag(0x0010));
    const columns = dataSet.uint16(tag(0x0011));
    if (!rows || !columns) continue;
    const type = dataSet.string(tag(0x0040))?.trim().toUpperCase() ?? 'G';
    if (type === 'R') continue;
    const origin: [number, number] = [dataSet.int16(tag(0x0050), 0) ?? 1, dataSet.int16(tag(0x0050), 1) ?? 1];
    const count = rows * columns;
    const data = dataSet.elements[tag(0x3000)];
    let bits: Uint8Array | undefined;
    if (data && data.length >= Math.ceil(count / 8)) {
      bits = dataSet.byteArray.slice(data.dataOffset, data.dataOffset + Math.ceil(count / 8));
    } else if (
      !data &&
      dataSet.uint16(tag(0x0100)) === image.bitsAllocated &&
      image.bitsAllocated === 16 &&
      image.samples === 1 &&
      !image.encapsulated &&
      (image.transferSyntax === IMPLICIT_LITTLE || image.transferSyntax === EXPLICIT_LITTLE) &&
      rows === image.rows &&
      columns === image.columns
    ) {
      // Retired: the overlay is one bit of each pixel sample, above High Bit.
      const position = dataSet.uint16(tag(0x0102)) ?? 0;
      const offset = pixelElement.dataOffset + dataSet.byteArray.byteOffset;
      if (offset % 2 !== 0 || position > 15) continue;
      const pixels = new Uint16Array(dataSet.byteArray.buffer, offset, count);
      bits = new Uint8Array(Math.ceil(count / 8));
      for (let i = 0; i < count; i++) if ((pixels[i]! >> position) & 1) bits[i >> 3]! |= 1 << (i & 7);
    }
    if (bits && bits.some((byte) => byte !== 0)) planes.push({ rows, columns, origin, bits });
  }
  return planes;
}

/** A frame's window(s) and VOI LUT Function. */
export interface FrameVoi {
  centre: number[];
  width: number[];
  fn: string | undefined;
}

/** A frame's rescale (modality LUT). */
export interface FrameRescale {
  slope: number;
  intercept: number;
  type: string | undefined;
}

/** Window and rescale from one functional groups item (a frame's, or the shared one). */
function groupsOf(item: DataSet | undefined): { voi?: FrameVoi; rescale?: FrameRescale } {
  if (!item) return {};
  const first = (sequence: string) => item.elements[sequence]?.items?.[0]?.dataSet;
  const out: { voi?: FrameVoi; rescale?: FrameRescale } = {};
  const voi = first(T.frameVoiLut);
  const centre = numbers(voi?.string(T.windowCentre));
  const width = numbers(voi?.string(T.windowWidth));
  if (voi && centre.length > 0 && centre.length === width.length && width.every((w) => w > 0)) {
    out.voi = { centre, width, fn: voi.string(T.voiLutFunction)?.trim().toUpperCase() || undefined };
  }
  const transform = first(T.pixelValueTransformation);
  const slope = Number(transform?.string(T.rescaleSlope));
  const intercept = Number(transform?.string(T.rescaleIntercept));
  if (transform && Number.isFinite(slope) && slope !== 0 && Number.isFinite(intercept)) {
    out.rescale = { slope, intercept, type: transform.string(T.rescaleType)?.trim() || undefined };
  }
  return out;
}

/** A file made ready for the engine: its facts, the bytes to hand over (maybe rewritten), and fixes. */
export interface ReadFile {
  info: InspectedFile;
  buffer: ArrayBuffer;
  display: DisplayFixes;
}

/** Parse a DICOM Part 10 file's header and check it is a picture we can show. Throws ViewerError. */
export async function inspectFile(buffer: ArrayBuffer): Promise<InspectedFile> {
  return (await readFile(buffer)).info;
}

/**
 * Parse a DICOM file (Part 10, or a bare data set with no header), check it is a picture we can
 * show, and make it ready for the engine: rewritten where the engine would misread it (deflated
 * with a trailer, no header, a JPEG stream under the wrong transfer syntax, bits above High Bit).
 * Throws ViewerError.
 */
export async function readFile(original: ArrayBuffer): Promise<ReadFile> {
  let buffer = original;
  let bytes = new Uint8Array(buffer);
  if (!hasPreamble(bytes) && startsWithFileMeta(bytes)) {
    // A file meta group with no preamble and no "DICM" before it (some writers leave them out).
    const whole = new Uint8Array(132 + bytes.length);
    whole.set([0x44, 0x49, 0x43, 0x4d], 128);
    whole.set(bytes, 132);
    buffer = whole.buffer;
    bytes = whole;
  }
  const looksLikeDicom = hasPreamble(bytes);
  const dicomParser = await loadParser();
  let dataSet: DataSet;
  let headerless: string | undefined;
  if (looksLikeDicom) {
    try {
      const parsed = await parsePart10(dicomParser, bytes);
      dataSet = parsed.dataSet;
      if (parsed.buffer) {
        buffer = parsed.buffer;
        bytes = new Uint8Array(buffer);
      }
    } catch {
      throw new ViewerError('corrupt-file', 'The file is damaged or incomplete.');
    }
  } else {
    const parsed = parseHeaderless(dicomParser, bytes);
    if (!parsed) throw new ViewerError('unsupported-format', 'The file is not a medical image file.');
    ({ dataSet, buffer, transferSyntax: headerless } = parsed);
    bytes = new Uint8Array(buffer);
  }
  const string = (tag: string) => dataSet.string(tag)?.trim() ?? '';
  const sopClass = string(T.sopClass);
  const pixelElement =
    dataSet.elements[T.pixelData] ?? dataSet.elements[T.floatPixelData] ?? dataSet.elements[T.doubleFloatPixelData];
  if (isNotAPicture(sopClass) || !pixelElement) {
    throw new ViewerError('not-an-image', 'The file holds no picture to show.');
  }
  let transferSyntax = headerless ?? (string(T.transferSyntax) || IMPLICIT_LITTLE);
  if (transferSyntax === DEFLATED) transferSyntax = EXPLICIT_LITTLE; // inflated above
  if (VIDEO_TRANSFER_SYNTAXES.test(transferSyntax)) {
    throw new ViewerError('unsupported-video', 'The picture is a video clip, which we cannot play yet.');
  }
  if (!SUPPORTED_TRANSFER_SYNTAXES.has(transferSyntax)) {
    throw new ViewerError('unsupported-image', 'The picture is stored in a format we cannot open yet.');
  }
  const rows = dataSet.uint16(T.rows) ?? 0;
  const columns = dataSet.uint16(T.columns) ?? 0;
  const declaredFrames = string(T.frames);
  const frames = Math.max(1, Number.parseInt(declaredFrames || '1', 10) || 1);
  if (rows === 0 || columns === 0) {
    throw new ViewerError('corrupt-file', 'The picture has no size.');
  }
  // Number of Frames must be 1 or more: "0" (or nonsense) is a picture with no frames.
  if (declaredFrames && !(Number.parseInt(declaredFrames, 10) >= 1)) {
    throw new ViewerError('corrupt-file', 'The picture has no frames.');
  }
  const bitsAllocated = dataSet.uint16(T.bitsAllocated) ?? 16;
  const samples = dataSet.uint16(T.samplesPerPixel) ?? 1;
  if (![1, 8, 16, 32, 64].includes(bitsAllocated) || ![1, 3, 4].includes(samples)) {
    throw new ViewerError('corrupt-file', 'The picture has an impossible pixel format.');
  }
  checkPictureSize(rows, columns, samples);
  const photometric = string(T.photometric).toUpperCase();
  const encapsulated = Boolean(pixelElement.encapsulatedPixelData) || pixelElement.length === 0xffffffff;
  let planar = false;
  if (encapsulated) {
    // Every compressed frame has at least one fragment: fewer means frames are missing.
    const fragments = pixelElement.fragments ?? [];
    if (fragments.length < frames) throw new ViewerError('corrupt-file', 'The picture data is incomplete.');
    // The codestream, not the transfer syntax, says which decoder it needs (as GDCM and DCMTK
    // decide): a JPEG stream under another JPEG process's syntax, or JPEG and JPEG 2000 swapped.
    const first = fragments[0];
    if (first) {
      const frame = dataSet.byteArray.subarray(first.position, first.position + first.length);
      const isJpeg = frame[0] === 0xff && frame[1] === 0xd8;
      const isJ2k = compressedFrameLooksRight('1.2.840.10008.1.2.4.90', frame);
      const needed = JPEG_FAMILY.has(transferSyntax)
        ? isJ2k && !isJpeg
          ? '1.2.840.10008.1.2.4.90'
          : jpegTransferSyntaxFor(transferSyntax, frame)
        : JPEG_2000_FAMILY.has(transferSyntax) && isJpeg
          ? (jpegTransferSyntaxFor('', frame) ?? '1.2.840.10008.1.2.4.50')
          : undefined;
      if (needed && needed !== transferSyntax) {
        buffer = withTransferSyntax(bytes, dataSetStart(dataSet), needed, {
          sopClass: sopClass || SECONDARY_CAPTURE,
          sopInstance: string(T.sopInstance) || '2.25.0',
        });
        bytes = new Uint8Array(buffer);
        transferSyntax = needed;
      }
      if ((transferSyntax === '1.2.840.10008.1.2.4.80' || transferSyntax === '1.2.840.10008.1.2.4.81') && samples === 3) {
        planar = jpegLsInterleave(frame) === 0;
      }
    }
    // Garbage handed to a decoder can come back as a blank "picture", or keep it busy for seconds.
    const checked = fragments.length === frames ? fragments.slice(0, 1000) : fragments.slice(0, 1);
    for (const fragment of checked) {
      const frame = dataSet.byteArray.subarray(fragment.position, fragment.position + fragment.length);
      if (!compressedFrameLooksRight(transferSyntax, frame)) {
        throw new ViewerError('corrupt-file', 'The compressed picture data is damaged.');
      }
    }
  } else {
    // Native YBR_FULL_422 keeps two bytes a pixel (Y Y Cb Cr for each pair of pixels).
    const samplesStored = photometric === 'YBR_FULL_422' && samples === 3 && bitsAllocated === 8 ? 2 : samples;
    const expected = Math.ceil((rows * columns * samplesStored * bitsAllocated * frames) / 8);
    const available = Math.min(pixelElement.length, dataSet.byteArray.length - pixelElement.dataOffset);
    if (available < expected) {
      throw new ViewerError('corrupt-file', 'The picture data is incomplete.');
    }
    if (samplesStored === 2 && (transferSyntax === EXPLICIT_LITTLE || transferSyntax === IMPLICIT_LITTLE)) {
      // The engine takes this for a two-sample image and draws a blank box: hand it RGB instead.
      const photometricElement = dataSet.elements[T.photometric]!;
      const rgb = ybrFull422ToRgb(dataSet.byteArray.subarray(pixelElement.dataOffset, pixelElement.dataOffset + expected), rows * columns * frames);
      buffer = replaceElements(bytes, transferSyntax === EXPLICIT_LITTLE, [
        { tag: 0x00280004, vr: 'CS', element: photometricElement, value: new TextEncoder().encode('RGB ') },
        { tag: 0x7fe00010, vr: 'OB', element: pixelElement, value: rgb },
      ]);
      bytes = new Uint8Array(buffer);
    }
  }
  const overlays = overlaysOf(dataSet, pixelElement, { rows, columns, bitsAllocated, transferSyntax, encapsulated, samples });
  maskAboveHighBit(dataSet, pixelElement, { transferSyntax, encapsulated, samples, bitsAllocated });
  const slicePosition = slicePositionOf(numbers(string(T.position)), numbers(string(T.orientation)));
  const instance = Number.parseInt(string(T.instanceNumber), 10);
  // Enhanced multi-frame objects keep orientation and spacing in the shared functional groups.
  const shared = dataSet.elements[T.sharedGroups]?.items?.[0]?.dataSet;
  const fromShared = (sequence: string, tag: string) =>
    shared?.elements[sequence]?.items?.[0]?.dataSet?.string(tag)?.trim() ?? '';
  const geometry = geometryOf({
    columns,
    rows,
    orientation: numbers(string(T.orientation) || fromShared(T.planeOrientation, T.orientation)),
    patientOrientation: string(T.patientOrientation),
    pixelSpacing: numbers(string(T.pixelSpacing) || fromShared(T.pixelMeasures, T.pixelSpacing)),
    imagerPixelSpacing: numbers(string(T.imagerPixelSpacing)),
  });
  const display: DisplayFixes = {};
  if (planar) display.planar = true;
  if (overlays.length > 0) display.overlays = overlays;
  // Enhanced objects: window and rescale per frame, else shared (the engine reads them for some
  // objects only: an enhanced CT was drawn at its full range).
  const sharedGroups = groupsOf(shared);
  if (sharedGroups.voi) display.voi = sharedGroups.voi;
  if (sharedGroups.rescale) display.rescale = sharedGroups.rescale;
  const perFrame = dataSet.elements[T.perFrameGroups]?.items ?? [];
  if (perFrame.length > 0 && perFrame.length <= frames) {
    const each = perFrame.map((item) => groupsOf(item.dataSet));
    if (each.some((f) => f.voi || f.rescale)) display.frames = each;
  }
  const aspect = numbers(string(T.pixelAspectRatio));
  if (!geometry.pixelSpacing && aspect.length === 2 && aspect.every((v) => v > 0) && aspect[0] !== aspect[1]) {
    display.aspect = [aspect[0]!, aspect[1]!];
  }
  return {
    buffer,
    display,
    info: {
      geometry,
      sopInstanceUid: string(T.sopInstance),
      modality: string(T.modality).toUpperCase(),
      bodyPart: string(T.bodyPart).toUpperCase(),
      burnedInText: string(T.burnedIn).toUpperCase() === 'YES',
      frames,
      instanceNumber: Number.isFinite(instance) ? instance : undefined,
      slicePosition,
      transferSyntax,
    },
  };
}

/**
 * Bits above High Bit are not part of the picture (old writers kept overlays there): a 12-bit image
 * with them set is drawn crushed, its range taken up by them. Clear them in place, before the engine
 * computes its range or windows (the engine's decoder does this for signed pixels only).
 */
function maskAboveHighBit(
  dataSet: DataSet,
  pixelElement: import('dicom-parser').Element,
  format: { transferSyntax: string; encapsulated: boolean; samples: number; bitsAllocated: number },
): void {
  if (format.encapsulated || format.bitsAllocated !== 16 || format.samples !== 1) return;
  if (format.transferSyntax !== IMPLICIT_LITTLE && format.transferSyntax !== EXPLICIT_LITTLE) return;
  const bitsStored = dataSet.uint16(T.bitsStored) ?? 16;
  const highBit = dataSet.uint16(T.highBit) ?? bitsStored - 1;
  // Signed pixels are sign-extended from Bits Stored by the engine, which also drops the bits above.
  if (bitsStored >= 16 || bitsStored < 1 || highBit !== bitsStored - 1 || dataSet.uint16(T.pixelRepresentation) === 1) return;
  const offset = pixelElement.dataOffset + dataSet.byteArray.byteOffset;
  const count = Math.floor(Math.min(pixelElement.length, dataSet.byteArray.length - pixelElement.dataOffset) / 2);
  if (offset % 2 !== 0) return; // the data set is always even-aligned; never seen otherwise
  const pixels = new Uint16Array(dataSet.byteArray.buffer, offset, count);
  const mask = (1 << bitsStored) - 1;
  let dirty = false;
  for (let i = 0; i < count && !dirty; i++) dirty = (pixels[i]! & ~mask) !== 0;
  if (!dirty) return;
  for (let i = 0; i < count; i++) pixels[i] = pixels[i]! & mask;
}

/** Build an image's geometry from raw attribute values, keeping only what makes sense. */
export function geometryOf(raw: {
  columns: number;
  rows: number;
  orientation: number[];
  patientOrientation: string;
  pixelSpacing: number[];
  imagerPixelSpacing: number[];
}): ImageGeometry {
  const positivePair = (values: number[]): [number, number] | undefined =>
    values.length === 2 && values.every((v) => Number.isFinite(v) && v > 0) ? [values[0]!, values[1]!] : undefined;
  const patient = positivePair(raw.pixelSpacing);
  const imager = positivePair(raw.imagerPixelSpacing);
  const orientation = raw.orientation.length === 6 && raw.orientation.every(Number.isFinite) ? raw.orientation : undefined;
  const po = raw.patientOrientation
    .split('\\')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => /^[LRAPHF]{1,3}$/.test(part));
  return {
    columns: raw.columns,
    rows: raw.rows,
    orientation,
    patientOrientation: po.length === 2 ? po : undefined,
    pixelSpacing: patient ?? imager,
    spacingKind: patient ? 'patient' : imager ? 'imager' : 'unknown',
  };
}

/**
 * Where a slice lies along its normal (the cross product of the row and column directions of
 * Image Orientation (Patient)), from Image Position (Patient); undefined when either is missing.
 */
export function slicePositionOf(position: number[], orientation: number[]): number | undefined {
  if (position.length !== 3 || orientation.length !== 6) return undefined;
  const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
  const [x, y, z] = position as [number, number, number];
  return (ry * cz - rz * cy) * x + (rz * cx - rx * cz) * y + (rx * cy - ry * cx) * z;
}

/** Anatomical order: Instance Number first, then position along the slice normal. Stable. */
export function compareSlices(
  a: Pick<InspectedFile, 'instanceNumber' | 'slicePosition'>,
  b: Pick<InspectedFile, 'instanceNumber' | 'slicePosition'>,
): number {
  const ai = a.instanceNumber ?? Number.POSITIVE_INFINITY;
  const bi = b.instanceNumber ?? Number.POSITIVE_INFINITY;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const ap = a.slicePosition ?? 0;
  const bp = b.slicePosition ?? 0;
  return ap === bp ? 0 : ap < bp ? -1 : 1;
}

/**
 * A short key for an image's identity (instance UID and frame) that does not give the UID out: a
 * 53-bit hash (cyrb53), the same on every page. Not a secret; only for telling images apart.
 */
export function imageKey(identity: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < identity.length; i++) {
    const c = identity.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
