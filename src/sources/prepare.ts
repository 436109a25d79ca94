/**
 * Turns what a portal gives a viewer (a URL, a list of URLs, local files, a DICOMweb series) into
 * an ordered stack that the engine can draw, fetching bytes while the engine is still loading.
 * No Cornerstone here: this runs in parallel with the engine import.
 */
import { ViewerError, toViewerError } from './errors.js';
import { fetchBytes, fetchJson } from './fetch-bytes.js';
import {
  checkPictureSize,
  compareSlices,
  geometryOf,
  isNotAPicture,
  readFile,
  slicePositionOf,
  type DisplayFixes,
  type InspectedFile,
  type SafeFacts,
  type StackImage,
} from './inspect.js';

/** Where a viewer's images come from. */
export type ViewerSource =
  | { kind: 'urls'; urls: string[] }
  | { kind: 'files'; files: Blob[] }
  | { kind: 'dicomweb'; root: string; study: string; series: string };

/** Whether two sources name the same images (the same files, URLs or series, in the same order). */
export function sameSource(a: ViewerSource | undefined, b: ViewerSource | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  const parts = (source: ViewerSource): readonly unknown[] =>
    source.kind === 'files' ? source.files : source.kind === 'urls' ? source.urls : [source.root, source.study, source.series];
  const left = parts(a);
  const right = parts(b);
  return left.length === right.length && left.every((part, i) => part === right[i]);
}

/** One frame of a DICOMweb series, with the metadata the WADO-RS loader needs. */
export interface DicomWebFrame {
  imageId: string;
  metadata: Record<string, unknown>;
}

/** An ordered stack, ready for the engine. */
export type PreparedStack =
  | {
      kind: 'part10';
      /** The bytes to draw (rewritten where the engine would misread the original) and what else it must be told. */
      files: { buffer: ArrayBuffer; frames: number; display: DisplayFixes }[];
      facts: SafeFacts;
      count: number;
      /** Files of a series that could not be shown (damaged, missing, not pictures); the rest are. */
      skipped: number;
      /** One per image, in stack order. */
      images: StackImage[];
    }
  | {
      kind: 'wadors';
      frames: DicomWebFrame[];
      facts: SafeFacts;
      count: number;
      skipped: number;
      images: StackImage[];
      headerPrefix: string;
    };

export interface PrepareOptions {
  signal: AbortSignal;
  headers: () => Promise<Record<string, string>>;
  /** 0..1 when known, undefined while the size is unknown. */
  onProgress?: (fraction: number | undefined) => void;
}

export async function prepare(source: ViewerSource, options: PrepareOptions): Promise<PreparedStack> {
  switch (source.kind) {
    case 'urls':
      return preparePart10(
        source.urls.map((url) => (onBytes: Progress) =>
          options.headers().then((headers) => fetchBytes(url, { headers, signal: options.signal, onProgress: onBytes })),
        ),
        options,
      );
    case 'files':
      return preparePart10(
        source.files.map((file) => (onBytes: Progress) =>
          file.arrayBuffer().then((buffer) => {
            onBytes(buffer.byteLength, buffer.byteLength);
            return buffer;
          }),
        ),
        options,
      );
    case 'dicomweb':
      return prepareDicomWeb(source, options);
  }
}

type Progress = (received: number, total: number | undefined) => void;

async function preparePart10(
  readers: ((onBytes: Progress) => Promise<ArrayBuffer>)[],
  options: PrepareOptions,
): Promise<PreparedStack> {
  if (readers.length === 0) throw new ViewerError('no-source', 'No image was given.');
  const fractions: (number | undefined)[] = readers.map(() => 0);
  const report = () => {
    if (!options.onProgress) return;
    if (fractions.length === 1 && fractions[0] === undefined) return options.onProgress(undefined);
    const sum = fractions.reduce<number>((total, f) => total + (f ?? 0), 0);
    options.onProgress(sum / fractions.length);
  };
  const settled = await Promise.allSettled(
    readers.map(async (read, i) => {
      const original = await read((received, total) => {
        fractions[i] = total ? Math.min(1, received / total) : undefined;
        report();
      });
      options.signal.throwIfAborted();
      const { info, buffer, display } = await readFile(original);
      fractions[i] = 1;
      report();
      return { buffer, info, display };
    }),
  );
  options.signal.throwIfAborted();
  // One damaged or missing file should not hide the rest of a series: show what can be shown,
  // and say how many could not be. Only when nothing can be shown is it an error.
  const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failures = settled.flatMap((r) => (r.status === 'rejected' ? [toViewerError(r.reason)] : []));
  if (results.length === 0) throw failures[0]!;
  results.sort((a, b) => compareSlices(a.info, b.info));
  const count = results.reduce((total, r) => total + r.info.frames, 0);
  return {
    kind: 'part10',
    files: results.map((r) => ({ buffer: r.buffer, frames: r.info.frames, display: r.display })),
    facts: factsOf(results.map((r) => r.info)),
    count,
    skipped: failures.length,
    images: results.flatMap((r) =>
      Array.from({ length: r.info.frames }, (_, f) => ({
        geometry: r.info.geometry,
        sopInstanceUid: r.info.sopInstanceUid,
        frame: f + 1,
      })),
    ),
  };
}

function factsOf(infos: InspectedFile[]): SafeFacts {
  const first = infos[0]!;
  return {
    modality: first.modality,
    bodyPart: first.bodyPart,
    burnedInText: infos.some((info) => info.burnedInText),
  };
}

type DicomJson = Record<string, { vr?: string; Value?: unknown[] }>;

function value(json: DicomJson, tag: string): unknown {
  return json[tag]?.Value?.[0];
}

function text(json: DicomJson, tag: string): string {
  const v = value(json, tag);
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
}

const UID = /^[0-9.]{1,64}$/;

async function prepareDicomWeb(
  source: Extract<ViewerSource, { kind: 'dicomweb' }>,
  options: PrepareOptions,
): Promise<PreparedStack> {
  if (!source.root || !UID.test(source.study) || !UID.test(source.series)) {
    throw new ViewerError('no-source', 'The image server address is incomplete.');
  }
  const root = new URL(source.root.replace(/\/+$/, ''), document.baseURI).href;
  const seriesUrl = `${root}/studies/${source.study}/series/${source.series}`;
  options.onProgress?.(undefined);
  const headers = await options.headers();
  const instances = await fetchJson<DicomJson[]>(`${seriesUrl}/metadata`, { headers, signal: options.signal });
  if (!Array.isArray(instances) || instances.length === 0) {
    throw new ViewerError('not-found', 'The series has no images.');
  }
  // The same checks a file gets (src/sources/inspect.ts): no reports or other non-pictures, no
  // absurd sizes. What is left out is counted, as for a list of files.
  let refused: ViewerError | undefined;
  const pictures = instances.filter((json) => {
    const hasPicture = json['7FE00010'] !== undefined || text(json, '00280010') !== '';
    if (!hasPicture || isNotAPicture(text(json, '00080016'))) return false;
    try {
      checkPictureSize(Number(value(json, '00280010')) || 0, Number(value(json, '00280011')) || 0, Number(value(json, '00280002')) || 1);
      return true;
    } catch (error) {
      refused ??= toViewerError(error);
      return false;
    }
  });
  if (pictures.length === 0) throw refused ?? new ViewerError('not-an-image', 'The series holds no pictures to show.');
  const items = pictures.map((json) => {
    const slicePosition = slicePositionOf(
      (json['00200032']?.Value ?? []).map(Number),
      (json['00200037']?.Value ?? []).map(Number),
    );
    const instanceNumber = Number.parseInt(text(json, '00200013'), 10);
    const values = (tag: string) => (json[tag]?.Value ?? []).map(Number);
    const geometry = geometryOf({
      columns: Number(value(json, '00280011')) || 0,
      rows: Number(value(json, '00280010')) || 0,
      orientation: values('00200037'),
      patientOrientation: (json['00200020']?.Value ?? []).map(String).join('\\'),
      pixelSpacing: values('00280030'),
      imagerPixelSpacing: values('00181164'),
    });
    return {
      json,
      geometry,
      sop: text(json, '00080018'),
      frames: Math.max(1, Number.parseInt(text(json, '00280008') || '1', 10) || 1),
      instanceNumber: Number.isFinite(instanceNumber) ? instanceNumber : undefined,
      slicePosition,
      modality: text(json, '00080060').toUpperCase(),
      bodyPart: text(json, '00180015').toUpperCase(),
      burnedInText: text(json, '00280301').toUpperCase() === 'YES',
    };
  });
  items.sort(compareSlices);
  const frames: DicomWebFrame[] = [];
  const images: StackImage[] = [];
  let skipped = instances.length - pictures.length;
  for (const item of items) {
    if (!UID.test(item.sop)) {
      skipped++;
      continue;
    }
    for (let f = 1; f <= item.frames; f++) {
      frames.push({
        imageId: `wadors:${seriesUrl}/instances/${item.sop}/frames/${f}`,
        metadata: item.json,
      });
      images.push({ geometry: item.geometry, sopInstanceUid: item.sop, frame: f });
    }
  }
  if (frames.length === 0) throw new ViewerError('not-an-image', 'The series holds no pictures to show.');
  options.onProgress?.(1);
  const first = items[0]!;
  return {
    kind: 'wadors',
    frames,
    count: frames.length,
    skipped,
    images,
    headerPrefix: `wadors:${seriesUrl}/`,
    facts: {
      modality: first.modality,
      bodyPart: first.bodyPart,
      burnedInText: items.some((item) => item.burnedInText),
    },
  };
}
