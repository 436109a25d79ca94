/**
 * A 100-slice CT series for the scrolling benchmark, made from one shared slice (693_UNCR.dcm): each
 * copy gets new study/series/instance UIDs (made up here, under the 2.25 UUID root), its own Instance
 * Number and a Image Position (Patient) 1 mm apart. Written with dcmjs into a temporary folder, never
 * into the project. The pixel data is the shared slice's, unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import dcmjs from 'dcmjs';

const { DicomMessage, DicomMetaDictionary } = dcmjs.data;

const uid = () => `2.25.${BigInt(`0x${randomUUID().replaceAll('-', '')}`).toString(10)}`;

/** Writes `count` slices to `dir` as slice-000.dcm ...; returns their file names, in order. */
export function makeSeries(source, dir, count = 100) {
  const bytes = readFileSync(source);
  const study = uid();
  const series = uid();
  const frameOfReference = uid();
  const names = [];
  const dict = DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  // Group lengths (gggg,0000) are retired and dcmjs has no names for them: leave them out.
  for (const part of [dict.dict, dict.meta]) {
    for (const tag of Object.keys(part)) if (tag.endsWith('0000')) delete part[tag];
  }
  const data = DicomMetaDictionary.naturalizeDataset(dict.dict);
  const meta = DicomMetaDictionary.naturalizeDataset(dict.meta);
  const position = Array.isArray(data.ImagePositionPatient) ? data.ImagePositionPatient.map(Number) : [0, 0, 0];
  data.StudyInstanceUID = study;
  data.SeriesInstanceUID = series;
  data.FrameOfReferenceUID = frameOfReference;
  data.ImageOrientationPatient ??= [1, 0, 0, 0, 1, 0];
  for (let i = 0; i < count; i += 1) {
    const instance = uid();
    data.SOPInstanceUID = instance;
    meta.MediaStorageSOPInstanceUID = instance;
    data.InstanceNumber = i + 1;
    data.ImagePositionPatient = [position[0], position[1], i * 1.0];
    data.SliceLocation = i * 1.0;
    dict.dict = DicomMetaDictionary.denaturalizeDataset(data);
    dict.meta = DicomMetaDictionary.denaturalizeDataset(meta);
    const name = `slice-${String(i).padStart(3, '0')}.dcm`;
    writeFileSync(join(dir, name), Buffer.from(dict.write()));
    names.push(name);
  }
  return names;
}
