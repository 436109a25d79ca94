/**
 * Key images: the pictures a radiologist marked (DICOM Key Object Selection, a KOS), read from the
 * DICOMweb metadata of the study's KO series (JSON: no DICOM parser needed).
 */

/** One picked image: which series and instance, and which frame (1-based). */
export interface KeyImage {
  series: string;
  instance: string;
  frame: number;
}

type DicomJson = Record<string, { Value?: unknown[] } | undefined>;

function items(item: DicomJson, tag: string): DicomJson[] {
  const value = item[tag]?.Value;
  return Array.isArray(value) ? value.filter((entry): entry is DicomJson => Boolean(entry) && typeof entry === 'object') : [];
}

function uid(item: DicomJson, tag: string): string {
  const first = item[tag]?.Value?.[0];
  return typeof first === 'string' && /^[0-9.]{1,64}$/.test(first.trim()) ? first.trim() : '';
}

function frames(item: DicomJson): number[] {
  const value = item['00081160']?.Value;
  if (!Array.isArray(value)) return [1];
  const list = value.map(Number).filter((n) => Number.isInteger(n) && n >= 1);
  return list.length > 0 ? list : [1];
}

/**
 * The images one or more KOS instances name, in the order their content lists them, each once.
 * `metadata` is a WADO-RS metadata answer (an array of DICOM JSON datasets). The series of each
 * image comes from the evidence sequence; an image whose series is not said is left out (counted
 * in `unplaced`).
 */
export function readKeyImages(metadata: unknown, study: string): { images: KeyImage[]; unplaced: number } {
  const images: KeyImage[] = [];
  const seen = new Set<string>();
  let unplaced = 0;
  if (!Array.isArray(metadata)) return { images, unplaced };
  for (const entry of metadata) {
    if (!entry || typeof entry !== 'object') continue;
    const kos = entry as DicomJson;
    // Instance -> series, from Current Requested Procedure Evidence (only this study's images).
    const seriesOf = new Map<string, string>();
    for (const evidence of items(kos, '0040A375')) {
      const evidenceStudy = uid(evidence, '0020000D');
      if (evidenceStudy && evidenceStudy !== study) continue;
      for (const series of items(evidence, '00081115')) {
        const seriesUid = uid(series, '0020000E');
        for (const sop of items(series, '00081199')) {
          const instance = uid(sop, '00081155');
          if (seriesUid && instance) seriesOf.set(instance, seriesUid);
        }
      }
    }
    // The content's IMAGE items, in order.
    for (const content of items(kos, '0040A730')) {
      const type = content['0040A040']?.Value?.[0];
      if (type !== 'IMAGE') continue;
      for (const sop of items(content, '00081199')) {
        const instance = uid(sop, '00081155');
        if (!instance) continue;
        const series = seriesOf.get(instance);
        for (const frame of frames(sop)) {
          const key = `${instance}/${frame}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (!series) {
            unplaced++;
            continue;
          }
          images.push({ series, instance, frame });
        }
      }
    }
  }
  return { images, unplaced };
}
