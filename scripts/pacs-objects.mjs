/**
 * Made-up PACS objects about the synthetic chest X-ray (./synthetic.mjs), for the editor's
 * "drafts from the PACS" tests, stories and demo: a TID 1500 measurement report (SR), a grayscale presentation state
 * (GSPS) with an arrow and text, a key object selection (KOS), and hostile ones. Written with dcmjs;
 * works in Node (test/node/pacs-objects.test.mjs checks each with DCMTK's dsrdump and dcmdump) and in
 * the browser. Every object carries the synthetic patient's identifying values (names, IDs) so tests
 * can check the editor never shows them; the SR also names a person observer.
 */
import { SYNTHETIC_PATIENT, XR_SERIES_UID, XR_STUDY_UID, part10 as writePart10 } from './synthetic.mjs';

const part10 = (dataset) => writePart10(dataset, 'PIV-PACS-1');

const ROOT = '2.25.1234567890123456789012345.7';

/** The chest X-ray's SOP Instance UID and classes. */
export const XR_SOP = `${XR_SERIES_UID}.1`;
const DX = '1.2.840.10008.5.1.4.1.1.1.1';
const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';
const KOS = '1.2.840.10008.5.1.4.1.1.88.59';
const GSPS = '1.2.840.10008.5.1.4.1.1.11.1';

/** The observer's name the SR carries: never shown by the editor. */
export const OBSERVER_NAME = 'Radiologist^Identifying^Doctor';
/** The clinical words the objects carry, kept as writers' notes. */
export const SR_FINDING = 'Nodule';
export const SR_SITE = 'Lung';
export const GSPS_TEXT = 'RUL opacity ?consolidation';

/**
 * The image an object is about, and its own UIDs' root: the chest X-ray unless `on` names another
 * (`study`, `series`, `sop`: a copy of the X-ray stored under another study, say) with `uid`, a root
 * for the object's own UIDs, so objects about different studies never share one.
 */
function about(on = {}) {
  return { study: on.study ?? XR_STUDY_UID, series: on.series ?? XR_SERIES_UID, sop: on.sop ?? XR_SOP, uid: on.uid ?? ROOT };
}

const code = (value, scheme, meaning) => [{ CodeValue: value, CodingSchemeDesignator: scheme, CodeMeaning: meaning }];

function header(extra) {
  return {
    ...SYNTHETIC_PATIENT,
    PatientSex: 'O',
    StudyInstanceUID: XR_STUDY_UID,
    StudyDate: '20260101',
    StudyTime: '120000',
    StudyID: '1',
    SpecificCharacterSet: 'ISO_IR 100',
    SeriesNumber: '99',
    InstanceNumber: '1',
    ContentDate: '20260102',
    ContentTime: '090000',
    ...extra,
  };
}

/** An SCOORD on the chest X-ray (or on `sop`). */
function scoord(type, data, sop = XR_SOP) {
  return {
    RelationshipType: 'INFERRED FROM',
    ValueType: 'SCOORD',
    ConceptNameCodeSequence: code('111030', 'DCM', 'Image Region'),
    GraphicType: type,
    GraphicData: data,
    ContentSequence: [{ RelationshipType: 'SELECTED FROM', ValueType: 'IMAGE', ReferencedSOPSequence: [{ ReferencedSOPClassUID: DX, ReferencedSOPInstanceUID: sop }] }],
  };
}

/** A TID 1500 measurement group: tracking id, finding, finding site, a length, and its region. */
function group(id, finding, site, region, length = '8') {
  return {
    RelationshipType: 'CONTAINS',
    ValueType: 'CONTAINER',
    ContinuityOfContent: 'SEPARATE',
    ConceptNameCodeSequence: code('125007', 'DCM', 'Measurement Group'),
    ContentSequence: [
      { RelationshipType: 'HAS OBS CONTEXT', ValueType: 'TEXT', ConceptNameCodeSequence: code('112039', 'DCM', 'Tracking Identifier'), TextValue: id },
      { RelationshipType: 'CONTAINS', ValueType: 'CODE', ConceptNameCodeSequence: code('121071', 'DCM', 'Finding'), ConceptCodeSequence: code('27925004', 'SCT', finding) },
      { RelationshipType: 'HAS CONCEPT MOD', ValueType: 'CODE', ConceptNameCodeSequence: code('363698007', 'SCT', 'Finding Site'), ConceptCodeSequence: code('39607008', 'SCT', site) },
      {
        RelationshipType: 'CONTAINS',
        ValueType: 'NUM',
        ConceptNameCodeSequence: code('410668003', 'SCT', 'Length'),
        MeasuredValueSequence: [{ NumericValue: length, MeasurementUnitsCodeSequence: code('mm', 'UCUM', 'millimeter') }],
        ContentSequence: [region],
      },
    ],
  };
}

/**
 * A TID 1500 measurement report: a point on the right lung (column 160, row 256), an ellipse around
 * the heart (centre 276, 338), and, for hostile runs, a group on an image not in the study and a
 * point outside the image (`hostile: true`), or content nested `depth` levels deep; `template`
 * other than 1500 makes it a TID 2000 diagnostic imaging report instead; `on`: see `about`.
 */
export function makeSr({ hostile = false, depth = 0, template = '1500', on = undefined } = {}) {
  const { study, sop, uid } = about(on);
  const groups = [
    group('lesion-1', SR_FINDING, SR_SITE, scoord('POINT', [160, 256], sop)),
    group('heart-1', 'Cardiomegaly', 'Heart', scoord('ELLIPSE', [216, 338, 336, 338, 276, 278, 276, 398], sop)),
  ];
  if (hostile) {
    groups.push(group('elsewhere', 'Mass', 'Liver', scoord('POINT', [10, 10], '2.25.999999.1')));
    groups.push(group('outside', 'Mass', 'Lung', scoord('POINT', [5000, 5000], sop)));
  }
  let nested = groups;
  for (let i = 0; i < depth; i++) nested = [{ RelationshipType: 'CONTAINS', ValueType: 'CONTAINER', ContinuityOfContent: 'SEPARATE', ConceptNameCodeSequence: code('125007', 'DCM', 'Measurement Group'), ContentSequence: nested }];
  return part10(
    header({
      StudyInstanceUID: study,
      SOPClassUID: COMPREHENSIVE_SR,
      SOPInstanceUID: `${uid}.1.${hostile ? 2 : 1}.${depth}`,
      SeriesInstanceUID: `${uid}.1`,
      Modality: 'SR',
      ValueType: 'CONTAINER',
      ContinuityOfContent: 'SEPARATE',
      CompletionFlag: 'COMPLETE',
      VerificationFlag: 'UNVERIFIED',
      // Not TID 1500: a plain diagnostic imaging report (TID 2000), as a report writer would send.
      ConceptNameCodeSequence: template === '1500' ? code('126000', 'DCM', 'Imaging Measurement Report') : code('18748-4', 'LN', 'Diagnostic Imaging Report'),
      ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: template }],
      ContentSequence: [
        { RelationshipType: 'HAS OBS CONTEXT', ValueType: 'PNAME', ConceptNameCodeSequence: code('121008', 'DCM', 'Person Observer Name'), PersonName: OBSERVER_NAME },
        {
          RelationshipType: 'CONTAINS',
          ValueType: 'CONTAINER',
          ContinuityOfContent: 'SEPARATE',
          ConceptNameCodeSequence: code('126010', 'DCM', 'Imaging Measurements'),
          ContentSequence: nested,
        },
      ],
    }),
  );
}

/**
 * A GSPS on the chest X-ray: an arrow (polyline) to the right upper lung, from its text's anchor;
 * `circle` adds a circle drawn elsewhere (a mark of its own); `on`: see `about`.
 */
export function makeGsps({ circle = false, on = undefined } = {}) {
  const { study, series, sop, uid } = about(on);
  return part10(
    header({
      StudyInstanceUID: study,
      SOPClassUID: GSPS,
      SOPInstanceUID: `${uid}.2.1`,
      SeriesInstanceUID: `${uid}.2`,
      Modality: 'PR',
      ContentLabel: 'ANNOTATIONS',
      ContentDescription: 'Arrows',
      PresentationCreationDate: '20260102',
      PresentationCreationTime: '090000',
      ContentCreatorName: OBSERVER_NAME,
      ReferencedSeriesSequence: [{ SeriesInstanceUID: series, ReferencedImageSequence: [{ ReferencedSOPClassUID: DX, ReferencedSOPInstanceUID: sop }] }],
      GraphicAnnotationSequence: [
        {
          GraphicLayer: 'LAYER1',
          ReferencedImageSequence: [{ ReferencedSOPClassUID: DX, ReferencedSOPInstanceUID: sop }],
          TextObjectSequence: [{ AnchorPointAnnotationUnits: 'PIXEL', UnformattedTextValue: GSPS_TEXT, AnchorPoint: [150, 180], AnchorPointVisibility: 'Y' }],
          GraphicObjectSequence: [
            { GraphicAnnotationUnits: 'PIXEL', GraphicDimensions: 2, NumberOfGraphicPoints: 2, GraphicData: [150, 180, 110, 140], GraphicType: 'POLYLINE', GraphicFilled: 'N' },
            ...(circle ? [{ GraphicAnnotationUnits: 'PIXEL', GraphicDimensions: 2, NumberOfGraphicPoints: 2, GraphicData: [350, 300, 370, 300], GraphicType: 'CIRCLE', GraphicFilled: 'N' }] : []),
          ],
        },
      ],
      GraphicLayerSequence: [{ GraphicLayer: 'LAYER1', GraphicLayerOrder: 1 }],
      DisplayedAreaSelectionSequence: [{ DisplayedAreaTopLeftHandCorner: [1, 1], DisplayedAreaBottomRightHandCorner: [512, 512], PresentationSizeMode: 'SCALE TO FIT', PresentationPixelSpacing: [0.7, 0.7] }],
    }),
  );
}

/** A KOS naming the chest X-ray as a key image (`on`: see `about`). */
export function makeKos({ on = undefined } = {}) {
  const { study, series, sop, uid } = about(on);
  return part10(
    header({
      StudyInstanceUID: study,
      SOPClassUID: KOS,
      SOPInstanceUID: `${uid}.3.1`,
      SeriesInstanceUID: `${uid}.3`,
      Modality: 'KO',
      ValueType: 'CONTAINER',
      ContinuityOfContent: 'SEPARATE',
      ConceptNameCodeSequence: code('113000', 'DCM', 'Of Interest'),
      ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2010' }],
      CurrentRequestedProcedureEvidenceSequence: [
        { StudyInstanceUID: study, ReferencedSeriesSequence: [{ SeriesInstanceUID: series, ReferencedSOPSequence: [{ ReferencedSOPClassUID: DX, ReferencedSOPInstanceUID: sop }] }] },
      ],
      ContentSequence: [
        { RelationshipType: 'CONTAINS', ValueType: 'TEXT', ConceptNameCodeSequence: code('113012', 'DCM', 'Key Object Description'), TextValue: 'Best view of the lungs' },
        { RelationshipType: 'CONTAINS', ValueType: 'IMAGE', ReferencedSOPSequence: [{ ReferencedSOPClassUID: DX, ReferencedSOPInstanceUID: sop }] },
      ],
    }),
  );
}
