/**
 * The demo's studies as a static DICOMweb tree (demo/data/dicomweb, served at /dicomweb/ by
 * `npm start`), for the "Your scans by study" page (demo/studies.html): made-up data only, from the
 * builders of ./synthetic.mjs and ./pacs-objects.mjs, written with ./static-dicomweb.mjs.
 *
 * - The head CT study: the phantom in fine slices (40 of 1.25 mm) and in thicker slices (10 of 5 mm,
 *   the same head), and a key object selection (KOS) naming one image of each.
 * - The chest X-ray study: the front view, and the KOS that names it.
 * - A study with nothing to show: only a report (SR), for the stories.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { makeKos, makeSr } from './pacs-objects.mjs';
import { writeStaticDicomWeb } from './static-dicomweb.mjs';
import { CT_STUDY_UID, makeChestRadiograph, makeCtSeries } from './synthetic.mjs';

const { DicomDict, DicomMessage, DicomMetaDictionary } = dcmjs.data;

/** Bumped when the studies change, so an older tree is written again. */
const VERSION = 2;
const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const KOS = '1.2.840.10008.5.1.4.1.1.88.59';
export const DEMO_FINE_SERIES = `${CT_STUDY_UID}.21`;
export const DEMO_THICK_SERIES = `${CT_STUDY_UID}.22`;
/** The study that holds only a report. */
export const DEMO_REPORT_STUDY = '2.25.1234567890123456789012345.8';

/** A Part 10 file with some attributes changed (dcmjs: read, naturalize, change, write). */
function retag(buffer, changes) {
  const read = DicomMessage.readFile(buffer);
  const dataset = { ...DicomMetaDictionary.naturalizeDataset(read.dict), ...changes };
  const meta = { ...DicomMetaDictionary.naturalizeDataset(read.meta), MediaStorageSOPInstanceUID: dataset.SOPInstanceUID };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return dict.write();
}

/** One head CT series of `slices` slices, `thickness` mm apart, covering the same 50 mm of the phantom. */
function ctSeries(series, number, slices, thickness) {
  return makeCtSeries({ slices }).map((file, k) =>
    retag(file.buffer, {
      SeriesInstanceUID: series,
      SOPInstanceUID: `${series}.${k + 1}`,
      SeriesNumber: String(number),
      SeriesDescription: `Head ${thickness} mm`,
      SliceThickness: String(thickness),
      ImagePositionPatient: [-128, -128, k * thickness],
    }),
  );
}

/** The head CT study's KOS: one image of each series. */
function ctKos() {
  const refs = [
    { series: DEMO_FINE_SERIES, sop: `${DEMO_FINE_SERIES}.22` },
    { series: DEMO_THICK_SERIES, sop: `${DEMO_THICK_SERIES}.6` },
  ];
  const sop = (ref) => ({ ReferencedSOPClassUID: CT_IMAGE, ReferencedSOPInstanceUID: ref.sop });
  const dataset = {
    PatientName: 'Phantom^Synthetic^Test',
    PatientID: 'SYNTH-00042',
    StudyDate: '20260101',
    SpecificCharacterSet: 'ISO_IR 100',
    SOPClassUID: KOS,
    SOPInstanceUID: `${CT_STUDY_UID}.91.1`,
    StudyInstanceUID: CT_STUDY_UID,
    SeriesInstanceUID: `${CT_STUDY_UID}.91`,
    SeriesNumber: '91',
    Modality: 'KO',
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [{ CodeValue: '113000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Of Interest' }],
    CurrentRequestedProcedureEvidenceSequence: [
      {
        StudyInstanceUID: CT_STUDY_UID,
        ReferencedSeriesSequence: refs.map((ref) => ({ SeriesInstanceUID: ref.series, ReferencedSOPSequence: [sop(ref)] })),
      },
    ],
    ContentSequence: refs.map((ref) => ({ RelationshipType: 'CONTAINS', ValueType: 'IMAGE', ReferencedSOPSequence: [sop(ref)] })),
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: KOS,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: '2.25.1234567890123456789012345.99',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return dict.write();
}

/** Write the demo's static DICOMweb tree to `dir` (once; again when VERSION changes). Returns whether it wrote. */
export function writeDemoDicomWeb(dir) {
  const marker = join(dir, 'version.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).version === VERSION) return false;
  rmSync(dir, { recursive: true, force: true });
  const files = [
    ...ctSeries(DEMO_FINE_SERIES, 1, 40, 1.25),
    ...ctSeries(DEMO_THICK_SERIES, 2, 10, 5),
    ctKos(),
    makeChestRadiograph().buffer,
    makeKos(),
    retag(makeSr(), { StudyInstanceUID: DEMO_REPORT_STUDY, SeriesInstanceUID: `${DEMO_REPORT_STUDY}.1`, SOPInstanceUID: `${DEMO_REPORT_STUDY}.1.1` }),
  ];
  writeStaticDicomWeb(files, dir);
  writeFileSync(marker, JSON.stringify({ version: VERSION }));
  return true;
}
