import dcmjs from 'dcmjs';

/**
 * A tiny DICOM Part 10 file made here (with dcmjs), with whatever attributes a test needs: by
 * default a 4 x 4 CT image, 16 bits, uncompressed. Pass `PixelData: undefined, _vrMap: {}` for an
 * object with no picture.
 */
export function dicom(attributes: Record<string, unknown> = {}, transferSyntax = '1.2.840.10008.1.2.1'): ArrayBuffer {
  const data = dcmjs.data as unknown as {
    DicomDict: new (meta: unknown) => { dict: unknown; write(): ArrayBuffer };
    DicomMetaDictionary: { denaturalizeDataset(d: unknown): unknown };
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: attributes.SOPClassUID ?? '1.2.840.10008.5.1.4.1.1.2',
    MediaStorageSOPInstanceUID: attributes.SOPInstanceUID ?? '2.25.1',
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: '2.25.2',
  };
  const dict = new data.DicomDict(data.DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = data.DicomMetaDictionary.denaturalizeDataset({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: '2.25.1',
    Modality: 'CT',
    Rows: 4,
    Columns: 4,
    SamplesPerPixel: 1,
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 0,
    PhotometricInterpretation: 'MONOCHROME2',
    PixelData: new Uint16Array(16).buffer,
    _vrMap: { PixelData: 'OW' },
    ...attributes,
  });
  return dict.write();
}

/** The same, as a local file (what a file picker gives a viewer). */
export function dicomFile(attributes: Record<string, unknown> = {}, name = 'image.dcm'): File {
  return new File([dicom(attributes)], name, { type: 'application/dicom' });
}
