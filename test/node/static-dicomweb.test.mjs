/**
 * scripts/static-dicomweb.mjs (issue 16): the static DICOMweb tree static-wado-creator writes, and
 * the plain file server for it. The files are where static-wado-creator puts them, gzipped JSON
 * and one-part multipart frames; a second store adds to a study; what is not DICOM is skipped; the
 * server finds `series/index.json.gz` for `.../series`, answers gzip-encoded, and ignores queries.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { serveStaticDicomWeb, writeStaticDicomWeb } from '../../scripts/static-dicomweb.mjs';
import { CT_SERIES_UID, CT_STUDY_UID, XR_SERIES_UID, XR_STUDY_UID, makeChestRadiograph, makeCtSeries } from '../../scripts/synthetic.mjs';

const dir = mkdtempSync(join(tmpdir(), 'pv-static-dicomweb-'));
const json = (...parts) => JSON.parse(gunzipSync(readFileSync(join(dir, ...parts))).toString('utf8'));
const study = (...parts) => join('studies', CT_STUDY_UID, ...parts);
let server;
let origin;

before(async () => {
  const serve = serveStaticDicomWeb(dir);
  server = createServer((req, res) => serve(req, res, () => res.writeHead(404).end('Not found')));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GET exactly as sent (no decompression), with `headers`. */
const get = (path, headers = {}) =>
  new Promise((resolve, reject) => {
    request(`${origin}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });

it('writes the layout static-wado-creator writes: indexes, series metadata, frames, gzipped', () => {
  const ct = makeCtSeries({ slices: 3, size: 32 });
  const result = writeStaticDicomWeb([...ct.map((file) => file.buffer), Buffer.from('not DICOM')], dir);
  assert.deepEqual(result, { studies: [CT_STUDY_UID], skipped: 1 });
  const studies = json('studies', 'index.json.gz');
  assert.deepEqual(studies.map((entry) => entry['0020000D'].Value[0]), [CT_STUDY_UID]);
  assert.deepEqual(studies[0]['00201208'].Value, [3]);
  assert.deepEqual(json(study('index.json.gz')), studies);
  const series = json(study('series', 'index.json.gz'));
  assert.deepEqual(series.map((entry) => [entry['0020000E'].Value[0], entry['00201209'].Value[0]]), [[CT_SERIES_UID, 3]]);
  // A series entry holds the series' own attributes only (model/TagLists.js SeriesQuery): no slice thickness.
  assert.equal(series[0]['00180050'], undefined);
  assert.deepEqual(json(study('series', CT_SERIES_UID, 'series', 'index.json.gz')), series);
  const instances = json(study('series', CT_SERIES_UID, 'instances', 'index.json.gz'));
  assert.deepEqual(instances.map((entry) => entry['00200013'].Value[0]), [1, 2, 3]);
  const metadata = json(study('series', CT_SERIES_UID, 'metadata.gz'));
  assert.equal(metadata.length, 3);
  const sop = metadata[0]['00080018'].Value[0];
  assert.deepEqual(metadata[0]['7FE00010'], { vr: 'OW', BulkDataURI: `instances/${sop}/frames` });
  assert.deepEqual(metadata[0]['00083002'].Value, ['1.2.840.10008.1.2.1']);
  assert.deepEqual(metadata[0]['00180050'].Value, [2.5]);
  // One frame: a one-part multipart body, the frame's own bytes (32 x 32 x 2), gzipped.
  const frame = gunzipSync(readFileSync(join(dir, study('series', CT_SERIES_UID, 'instances', sop, 'frames', '1.gz'))));
  const text = frame.toString('latin1');
  const boundary = /^--(BOUNDARY_[\w-]+)\r\n/.exec(text)?.[1];
  assert.ok(boundary, 'a boundary first');
  assert.match(text, /^--BOUNDARY_[\w-]+\r\nContent-Type: application\/octet-stream;transfer-syntax=1\.2\.840\.10008\.1\.2\.1\r\n\r\n/);
  assert.ok(text.endsWith(`\r\n--${boundary}--`));
  assert.equal(frame.length - text.indexOf('\r\n\r\n') - 4 - `\r\n--${boundary}--`.length, 32 * 32 * 2);
});

it('a second store adds to the study, and another study joins the list of studies', () => {
  writeStaticDicomWeb([makeChestRadiograph({ size: 32 }).buffer], dir);
  const other = makeCtSeries({ slices: 4, size: 32 }).slice(3);
  writeStaticDicomWeb(other.map((file) => file.buffer), dir);
  assert.deepEqual(json(study('series', 'index.json.gz'))[0]['00201209'].Value, [4]);
  assert.deepEqual(
    json('studies', 'index.json.gz').map((entry) => entry['0020000D'].Value[0]),
    [CT_STUDY_UID, XR_STUDY_UID],
  );
  assert.ok(existsSync(join(dir, 'studies', XR_STUDY_UID, 'series', XR_SERIES_UID, 'metadata.gz')));
});

it('served as plain files: .../series finds series/index.json.gz, gzip-encoded, every query ignored; no small pictures', async () => {
  const base = `/studies/${CT_STUDY_UID}`;
  const plain = await get(`${base}/series`, { 'Accept-Encoding': 'gzip' });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-encoding'], 'gzip');
  assert.equal(plain.headers['content-type'], 'application/json');
  const queried = await get(`${base}/series?Modality=MR&limit=0&includefield=00180050`, { 'Accept-Encoding': 'gzip' });
  assert.deepEqual(JSON.parse(gunzipSync(queried.body)), JSON.parse(gunzipSync(plain.body)));
  const metadata = await get(`${base}/series/${CT_SERIES_UID}/metadata`, { 'Accept-Encoding': 'gzip, br' });
  assert.equal(metadata.headers['content-type'], 'application/json');
  assert.equal(JSON.parse(gunzipSync(metadata.body)).length, 4);
  const sop = `${CT_SERIES_UID}.1`;
  const frame = await get(`${base}/series/${CT_SERIES_UID}/instances/${sop}/frames/1`, { 'Accept-Encoding': 'gzip' });
  assert.equal(frame.headers['content-type'], 'multipart/related');
  assert.match(gunzipSync(frame.body).toString('latin1'), /^--BOUNDARY_/);
  for (const path of [`${base}/instances?SOPInstanceUID=${sop}`, `${base}/series/${CT_SERIES_UID}/rendered`, `${base}/series/${CT_SERIES_UID}/thumbnail`, '/studies/..%2f..%2fetc/series']) {
    assert.equal((await get(path, { 'Accept-Encoding': 'gzip' })).status, 404, path);
  }
});
