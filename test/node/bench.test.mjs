// `npm run bench -- --quick` works: it runs every section once (desktop, one file, no throttling) and
// writes a result in which every row holds numbers or says why it has none. No timing is asserted:
// speed is judged from the full `npm run bench`, never in a test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH, SHARED_DICOM_DIR } from '../../scripts/platform.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const skip = !existsSync(join(SHARED_DICOM_DIR, '693_UNCR.dcm'))
  ? `the shared DICOM files are not at ${SHARED_DICOM_DIR} (../shared/dicom beside the checkout, or set PV_DICOM_DIR)`
  : !existsSync(CHROME_PATH)
    ? `Chromium is not at ${CHROME_PATH} (set CHROME_PATH)`
    : false;

const SECTIONS = ['first-image', 'lower-bound', 'scroll', 'labels', 'memory', 'bytes'];

test('npm run bench -- --quick writes a well-formed result for every row', { skip, timeout: 175_000 }, () => {
  const out = join(tmpdir(), `pv-bench-test-${process.pid}.json`);
  try {
    const run = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
      killSignal: 'SIGTERM', // the harness closes its browsers and server on SIGTERM
    });
    assert.equal(run.status, 0, `bench exited ${run.status}${run.signal ? ` (${run.signal})` : ''}:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));

    assert.equal(result.quick, true);
    assert.match(result.machine.chromium, /Chrom/);
    for (const section of SECTIONS) {
      assert.ok(result.rows.some((row) => row.section === section), `no rows for ${section}`);
    }
    // DICOMweb (issue 15): Orthanc with and without rendered pictures, or the reason it was skipped.
    const dicomweb = result.settings.dicomweb;
    if (dicomweb.skipped) assert.match(dicomweb.skipped, /Orthanc/);
    else {
      const rendered = (server) =>
        result.rows.find((row) => row.section === 'dicomweb' && row.viewer === 'ours' && row.server === server && row.phase === 'cold' && row.measure === 'rendered picture requests (whole show)');
      for (const server of ['rendered', 'no rendered']) {
        assert.ok(
          result.rows.some((row) => row.section === 'dicomweb' && row.server === server && row.measure === 'navigation start -> first picture' && row.median !== undefined),
          `no DICOMweb first picture from the server "${server}"`,
        );
      }
      // A cold viewer asks each server for the rendered picture; the one without them answers 404.
      assert.ok(rendered('rendered').median >= 1 && rendered('no rendered').median >= 1, 'the cold viewer never asked for a rendered picture');
      assert.ok(result.details.dicomweb.renderedRefused >= 1, 'the server without rendered pictures refused none');
    }
    for (const viewer of ['ours', 'cornerstone', 'dwv']) {
      assert.ok(
        result.rows.some((row) => row.section === 'first-image' && row.viewer === viewer),
        `no first-image rows for ${viewer}`,
      );
    }
    for (const row of result.rows) {
      const name = `${row.section} ${row.viewer} ${row.file} ${row.profile} ${row.phase ?? ''} ${row.measure}`;
      if (row.median === undefined) {
        assert.equal(typeof row.failure, 'string', `${name}: neither a value nor a failure reason`);
        assert.ok(row.failure.length > 0, `${name}: empty failure reason`);
        continue;
      }
      for (const key of ['median', 'min', 'max']) {
        assert.ok(Number.isFinite(row[key]), `${name}: ${key} is not a number`);
      }
      assert.ok(row.min <= row.median && row.median <= row.max, `${name}: median outside min-max`);
      assert.equal(row.n, row.runs.length, `${name}: n does not match the runs`);
      assert.ok(row.runs.every(Number.isFinite), `${name}: a run is not a number`);
    }
    // Our viewer and the lower bound must produce numbers: a failure there means the harness (or the
    // viewer) is broken, not that a peer viewer cannot read a file.
    for (const row of result.rows.filter((r) => r.viewer === 'ours' || r.viewer === 'lower')) {
      assert.equal(row.failure, undefined, `${row.section} ${row.measure}: ${row.failure}`);
    }
    for (const ratio of result.ratios) {
      assert.ok(Number.isFinite(ratio.value) || typeof ratio.failure === 'string', `${ratio.name}: neither a value nor a reason`);
    }
    assert.match(result.table, /Time to first image/);
  } finally {
    rmSync(out, { force: true });
  }
});
