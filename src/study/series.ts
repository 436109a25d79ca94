/**
 * The series of one study, as a QIDO-RS search lists them (DICOM JSON), sorted into what a patient
 * can look at and what is not a picture, each with a name in plain words built from header facts.
 *
 * Free text (the series description) is read only to find known words (T2, STIR, LAT, scout...): it
 * is never shown from here, never put in an event; only `description` keeps it, for the clinician's
 * "More detail" that a portal must opt in to.
 */
import { describe, kindOf } from '../lay/describe.js';
import { message, type MessageKey, type Messages } from '../lay/messages.js';

/** The attributes a series search asks for beyond the required ones (QIDO-RS `includefield`). */
export const SERIES_FIELDS = [
  '00080008', // Image Type (LOCALIZER)
  '0008103E', // Series Description
  '00180015', // Body Part Examined
  '00180050', // Slice Thickness
  '00180020', // Scanning Sequence
  '00180021', // Sequence Variant
  '00180022', // Scan Options (FS: fat made dark)
  '00180024', // Sequence Name
  '00180080', // Repetition Time
  '00180081', // Echo Time
  '00180082', // Inversion Time
  '00185101', // View Position
  '00201209', // Number of Series Related Instances
] as const;

/** The facts of SERIES_FIELDS that only name a series (a server that ignores `includefield` leaves them out). */
export const NAMING_FIELDS: readonly string[] = ['00080008', '00180050', '00180020', '00180021', '00180022', '00180024', '00180080', '00180081', '00180082', '00185101'];

/** One series, with only the facts this library uses. */
export interface StudySeries {
  uid: string;
  modality: string;
  /** Series number, for ordering (0 when missing). */
  number: number;
  /** Number of instances (files) the server says it holds, or undefined. */
  instances: number | undefined;
  bodyPart: string;
  /** Free text from the scanner: for classification and the opt-in clinician detail only. */
  description: string;
  imageType: readonly string[];
  viewPosition: string;
  sliceThickness: number | undefined;
  scanningSequence: readonly string[];
  sequenceVariant: readonly string[];
  scanOptions: readonly string[];
  sequenceName: string;
  repetitionTime: number | undefined;
  echoTime: number | undefined;
  inversionTime: number | undefined;
}

type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

function values(item: DicomJson, tag: string): unknown[] {
  const value = item[tag]?.Value;
  return Array.isArray(value) ? value : [];
}

function text(item: DicomJson, tag: string): string {
  const first = values(item, tag)[0];
  return typeof first === 'string' ? first.trim() : typeof first === 'number' ? String(first) : '';
}

function texts(item: DicomJson, tag: string): string[] {
  return values(item, tag)
    .flatMap((value) => (typeof value === 'string' ? value.split('\\') : []))
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
}

function number(item: DicomJson, tag: string): number | undefined {
  const first = values(item, tag)[0];
  const parsed = typeof first === 'number' ? first : typeof first === 'string' ? Number(first) : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Read a QIDO-RS series search answer. Entries without a series UID are dropped. */
export function readSeries(json: unknown): StudySeries[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry): StudySeries[] => {
    if (!entry || typeof entry !== 'object') return [];
    const item = entry as DicomJson;
    const uid = text(item, '0020000E');
    if (!/^[0-9.]{1,64}$/.test(uid)) return [];
    return [
      {
        uid,
        modality: text(item, '00080060').toUpperCase(),
        number: number(item, '00200011') ?? 0,
        instances: number(item, '00201209'),
        bodyPart: text(item, '00180015').toUpperCase(),
        description: text(item, '0008103E'),
        imageType: texts(item, '00080008'),
        viewPosition: text(item, '00185101').toUpperCase(),
        sliceThickness: number(item, '00180050'),
        scanningSequence: texts(item, '00180020'),
        sequenceVariant: texts(item, '00180021'),
        scanOptions: texts(item, '00180022'),
        sequenceName: text(item, '00180024').toUpperCase(),
        repetitionTime: number(item, '00180080'),
        echoTime: number(item, '00180081'),
        inversionTime: number(item, '00180082'),
      },
    ];
  });
}

/**
 * Modalities that are not pictures: reports (SR), display states (PR), key image notes (KO),
 * segmentations (SEG), radiotherapy objects (RT*, except RT images), waveforms, documents and the like.
 */
const NOT_PICTURES = new Set([
  'SR', 'PR', 'KO', 'SEG', 'RTSTRUCT', 'RTPLAN', 'RTDOSE', 'RTRECORD', 'RTTREAT', 'RTION', 'PLAN', 'REG', 'FID', 'RWV',
  'DOC', 'ECG', 'EPS', 'HD', 'AU', 'RESP', 'EEG', 'EMG', 'EOG', 'BI', 'IVUS_WAVEFORM', 'M3D', 'SMR', 'TEXTUREMAP', 'OSS',
]);

/** Words that mark a screen of dose or protocol facts stored as a picture. */
const DOSE_SCREEN = /\b(dose|protocol|exam ?summary|dlp)\b/i;

/** Whether a patient can look at this series. */
export function isPicture(series: StudySeries): boolean {
  if (NOT_PICTURES.has(series.modality)) return false;
  if (series.instances === 0) return false;
  if (series.imageType.some((word) => word === 'DOSE_INFO' || word === 'SCREEN SAVE') && DOSE_SCREEN.test(series.description)) return false;
  if (DOSE_SCREEN.test(series.description)) return false;
  return true;
}

/** Whether this series' plain name is built from header facts (views, slices, MRI sequences), not from its kind alone. */
export function namedByFacts(series: StudySeries): boolean {
  const kind = kindOf(series.modality);
  return isPicture(series) && (kind === 'xray' || kind === 'mammogram' || kind === 'ct' || kind === 'mri');
}

/** The study's series split into pictures (in the order to show) and the number left out. */
export function sortSeries(all: readonly StudySeries[]): { pictures: StudySeries[]; notPictures: number; keyObjects: StudySeries[] } {
  const pictures = all.filter(isPicture);
  // Planning images last: they are the least use to a patient.
  pictures.sort((a, b) => Number(isPlanning(a)) - Number(isPlanning(b)) || a.number - b.number);
  return {
    pictures,
    notPictures: all.length - pictures.length,
    keyObjects: all.filter((series) => series.modality === 'KO'),
  };
}

/** Words in a description, split on anything that is not a letter or digit (so "T2_SAG" gives T2, SAG). */
function words(description: string): Set<string> {
  return new Set(description.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean));
}

function isPlanning(series: StudySeries): boolean {
  return (
    series.imageType.includes('LOCALIZER') ||
    /\b(scout|topogram|localizer|localiser|surview|scanogram|survey|pilot|tri-?pilot|3-?plane loc)\b|\bloc\b/i.test(series.description)
  );
}

/** A message key and its values: the plain name, built by the caller in its language. */
export interface LayPart {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** Where an X-ray was taken from. */
function viewOf(series: StudySeries): MessageKey | undefined {
  const position = series.viewPosition;
  const said = words(series.description);
  const has = (...list: string[]) => list.some((word) => position === word || said.has(word));
  if (has('LAT', 'LL', 'RL', 'LLAT', 'RLAT', 'LATERAL', 'ML', 'LM')) return 'study.view.side';
  if (has('OBL', 'OBLIQUE', 'LAO', 'RAO', 'LPO', 'RPO', 'MLO')) return 'study.view.angled';
  if (has('AP', 'PA', 'FRONTAL', 'CC')) return 'study.view.front';
  return undefined;
}

/** Which way the slices were cut, from the description's words. */
function planeOf(series: StudySeries): MessageKey | undefined {
  const said = words(series.description);
  if (['SAG', 'SAGITTAL', 'SAGT'].some((word) => said.has(word))) return 'study.plane.side';
  if (['COR', 'CORONAL', 'CORO'].some((word) => said.has(word))) return 'study.plane.front';
  if (['AX', 'AXIAL', 'TRA', 'TRANS', 'TRANSVERSE'].some((word) => said.has(word))) return 'study.plane.top';
  return undefined;
}

/** What an MRI sequence shows, in plain words, from its header facts and description words. */
function sequenceOf(series: StudySeries): MessageKey | undefined {
  const said = words(series.description);
  const has = (...list: string[]) => list.some((word) => said.has(word));
  const fatSat =
    has('FS', 'FATSAT', 'SPIR', 'SPAIR', 'FSAT', 'SATFAT', 'FATSUP') ||
    /fat[ -]?(sat|supp|suppressed)/i.test(series.description) ||
    series.scanOptions.some((option) => option === 'FS' || option === 'SFS');
  if (has('DWI', 'DIFFUSION', 'ADC', 'TRACE', 'DTI') || /^\*?EP2D_DIFF|^\*?EP_B/.test(series.sequenceName)) return 'study.mr.dwi';
  if (has('FLAIR', 'DARKFLUID') || (series.inversionTime !== undefined && series.inversionTime > 1200)) return 'study.mr.flair';
  if (has('STIR', 'TIRM') || (series.inversionTime !== undefined && series.inversionTime >= 100 && series.inversionTime <= 250)) return 'study.mr.fatDark';
  const weighting = has('T1', 'T1W', 'T1WI', 'MPRAGE', 'VIBE', 'SPGR')
    ? 't1'
    : has('T2', 'T2W', 'T2WI', 'HASTE', 'SSFSE')
      ? 't2'
      : has('PD', 'PDW', 'PDFS', 'PD_FS')
        ? 'pd'
        : timingWeighting(series);
  if (said.has('PDFS') || said.has('T2FS') || said.has('T1FS')) {
    return said.has('T1FS') ? 'study.mr.fatMade' : 'study.mr.fatDark';
  }
  if (weighting === 't1') return fatSat ? 'study.mr.fatMade' : 'study.mr.t1';
  if (weighting === 't2' || weighting === 'pd') return fatSat ? 'study.mr.fatDark' : weighting === 't2' ? 'study.mr.t2' : 'study.mr.pd';
  return undefined;
}

/** T1, T2 or PD from repetition and echo times (ms), where the description does not say. */
function timingWeighting(series: StudySeries): 't1' | 't2' | 'pd' | undefined {
  const { repetitionTime: tr, echoTime: te } = series;
  if (tr === undefined || te === undefined) return undefined;
  if (tr < 1000 && te < 30) return 't1';
  if (tr > 1800 && te >= 70) return 't2';
  if (tr > 1800 && te < 45) return 'pd';
  return undefined;
}

/**
 * The plain parts of a series' name: what it is (a view, slices, what an MRI sequence shows) and,
 * where known, which way it was cut. Never the description itself.
 */
export function layParts(series: StudySeries): LayPart[] {
  const kind = kindOf(series.modality);
  if ((kind === 'ct' || kind === 'mri') && isPlanning(series)) return [{ key: 'study.planning' }];
  if (kind === 'xray' || kind === 'mammogram') {
    const view = viewOf(series);
    return view ? [{ key: view }] : [];
  }
  const plane = planeOf(series);
  const withPlane = (key: MessageKey): LayPart[] => (plane ? [{ key }, { key: plane }] : [{ key }]);
  if (kind === 'ct') {
    const thickness = series.sliceThickness;
    if (thickness === undefined || thickness <= 0) return plane ? [{ key: plane }] : [];
    return withPlane(thickness <= 1.5 ? 'study.ct.thin' : 'study.ct.thick');
  }
  if (kind === 'mri') {
    const sequence = sequenceOf(series);
    if (sequence) return withPlane(sequence);
    return plane ? [{ key: plane }] : [];
  }
  return [];
}

/**
 * The series' name in plain words ("Side view", "Fluid looks bright, seen from the side"), or, when
 * the header says nothing we know, what kind of image it is ("MRI scan of the knee").
 */
export function layName(series: StudySeries, messages?: Messages): string {
  const parts = layParts(series);
  if (parts.length === 0) return kindName(series, messages);
  const name = parts.map((part) => message(messages, part.key, part.values)).join(', ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "MRI scan of the knee": the kind of image and body part, from fixed words only. */
export function kindName(series: Pick<StudySeries, 'modality' | 'bodyPart'>, messages?: Messages): string {
  return describe({ modality: series.modality, bodyPart: series.bodyPart }, messages);
}
