/**
 * Synthetic DICOM images for the demo and for tests that must run anywhere. No real patient data:
 * every value is made up here. Works in Node and in the browser (only needs dcmjs).
 *
 * - a CT-like head phantom series (default 40 slices, 256 x 256, Hounsfield units): skull, brain,
 *   ventricles that change size from slice to slice; for tests only (`orderMark: true`), a small
 *   bright mark in the air above the head that moves left to right as the slices go up, so tests can
 *   check slice order. The demo and the stories have no mark: a patient would ask what it is;
 * - a radiograph-like chest image (DX, 12-bit): dark lungs, light heart and spine, ribs.
 */
import dcmjs from 'dcmjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;

/** Made-up identifying values, so tests can check the viewer never shows them. */
export const SYNTHETIC_PATIENT = {
  PatientName: 'Phantom^Synthetic^Test',
  PatientID: 'SYNTH-00042',
  PatientBirthDate: '19700101',
  PatientAddress: '1 Example Street, Testtown',
  AccessionNumber: 'ACC-SYN-777',
  InstitutionName: 'Synthetic General Hospital',
  ReferringPhysicianName: 'Doctor^Madeup',
  OtherPatientIDs: 'OTHER-SYN-99',
};

const ROOT = '2.25.1234567890123456789012345';
export const CT_STUDY_UID = `${ROOT}.1`;
export const CT_SERIES_UID = `${ROOT}.1.1`;
export const XR_STUDY_UID = `${ROOT}.2`;
export const XR_SERIES_UID = `${ROOT}.2.1`;

/** A dataset (dcmjs naturalized) as a Part 10 file, explicit VR little endian; `version` names the writer. */
export function part10(dataset, version = 'PIV-SYNTH-1') {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: '1.2.840.10008.1.2.1',
    ImplementationClassUID: `${ROOT}.99`,
    ImplementationVersionName: version,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return dict.write();
}

function common(extra) {
  return {
    ...SYNTHETIC_PATIENT,
    PatientSex: 'O',
    StudyDate: '20260101',
    StudyTime: '120000',
    StudyID: '1',
    SpecificCharacterSet: 'ISO_IR 100',
    BurnedInAnnotation: 'NO',
    ...extra,
  };
}

/**
 * The CT phantom: an array of { name, buffer } in slice order.
 * @param {{ slices?: number, size?: number, burnedIn?: boolean, orderMark?: boolean }} [options]
 */
export function makeCtSeries({ slices = 40, size = 256, burnedIn = false, orderMark = false } = {}) {
  const files = [];
  const c = size / 2;
  for (let k = 0; k < slices; k++) {
    const t = slices > 1 ? k / (slices - 1) : 0.5; // 0 at the bottom, 1 at the top
    const pixels = new Int16Array(size * size);
    // Head narrows towards the top of the series.
    const headA = size * (0.36 - 0.08 * t * t);
    const headB = size * (0.43 - 0.1 * t * t);
    const ventricle = size * (0.03 + 0.07 * Math.sin(Math.PI * t));
    const markerX = Math.round(size * 0.06 + (size * 0.8 * k) / Math.max(1, slices - 1));
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = (x - c) / headA;
        const dy = (y - c) / headB;
        const r = Math.sqrt(dx * dx + dy * dy);
        let hu = -1000; // air
        if (r < 1) hu = 1200; // skull
        if (r < 0.9) hu = 35 + 8 * Math.sin(x / 5) * Math.sin(y / 7); // brain, grey/white texture
        const vx = (x - c) / (ventricle * 0.6);
        const vy = (y - c) / ventricle;
        if (vx * vx + vy * vy < 1) hu = 5; // fluid
        // Tests only: a small bright mark in the air at the top, moving left to right slice by slice.
        if (orderMark && Math.abs(x - markerX) <= 3 && y >= 4 && y <= 10) hu = 2000;
        pixels[y * size + x] = hu + 1024;
      }
    }
    const sop = `${CT_SERIES_UID}.${k + 1}`;
    const buffer = part10(
      common({
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
        SOPInstanceUID: sop,
        StudyInstanceUID: CT_STUDY_UID,
        SeriesInstanceUID: CT_SERIES_UID,
        FrameOfReferenceUID: `${CT_SERIES_UID}.0`,
        Modality: 'CT',
        BodyPartExamined: 'HEAD',
        SeriesDescription: 'Synthetic head phantom',
        SeriesNumber: '1',
        InstanceNumber: String(k + 1),
        ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
        ImagePositionPatient: [-c, -c, k * 2.5],
        ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
        PixelSpacing: [1, 1],
        SliceThickness: '2.5',
        SamplesPerPixel: 1,
        PhotometricInterpretation: 'MONOCHROME2',
        Rows: size,
        Columns: size,
        BitsAllocated: 16,
        BitsStored: 16,
        HighBit: 15,
        PixelRepresentation: 0,
        RescaleIntercept: '-1024',
        RescaleSlope: '1',
        WindowCenter: '40',
        WindowWidth: '400',
        BurnedInAnnotation: burnedIn ? 'YES' : 'NO',
        PixelData: pixels.buffer,
        _vrMap: { PixelData: 'OW' },
      }),
    );
    files.push({ name: `ct-${String(k + 1).padStart(3, '0')}.dcm`, buffer });
  }
  return files;
}

/**
 * The chest radiograph: { name, buffer }. 12 bits stored in 16 (or 8 bits, for JPEG baseline tests).
 * @param {{ size?: number, burnedIn?: boolean, bits?: 12 | 8 }} [options]
 */
export function makeChestRadiograph({ size = 512, burnedIn = false, bits = 12 } = {}) {
  const pixels = new Uint16Array(size * size);
  const s = (v) => v * size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 400; // background: little tissue, dark
      const bx = (x - s(0.5)) / s(0.42);
      const by = (y - s(0.55)) / s(0.48);
      if (bx * bx + by * by < 1) v = 2200; // chest wall, soft tissue
      for (const side of [-1, 1]) {
        const lx = (x - s(0.5 + side * 0.19)) / s(0.14);
        const ly = (y - s(0.5)) / s(0.3);
        if (lx * lx + ly * ly < 1) v = 900; // lungs: dark
      }
      const hx = (x - s(0.54)) / s(0.12);
      const hy = (y - s(0.66)) / s(0.13);
      if (hx * hx + hy * hy < 1) v = 2600; // heart: light
      if (Math.abs(x - s(0.5)) < s(0.03)) v = 3300; // spine
      for (let rib = 0; rib < 8; rib++) {
        const ry = s(0.28 + rib * 0.07) + 0.0006 * (x - s(0.5)) ** 2 / (size / 512);
        if (Math.abs(y - ry) < s(0.008) && Math.abs(x - s(0.5)) < s(0.36)) v = Math.max(v, 3000); // ribs
      }
      pixels[y * size + x] = v;
    }
  }
  const buffer = part10(
    common({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.1.1',
      SOPInstanceUID: `${XR_SERIES_UID}.1`,
      StudyInstanceUID: XR_STUDY_UID,
      SeriesInstanceUID: XR_SERIES_UID,
      Modality: 'DX',
      BodyPartExamined: 'CHEST',
      SeriesDescription: 'Synthetic chest radiograph',
      SeriesNumber: '1',
      InstanceNumber: '1',
      ImageType: ['ORIGINAL', 'PRIMARY'],
      PresentationIntentType: 'FOR PRESENTATION',
      // A PA chest film: the row runs to the patient's left, the column to the feet.
      PatientOrientation: ['L', 'F'],
      ViewPosition: 'PA',
      ImagerPixelSpacing: [0.7, 0.7],
      PixelSpacing: [0.7, 0.7],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      Rows: size,
      Columns: size,
      ...(bits === 8
        ? { BitsAllocated: 8, BitsStored: 8, HighBit: 7, WindowCenter: '128', WindowWidth: '256' }
        : { BitsAllocated: 16, BitsStored: 12, HighBit: 11, WindowCenter: '2048', WindowWidth: '4096' }),
      PixelRepresentation: 0,
      BurnedInAnnotation: burnedIn ? 'YES' : 'NO',
      PixelData: bits === 8 ? Uint8Array.from(pixels, (v) => v >> 4).buffer : pixels.buffer,
      _vrMap: { PixelData: bits === 8 ? 'OB' : 'OW' },
    }),
  );
  return { name: bits === 8 ? 'chest-xray-8bit.dcm' : 'chest-xray.dcm', buffer };
}
