/**
 * Reads only the safe, non-identifying facts from a DICOM file's header and checks that it is
 * a picture we can show. Identifying attributes are never read into our objects.
 */
import { ViewerError } from './errors.js';

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
  '1.2.840.10008.1.2.4.57', // JPEG Lossless
  '1.2.840.10008.1.2.4.70', // JPEG Lossless, first-order prediction
  '1.2.840.10008.1.2.4.80', // JPEG-LS Lossless
  '1.2.840.10008.1.2.4.81', // JPEG-LS Near-lossless
  '1.2.840.10008.1.2.4.90', // JPEG 2000 Lossless
  '1.2.840.10008.1.2.4.91', // JPEG 2000
  '1.2.840.10008.1.2.4.201', // HTJ2K Lossless
  '1.2.840.10008.1.2.4.202', // HTJ2K Lossless RPCL
  '1.2.840.10008.1.2.4.203', // HTJ2K
  '1.2.840.10008.1.2.5', // RLE Lossless
  '3.2.840.10008.1.2.4.96', // HTJ2K (pre-standard UID)
]);

/** SOP classes that hold no picture for a patient: reports, segmentations, presentation states, waveforms, raw data. */
const NOT_PICTURES = [
  '1.2.840.10008.5.1.4.1.1.88.', // Structured reports
  '1.2.840.10008.5.1.4.1.1.66', // Raw data, segmentation, registration, surface
  '1.2.840.10008.5.1.4.1.1.11.', // Presentation states
  '1.2.840.10008.5.1.4.1.1.9.', // Waveforms (ECG and others)
  '1.2.840.10008.5.1.4.1.1.104.', // Encapsulated PDF/CDA
  '1.2.840.10008.5.1.4.1.1.481.', // Radiotherapy objects
  '1.2.840.10008.5.1.4.1.1.67', // Real world value mapping
];

/**
 * The largest picture we try to draw: 16384 pixels a side (the largest WebGL texture many phones
 * allow) and 64 million samples a frame (a 128 MiB decoded 16-bit frame). Real projection images
 * (mammograms, long-leg films) are well within this.
 */
const MAX_SIDE = 16384;
const MAX_FRAME_SAMPLES = 64 * 1024 * 1024;

/** Whether a SOP class holds no picture for a patient (a report, a segmentation, a waveform...). */
export function isNotAPicture(sopClass: string): boolean {
  return NOT_PICTURES.some((prefix) => sopClass.startsWith(prefix));
}

/** Refuse absurd sizes before anything allocates them (a header can claim 65535 x 65535). */
export function checkPictureSize(rows: number, columns: number, samples: number): void {
  if (rows > MAX_SIDE || columns > MAX_SIDE || rows * columns * samples > MAX_FRAME_SAMPLES) {
    throw new ViewerError('too-large', 'The picture is too large to show.');
  }
}

type DicomParser = typeof import('dicom-parser');
let parserPromise: Promise<DicomParser> | undefined;
function loadParser(): Promise<DicomParser> {
  parserPromise ??= import('dicom-parser').then((m) => ((m as { default?: DicomParser }).default ?? m) as DicomParser);
  return parserPromise;
}

/** Thrown from dicom-parser's (synchronous) inflater to ask for an asynchronous inflate. */
class NeedsInflate {
  constructor(readonly position: number) {}
}

/**
 * Parse, inflating a Deflated Explicit VR Little Endian data set with the browser's own
 * DecompressionStream (dicom-parser's inflater callback must be synchronous: parse once to find
 * where the deflated bytes start, inflate, then parse again).
 */
async function parseWithInflate(dicomParser: DicomParser, bytes: Uint8Array): Promise<import('dicom-parser').DataSet> {
  try {
    return dicomParser.parseDicom(bytes, {
      inflater: (_bytes: Uint8Array, position: number) => {
        throw new NeedsInflate(position);
      },
    } as never);
  } catch (error) {
    const request = error instanceof NeedsInflate ? error : (error as { exception?: unknown })?.exception;
    if (!(request instanceof NeedsInflate)) throw error;
    const stream = new Blob([bytes.slice(request.position)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const inflated = new Uint8Array(await new Response(stream).arrayBuffer());
    const full = new Uint8Array(request.position + inflated.length);
    full.set(bytes.subarray(0, request.position));
    full.set(inflated, request.position);
    return dicomParser.parseDicom(bytes, { inflater: () => full } as never);
  }
}

const JPEG_FAMILY = new Set(['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.57', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81']);
const JPEG_2000_FAMILY = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.4.203', '3.2.840.10008.1.2.4.96']);
const RLE = '1.2.840.10008.1.2.5';

/**
 * Whether a compressed frame starts the way its transfer syntax requires: a JPEG start-of-image
 * marker, a JPEG 2000 codestream (or JP2 box) signature, or a sane RLE header (1 to 15 segments,
 * the first at byte 64, offsets rising and inside the frame).
 */
function compressedFrameLooksRight(transferSyntax: string, bytes: Uint8Array): boolean {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (JPEG_FAMILY.has(transferSyntax)) return startsWith(0xff, 0xd8);
  if (JPEG_2000_FAMILY.has(transferSyntax)) {
    return startsWith(0xff, 0x4f, 0xff, 0x51) || startsWith(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20);
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

function hasPreamble(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

function numbers(value: string | undefined): number[] {
  return (value ?? '')
    .split('\\')
    .map((part) => Number(part))
    .filter((n) => Number.isFinite(n));
}

/** Parse a DICOM Part 10 file's header and check it is a picture we can show. Throws ViewerError. */
export async function inspectFile(buffer: ArrayBuffer): Promise<InspectedFile> {
  const bytes = new Uint8Array(buffer);
  const looksLikeDicom = hasPreamble(bytes);
  const dicomParser = await loadParser();
  let dataSet: import('dicom-parser').DataSet;
  try {
    dataSet = await parseWithInflate(dicomParser, bytes);
  } catch {
    throw looksLikeDicom
      ? new ViewerError('corrupt-file', 'The file is damaged or incomplete.')
      : new ViewerError('unsupported-format', 'The file is not a medical image file.');
  }
  const string = (tag: string) => dataSet.string(tag)?.trim() ?? '';
  const sopClass = string(T.sopClass);
  const pixelElement =
    dataSet.elements[T.pixelData] ?? dataSet.elements[T.floatPixelData] ?? dataSet.elements[T.doubleFloatPixelData];
  if (isNotAPicture(sopClass) || !pixelElement) {
    throw new ViewerError('not-an-image', 'The file holds no picture to show.');
  }
  const transferSyntax = string(T.transferSyntax) || '1.2.840.10008.1.2';
  if (!SUPPORTED_TRANSFER_SYNTAXES.has(transferSyntax)) {
    throw new ViewerError('unsupported-format', 'The picture is stored in a format we cannot show.');
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
  const encapsulated = Boolean(pixelElement.encapsulatedPixelData) || pixelElement.length === 0xffffffff;
  if (encapsulated) {
    // Every compressed frame has at least one fragment: fewer means frames are missing.
    const fragments = pixelElement.fragments ?? [];
    if (fragments.length < frames) throw new ViewerError('corrupt-file', 'The picture data is incomplete.');
    // Garbage handed to a decoder can come back as a blank "picture", or keep it busy for seconds.
    const checked = fragments.length === frames ? fragments.slice(0, 1000) : fragments.slice(0, 1);
    for (const fragment of checked) {
      const bytes = dataSet.byteArray.subarray(fragment.position, fragment.position + fragment.length);
      if (!compressedFrameLooksRight(transferSyntax, bytes)) {
        throw new ViewerError('corrupt-file', 'The compressed picture data is damaged.');
      }
    }
  } else {
    const expected = Math.ceil((rows * columns * samples * bitsAllocated * frames) / 8);
    const available = Math.min(pixelElement.length, dataSet.byteArray.length - pixelElement.dataOffset);
    if (available < expected) {
      throw new ViewerError('corrupt-file', 'The picture data is incomplete.');
    }
  }
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
  return {
    geometry,
    sopInstanceUid: string(T.sopInstance),
    modality: string(T.modality).toUpperCase(),
    bodyPart: string(T.bodyPart).toUpperCase(),
    burnedInText: string(T.burnedIn).toUpperCase() === 'YES',
    frames,
    instanceNumber: Number.isFinite(instance) ? instance : undefined,
    slicePosition,
    transferSyntax,
  };
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
