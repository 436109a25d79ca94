/**
 * A made-up study with many series, stored in the real Orthanc the test runner starts (STOW-RS):
 * two radiograph views, a CT with a planning image and two reconstructions, an MRI with T1, T2 and
 * STIR, a report (SR) and a key object selection (KOS) naming three images. Every file carries the
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
const BASIC_TEXT_SR = '1.2.840.10008.5.1.4.1.1.88.11';
const KOS = '1.2.840.10008.5.1.4.1.1.88.59';

/** A 64 x 64 grey image whose brightness says which series and image it is. */
function pixels(level: number): ArrayBuffer {
  const data = new Uint16Array(64 * 64);
  for (let i = 0; i < data.length; i++) data[i] = (i % 64 < 32 ? level : 4095 - level) & 0xfff;
  return data.buffer;
}

const IMAGE = { Rows: 64, Columns: 64, BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2' };

export interface SeriesPlan {
  number: number;
  modality: string;
  sopClass: string;
  images: number;
  fields: Record<string, unknown>;
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
        { pixels: pixels(400 + series.number * 300 + i * 40) },
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
