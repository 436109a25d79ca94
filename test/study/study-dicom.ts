/**
 * A made-up study with many series, stored in the real Orthanc the test runner starts (STOW-RS):
 * two radiograph views, a CT with a planning image and two reconstructions, an MRI with T1, T2 and
 * STIR, an ultrasound whose images are wider than tall (80 x 60), a report (SR) and a key object
 * selection (KOS) naming three images. Every file carries the
 * made-up identifying values of scripts/synthetic.mjs; one description carries the patient's name.
 */
import { dicomFile } from '../components/hostile-dicom.js';
import { storeInOrthanc } from '../support/stow.js';

let counter = 0;

/** A fresh study UID per call, so tests never see each other's series. */
export function newStudyUid(): string {
  counter++;
  return `2.25.16${Date.now() % 1_000_000_000}${counter}`;
}

/** Store files in Orthanc through DICOMweb (STOW-RS), as a PACS would. */
export async function store(buffers: ArrayBuffer[]): Promise<void> {
  await storeInOrthanc(...buffers);
}

const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const MR_IMAGE = '1.2.840.10008.5.1.4.1.1.4';
const DX_IMAGE = '1.2.840.10008.5.1.4.1.1.1.1';
const US_IMAGE = '1.2.840.10008.5.1.4.1.1.6.1';
const BASIC_TEXT_SR = '1.2.840.10008.5.1.4.1.1.88.11';
const KOS = '1.2.840.10008.5.1.4.1.1.88.59';

/** A grey image (64 x 64 unless said), dark on the left and light on the right, whose levels say which series and image it is. */
export function pixels(level: number, columns = 64, rows = 64): ArrayBuffer {
  const data = new Uint16Array(columns * rows);
  for (let i = 0; i < data.length; i++) data[i] = (i % columns < columns / 2 ? level : 4095 - level) & 0xfff;
  return data.buffer;
}

const IMAGE = { Rows: 64, Columns: 64, BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2' };

export interface SeriesPlan {
  number: number;
  modality: string;
  sopClass: string;
  images: number;
  fields: Record<string, unknown>;
  /** The images' size, when not 64 x 64. */
  columns?: number;
  rows?: number;
}

/** The series of the full study, in series-number order. */
export const PLAN: Record<string, SeriesPlan> = {
  front: { number: 1, modality: 'DX', sopClass: DX_IMAGE, images: 1, fields: { ViewPosition: 'PA', BodyPartExamined: 'CHEST', SeriesDescription: 'Chest PA' } },
  side: { number: 2, modality: 'DX', sopClass: DX_IMAGE, images: 1, fields: { ViewPosition: 'LL', BodyPartExamined: 'CHEST', SeriesDescription: 'Chest Lateral' } },
  scout: { number: 3, modality: 'CT', sopClass: CT_IMAGE, images: 1, fields: { ImageType: ['ORIGINAL', 'PRIMARY', 'LOCALIZER'], SeriesDescription: 'Topogram 0.6 T20f', SliceThickness: '0.6', BodyPartExamined: 'HEAD' } },
  thin: { number: 4, modality: 'CT', sopClass: CT_IMAGE, images: 4, fields: { SliceThickness: '1', SeriesDescription: 'Head 1.0 H30s', BodyPartExamined: 'HEAD' } },
  thick: { number: 5, modality: 'CT', sopClass: CT_IMAGE, images: 2, fields: { SliceThickness: '5', SeriesDescription: 'Head 5.0 H30s', BodyPartExamined: 'HEAD' } },
  t1: { number: 6, modality: 'MR', sopClass: MR_IMAGE, images: 3, fields: { SeriesDescription: 't1_tse_sag', RepetitionTime: '550', EchoTime: '12', BodyPartExamined: 'KNEE' } },
  // A description holding the patient's name, as scanners sometimes write: never shown unless a portal opts in, never in events.
  t2: { number: 7, modality: 'MR', sopClass: MR_IMAGE, images: 3, fields: { SeriesDescription: 'T2 AX Phantom', RepetitionTime: '4000', EchoTime: '100', BodyPartExamined: 'KNEE' } },
  stir: { number: 8, modality: 'MR', sopClass: MR_IMAGE, images: 2, fields: { SeriesDescription: 'STIR COR', InversionTime: '160', BodyPartExamined: 'KNEE' } },
  // Wider than tall: its small picture must keep that shape (a server scales to exactly the viewport asked for).
  us: { number: 9, modality: 'US', sopClass: US_IMAGE, images: 3, columns: 80, rows: 60, fields: { SeriesDescription: 'Abdomen US', BodyPartExamined: 'ABDOMEN' } },
};

/** What the list calls the whole synthetic study's choices, from Orthanc or a static tree: key images, then all. */
export const LISTED = {
  keys: ['Picked image 1: Fluid looks bright, seen from above', 'Picked image 2: Fine slices, to see small details', 'Picked image 3: Side view'],
  all: [
    'Front view',
    'Side view',
    'Fine slices, to see small details',
    'Thicker slices, fewer to look through',
    'Fat looks bright, seen from the side',
    'Fluid looks bright, seen from above',
    'Fat made dark, shows swelling, seen from the front',
    'Ultrasound scan of the tummy',
    'Overview image, used to line up the scan',
  ],
};

export const uidOf = (study: string, series: SeriesPlan) => `${study}.${series.number}`;
export const instanceOf = (study: string, series: SeriesPlan, image: number) => `${study}.${series.number}.${image}`;

/** The picture series' files. */
export function pictureFiles(study: string, only: SeriesPlan[] = Object.values(PLAN)): ArrayBuffer[] {
  return only.flatMap((series) =>
    Array.from({ length: series.images }, (_, i) =>
      dicomFile(
        {
          ...IMAGE,
          Rows: series.rows ?? 64,
          Columns: series.columns ?? 64,
          ...series.fields,
          SOPClassUID: series.sopClass,
          SOPInstanceUID: instanceOf(study, series, i + 1),
          StudyInstanceUID: study,
          SeriesInstanceUID: uidOf(study, series),
          SeriesNumber: String(series.number),
          InstanceNumber: String(i + 1),
          Modality: series.modality,
          ...(series.modality !== 'DX' ? { ImagePositionPatient: ['0', '0', String(i * 5)], ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'], PixelSpacing: ['1', '1'] } : {}),
        },
        { pixels: pixels(400 + series.number * 300 + i * 40, series.columns, series.rows) },
      ),
    ),
  );
}

/** A report: not a picture. */
export function reportFile(study: string): ArrayBuffer {
  return dicomFile({
    SOPClassUID: BASIC_TEXT_SR,
    SOPInstanceUID: `${study}.90.1`,
    StudyInstanceUID: study,
    SeriesInstanceUID: `${study}.90`,
    SeriesNumber: '90',
    Modality: 'SR',
    SeriesDescription: 'Report',
    ValueType: 'CONTAINER',
    ContentSequence: [{ RelationshipType: 'CONTAINS', ValueType: 'TEXT', TextValue: 'Made-up report text.' }],
  });
}

export interface KeyRef {
  series: SeriesPlan;
  image: number;
  /** Point at an instance that is not stored. */
  missing?: boolean;
}

/** A key object selection naming `refs`, in that order. */
export function kosFile(study: string, refs: KeyRef[]): ArrayBuffer {
  const sop = (ref: KeyRef) => ({
    ReferencedSOPClassUID: ref.series.sopClass,
    ReferencedSOPInstanceUID: ref.missing ? `${instanceOf(study, ref.series, 77)}` : instanceOf(study, ref.series, ref.image),
  });
  const bySeries = new Map<SeriesPlan, KeyRef[]>();
  for (const ref of refs) bySeries.set(ref.series, [...(bySeries.get(ref.series) ?? []), ref]);
  return dicomFile({
    SOPClassUID: KOS,
    SOPInstanceUID: `${study}.91.1`,
    StudyInstanceUID: study,
    SeriesInstanceUID: `${study}.91`,
    SeriesNumber: '91',
    Modality: 'KO',
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [{ CodeValue: '113000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Of Interest' }],
    CurrentRequestedProcedureEvidenceSequence: [
      {
        StudyInstanceUID: study,
        ReferencedSeriesSequence: [...bySeries].map(([series, list]) => ({ SeriesInstanceUID: uidOf(study, series), ReferencedSOPSequence: list.map(sop) })),
      },
    ],
    ContentSequence: refs.map((ref) => ({ RelationshipType: 'CONTAINS', ValueType: 'IMAGE', ReferencedSOPSequence: [sop(ref)] })),
  });
}

/** PackBits (PS3.5 G.3.1) with literal runs only: each run a count byte (n - 1), then n bytes; even length. */
function packBits(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 128) {
    const run = bytes.subarray(i, i + 128);
    out.push(run.length - 1, ...run);
  }
  if (out.length % 2) out.push(0);
  return Uint8Array.from(out);
}

/**
 * A CT image stored RLE Lossless (compressed: the poster code cannot read it, so with no server
 * picture its small picture is the plain box), in a series of its own (number 10).
 */
export function rleFile(study: string): ArrayBuffer {
  const words = new Uint16Array(pixels(1200));
  // Segments: the high bytes of every pixel, then the low bytes (PS3.5 G.2).
  const high = packBits(Uint8Array.from(words, (w) => w >> 8));
  const low = packBits(Uint8Array.from(words, (w) => w & 0xff));
  const fragment = new Uint8Array(64 + high.length + low.length);
  const header = new DataView(fragment.buffer);
  header.setUint32(0, 2, true);
  header.setUint32(4, 64, true);
  header.setUint32(8, 64 + high.length, true);
  fragment.set(high, 64);
  fragment.set(low, 64 + high.length);
  return dicomFile(
    {
      ...IMAGE,
      SOPClassUID: CT_IMAGE,
      SOPInstanceUID: `${study}.10.1`,
      StudyInstanceUID: study,
      SeriesInstanceUID: `${study}.10`,
      SeriesNumber: '10',
      InstanceNumber: '1',
      Modality: 'CT',
      BodyPartExamined: 'CHEST',
      SliceThickness: '5',
      ImagePositionPatient: ['0', '0', '0'],
      ImageOrientationPatient: ['1', '0', '0', '0', '1', '0'],
      PixelSpacing: ['1', '1'],
    },
    { transferSyntax: '1.2.840.10008.1.2.5', pixels: [fragment.buffer] },
  );
}
