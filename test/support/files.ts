/** Every real file in ../shared/dicom, what it is, and how it must look. */
export const SHARED_FILES = [
  { name: 'RG1_J2KI.dcm', modality: 'CR', count: 1, what: 'chest X-ray, MONOCHROME1, JPEG 2000, Pixel Spacing 0\\0' },
  { name: '693_UNCR.dcm', modality: 'CT', count: 1, what: 'head CT, uncompressed' },
  { name: 'MR2_UNCR.dcm', modality: 'MR', count: 1, what: '12-bit MR with rescale' },
  { name: 'emri_small.dcm', modality: 'MR', count: 10, what: 'enhanced multi-frame MR (a stack)' },
  { name: 'eCT_Supplemental.dcm', modality: 'CT', count: 2, what: 'enhanced multi-frame CT', noReference: true },
  { name: 'US1_UNCR.dcm', modality: 'US', count: 1, what: 'colour ultrasound (RGB)' },
  { name: 'JPEG-LL.dcm', modality: 'NM', count: 1, what: 'nuclear medicine, JPEG lossless' },
  { name: 'CT_small.dcm', modality: 'CT', count: 1, what: 'small CT' },
  { name: 'MR_small.dcm', modality: 'MR', count: 1, what: 'small MR' },
  { name: 'MR_small_RLE.dcm', modality: 'MR', count: 1, what: 'small MR, RLE lossless' },
];

