#!/usr/bin/env node
/**
 * The static DICOMweb tree that `@radicalimaging/static-wado-creator` (`mkdicomweb`) writes, written
 * here with dcmjs: the files a plain static file server, an object store or a CDN serves as a
 * read-only DICOMweb service (how large OHIF deployments serve studies). static-wado-creator cannot be
 * installed here (its `@radicalimaging/cs3d` dependency is not on the npm registry, and it needs the
 * native `canvas` package), so this follows its on-disk layout, read from its source
 * (github.com/RadicalImaging/Static-DICOMWeb, packages/static-wado-creator/lib):
 *
 *   studies/index.json.gz                                   every study's QIDO-RS entry (writer/CompleteStudyWriter.js)
 *   studies/{study}/index.json.gz                           the study's entry (operation/StudyData.js writeMetadata)
 *   studies/{study}/series/index.json.gz                    QIDO-RS series search answer (StudyData.js)
 *   studies/{study}/series/{series}/series/index.json.gz    the one series' entry (StudyData.js)
 *   studies/{study}/series/{series}/metadata.gz             WADO-RS series metadata, every instance (StudyData.js)
 *   studies/{study}/series/{series}/instances/index.json.gz QIDO-RS instance search answer (StudyData.js)
 *   studies/{study}/series/{series}/instances/{sop}/frames/{n}[.gz]
 *                                                           one frame, a one-part multipart/related body
 *                                                           (writer/ImageFrameWriter.js, WriteMultipart.js),
 *                                                           gzipped when uncompressed (model/uids.js)
 *   studies/{study}/bulkdata/{aaa}/{bb}/{rest}[.gz]         binary values over 128 kB (writer/HashDataWriter.js)
 *
 * Entries carry the attributes of model/TagLists.js (PatientStudyQuery, SeriesQuery, InstanceQuery)
 * plus the counts StudyData.js adds; metadata is every attribute, pixel data as a `BulkDataURI` of
 * `instances/{sop}/frames` (operation/getValue.js, writer/ExpandUriPath.js), the transfer syntax as
 * AvailableTransferSyntaxUID (operation/getDataSet.js), JSON files gzipped (writer/JSONWriter.js,
 * WriteStream.js).
 *
 * Where this tree differs from mkdicomweb's (on purpose or for want of its native codecs):
 * - frames are kept in their own transfer syntax (mkdicomweb's `--no-recompress`); by default it
 *   recompresses uncompressed frames to JPEG-LS;
 * - no thumbnails and no rendered images (mkdicomweb makes them with cs3d and canvas): a viewer must
 *   fall back, which is the point of testing against this tree;
 * - none of its private deduplication attributes (group 0009) in the entries, and no `deduplicated/`
 *   or `instances/` working folders (internal to mkdicomweb, not DICOMweb);
 * - no hashed study folders (newer versions' `--hash-study-uid-path`); bulk data named by SHA-256;
 * - an encapsulated frame is one part per frame (fragments joined), as most files have.
 *
 * Merging: storing more instances of a study reads the study's series metadata back from the tree
 * and writes every index again (mkdicomweb does the same from its deduplicated files).
 *
 * Usage: node scripts/static-dicomweb.mjs <out-dir> <file-or-folder>...
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import dcmjs from 'dcmjs';
import sirv from 'sirv';

const { DicomMessage } = dcmjs.data;

/** model/TagLists.js PatientStudyQuery. */
const STUDY_QUERY = ['00100020', '00100010', '00100021', '00120062', '00120064', '00081030', '00080050', '0020000D', '00080020', '00080030', '0032000A', '0032000C', '00200010'];
/** model/TagLists.js SeriesQuery. */
const SERIES_QUERY = ['0020000D', '0008103E', '00200011', '0020000E', '00080060', '00080021', '00080031', '00080005', '00080080', '00080090', '00081010', '00081070', '00081090', '00180015', '00181030', '00321060'];
/** model/TagLists.js InstanceQuery. */
const INSTANCE_QUERY = [
  '00080018', '00200013', '0020000E', '0020000D', '00080023', '00080033', '00080022', '00080032', '00200012', '00280002', '00280004',
  '00280006', '00280010', '00280011', '00280100', '00280101', '00280102', '00280103', '00281050', '00281051', '00281055', '00080013',
];
/** The mkdicomweb default `maximumInlinePublicLength`. */
const MAX_INLINE = 128 * 1024 + 2;
const BINARY = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'UN']);
const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.2']);
/** model/uids.js: a compressed frame's content type by transfer syntax. */
const FRAME_TYPES = {
  '1.2.840.10008.1.2.4.50': 'image/jpeg',
  '1.2.840.10008.1.2.4.51': 'image/jpeg',
  '1.2.840.10008.1.2.4.57': 'image/jpeg',
  '1.2.840.10008.1.2.4.70': 'image/jll',
  '1.2.840.10008.1.2.4.80': 'image/jls',
  '1.2.840.10008.1.2.4.81': 'image/jls',
  '1.2.840.10008.1.2.4.90': 'image/jp2',
  '1.2.840.10008.1.2.4.91': 'image/jp2',
  '1.2.840.10008.1.2.4.201': 'image/jphc',
  '1.2.840.10008.1.2.4.202': 'image/jphc',
  '1.2.840.10008.1.2.4.203': 'image/jphc',
  '1.2.840.10008.1.2.5': 'image/dicom-rle',
};
const UID = /^[0-9.]{1,64}$/;

const first = (json, tag) => json[tag]?.Value?.[0];
const pick = (json, tags) => Object.fromEntries(tags.filter((tag) => json[tag] !== undefined).map((tag) => [tag, json[tag]]));

function writeGzip(dir, name, text) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), gzipSync(text));
}

/** writer/JSONWriter.js: `{dir}/{name}/index.json.gz`. */
function writeIndex(dir, name, entries) {
  writeGzip(join(dir, name), 'index.json.gz', JSON.stringify(entries));
}

function readGzipJson(path, fallback) {
  try {
    return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
  } catch {
    return fallback;
  }
}

/** writer/WriteMultipart.js: one part, its own boundary. */
function multipart(contentType, bytes) {
  const boundary = `BOUNDARY_${randomUUID()}`;
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: ${contentType}\r\n\r\n`, 'latin1'),
    bytes,
    Buffer.from(`\r\n--${boundary}--`, 'latin1'),
  ]);
}

function toBuffer(value) {
  return Buffer.from(value instanceof ArrayBuffer ? new Uint8Array(value) : value.buffer ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value);
}

/** The frames of a pixel data value: native cut by frame size; encapsulated one entry per frame (fragments joined otherwise). */
function framesOf(json, value, transferSyntax) {
  const count = Math.max(1, Number(first(json, '00280008') ?? 1) || 1);
  const parts = (value ?? []).map(toBuffer);
  if (!UNCOMPRESSED.has(transferSyntax)) {
    if (parts.length === count) return parts;
    return count === 1 ? [Buffer.concat(parts)] : parts.slice(0, count);
  }
  const all = Buffer.concat(parts);
  const size = Math.ceil((Number(first(json, '00280010')) * Number(first(json, '00280011')) * Number(first(json, '00280002') ?? 1) * Number(first(json, '00280100'))) / 8);
  if (!(size > 0)) return [all];
  return Array.from({ length: count }, (_, i) => all.subarray(i * size, (i + 1) * size));
}

/**
 * One Part 10 file as series metadata JSON, its frames and bulk data written into the study folder.
 * Returns the instance's metadata, or undefined when it is not DICOM with the three UIDs.
 */
function writeInstance(buffer, root) {
  let read;
  try {
    read = DicomMessage.readFile(buffer instanceof ArrayBuffer ? buffer : new Uint8Array(buffer).slice().buffer);
  } catch {
    return undefined;
  }
  const { dict, meta } = read;
  const study = first(dict, '0020000D');
  const series = first(dict, '0020000E');
  const sop = first(dict, '00080018');
  if (![study, series, sop].every((uid) => typeof uid === 'string' && UID.test(uid))) return undefined;
  const transferSyntax = first(meta, '00020010') ?? '1.2.840.10008.1.2.1';
  const studyPath = join(root, 'studies', study);
  const framesPath = join(studyPath, 'series', series, 'instances', sop, 'frames');

  const convert = (dataset, top) => {
    const out = {};
    for (const [tag, element] of Object.entries(dataset)) {
      if (!/^[0-9A-F]{8}$/i.test(tag) || tag.startsWith('0002') || tag.endsWith('0000')) continue;
      const { vr, Value } = element;
      if (top && tag === '7FE00010') {
        // operation/extractImageFrames.js: each frame its own file; the metadata points at them.
        const type = UNCOMPRESSED.has(transferSyntax) ? 'application/octet-stream' : (FRAME_TYPES[transferSyntax] ?? 'application/octet-stream');
        const gzip = UNCOMPRESSED.has(transferSyntax);
        mkdirSync(framesPath, { recursive: true });
        framesOf(dataset, Value, transferSyntax).forEach((frame, i) => {
          const body = multipart(`${type};transfer-syntax=${transferSyntax}`, frame);
          writeFileSync(join(framesPath, gzip ? `${i + 1}.gz` : `${i + 1}`), gzip ? gzipSync(body) : body);
        });
        out[tag] = { vr, BulkDataURI: `instances/${sop}/frames` };
      } else if (vr === 'SQ') {
        out[tag] = Value?.length ? { vr, Value: Value.map((item) => convert(item, false)) } : { vr };
      } else if (BINARY.has(vr)) {
        const bytes = Buffer.concat((Value ?? []).map(toBuffer));
        if (bytes.length === 0) out[tag] = { vr };
        else if (bytes.length <= MAX_INLINE) out[tag] = { vr, InlineBinary: bytes.toString('base64') };
        else {
          // writer/HashDataWriter.js: bulkdata/{3}/{2}/{rest}, gzipped when over 1 kB.
          const hash = createHash('sha256').update(bytes).digest('hex');
          const dir = join(studyPath, 'bulkdata', hash.slice(0, 3), hash.slice(3, 5));
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `${hash.slice(5)}.gz`), gzipSync(bytes));
          out[tag] = { vr, BulkDataURI: `bulkdata/${hash.slice(0, 3)}/${hash.slice(3, 5)}/${hash.slice(5)}` };
        }
      } else {
        out[tag] = Value === undefined || Value.length === 0 ? { vr } : { vr, Value };
      }
    }
    return out;
  };
  const json = convert(dict, true);
  json['00083002'] = { vr: 'UI', Value: [transferSyntax] };
  return json;
}

function seriesNumber(json) {
  return Number(first(json, '00200011') ?? 0) || 0;
}

/** The study's series metadata already in the tree (so a second store adds to the study). */
function readStudy(studyPath) {
  const seriesDir = join(studyPath, 'series');
  if (!existsSync(seriesDir)) return [];
  return readdirSync(seriesDir)
    .filter((name) => UID.test(name) && existsSync(join(seriesDir, name, 'metadata.gz')))
    .flatMap((name) => readGzipJson(join(seriesDir, name, 'metadata.gz'), []));
}

/** operation/StudyData.js writeMetadata: every index of one study from its instances' metadata. */
function writeStudyIndexes(root, study, instances) {
  const studyPath = join(root, 'studies', study);
  const bySeries = new Map();
  for (const json of instances) {
    const series = first(json, '0020000E');
    if (!bySeries.has(series)) bySeries.set(series, []);
    bySeries.get(series).push(json);
  }
  const seriesList = [];
  const modalities = [];
  for (const [series, list] of [...bySeries].sort((a, b) => seriesNumber(a[1][0]) - seriesNumber(b[1][0]))) {
    list.sort((a, b) => Number(first(a, '00200013') ?? 0) - Number(first(b, '00200013') ?? 0));
    const seriesPath = join(studyPath, 'series', series);
    const entry = { ...pick(list[0], SERIES_QUERY), '00201209': { vr: 'IS', Value: [list.length] } };
    const modality = first(list[0], '00080060');
    if (modality && !modalities.includes(modality)) modalities.push(modality);
    seriesList.push(entry);
    writeGzip(seriesPath, 'metadata.gz', JSON.stringify(list));
    writeIndex(seriesPath, 'series', [entry]);
    writeIndex(
      seriesPath,
      'instances',
      list.map((json) => pick(json, INSTANCE_QUERY)),
    );
  }
  writeIndex(studyPath, 'series', seriesList);
  const studyEntry = {
    ...pick(instances[0], STUDY_QUERY),
    '00080061': { vr: 'CS', Value: modalities },
    '00201208': { vr: 'IS', Value: [instances.length] },
    '00201206': { vr: 'IS', Value: [seriesList.length] },
  };
  writeGzip(studyPath, 'index.json.gz', JSON.stringify([studyEntry]));
  // writer/CompleteStudyWriter.js: the list of all studies, this one replaced where it was, or added.
  const all = readGzipJson(join(root, 'studies', 'index.json.gz'), []);
  const at = all.findIndex((entry) => first(entry, '0020000D') === study);
  if (at === -1) all.push(studyEntry);
  else all[at] = studyEntry;
  writeIndex(root, 'studies', all);
  return studyEntry;
}

/**
 * Write Part 10 files (ArrayBuffers or Buffers) into a static DICOMweb tree at `outDir`, adding to
 * the studies already there. Files that are not DICOM (or lack a study, series or instance UID) are
 * skipped and counted. Returns the study UIDs written and how many files were skipped.
 */
export function writeStaticDicomWeb(buffers, outDir) {
  const root = resolve(outDir);
  const byStudy = new Map();
  let skipped = 0;
  for (const buffer of buffers) {
    const json = writeInstance(buffer, root);
    if (!json) {
      skipped++;
      continue;
    }
    const study = first(json, '0020000D');
    if (!byStudy.has(study)) byStudy.set(study, []);
    byStudy.get(study).push(json);
  }
  for (const [study, added] of byStudy) {
    const sops = new Set(added.map((json) => first(json, '00080018')));
    const kept = readStudy(join(root, 'studies', study)).filter((json) => !sops.has(first(json, '00080018')));
    writeStudyIndexes(root, study, [...kept, ...added]);
  }
  return { studies: [...byStudy.keys()], skipped };
}

/**
 * Serve a static DICOMweb tree as a plain static file server, an object store or a CDN would: sirv
 * with options only. `GET .../studies/{study}/series` finds `series/index.json.gz` (sirv tries
 * `{path}.json.gz`, `{path}/index.json.gz`, `{path}.gz`... in that order for a client that accepts
 * gzip) and answers with `Content-Encoding: gzip`; query strings are ignored (no QIDO-RS matching, no
 * limit or offset, no includefield); anything not in the tree is a 404 (no /thumbnail, no /rendered,
 * no study-level instance search). The files without an extension get the content types a deployment
 * gives them (static-wado-webserver's byteRangeRequest.mjs: frames `multipart/related`, the boundary
 * read from the body; metadata JSON). `dev` looks at the disk on every request, so studies stored
 * after the start are found.
 */
export function serveStaticDicomWeb(dir) {
  return sirv(resolve(dir), {
    dev: true,
    gzip: true,
    extensions: ['json'],
    setHeaders(res, pathname) {
      if (/\/frames\/\d+$/.test(pathname)) res.setHeader('Content-Type', 'multipart/related');
      else if (/\/metadata$/.test(pathname)) res.setHeader('Content-Type', 'application/json');
    },
  });
}

function filesIn(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((name) => filesIn(join(path, name)));
  return [path];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...inputs] = process.argv.slice(2);
  if (!outDir || inputs.length === 0) {
    console.error('Usage: node scripts/static-dicomweb.mjs <out-dir> <file-or-folder>...');
    process.exit(2);
  }
  const files = inputs.flatMap(filesIn);
  const { studies, skipped } = writeStaticDicomWeb(
    files.map((file) => readFileSync(file)),
    outDir,
  );
  console.log(`Wrote ${studies.length} ${studies.length === 1 ? 'study' : 'studies'} to ${outDir} (${skipped} of ${files.length} files skipped: not DICOM)`);
}
