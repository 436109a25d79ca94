/**
 * Serving the script-tag build the way a portal should (issue 11, portal developers): compressed
 * (precompressed `.br` and `.gz` copies beside every script and WebAssembly file in dist/cdn, sent by
 * `npm start` when the browser accepts them), with long caching for hashed chunks only.
 * And the themes inside dist/cdn, where each theme's own header says a portal finds them.
 * Uses `npm start`'s own server, which builds dist/cdn when it is missing or stale.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { cdnGroups } from '../../scripts/bundle-graph.mjs';
import { ROOT } from '../../scripts/platform.mjs';
import { get, startDemo } from './support/demo-server.mjs';
import { startServer } from './support/portal-pages.mjs';

const CDN = join(ROOT, 'dist/cdn');
let demo;

before(async () => {
  demo = await startDemo();
}, { timeout: 300_000 });

after(() => demo?.stop());

/** The Cornerstone core chunk: the biggest file a patient's phone downloads. */
const engineChunk = () => cdnGroups(CDN).imaging.find((file) => /^chunks\/cornerstone-core-[\w-]{8}\.js$/.test(file));

describe('dist/cdn, precompressed', () => {
  it('has a .br and a .gz copy beside every script and WebAssembly file, each the same bytes once decompressed and smaller', () => {
    const files = readdirSync(CDN, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|wasm)$/.test(file));
    assert.ok(files.some((file) => file.endsWith('.wasm')), 'the codecs are there');
    assert.ok(files.length > 10, `scripts and codecs found (${files.length})`);
    for (const file of files) {
      const raw = readFileSync(join(CDN, file));
      for (const [suffix, decompress] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
        const packed = join(CDN, file + suffix);
        assert.ok(existsSync(packed), `${file}${suffix} is there`);
        const bytes = readFileSync(packed);
        assert.ok(decompress(bytes).equals(raw), `${file}${suffix} holds ${file}`);
        if (raw.length > 4096) assert.ok(bytes.length < raw.length * 0.6, `${file}${suffix} is smaller (${bytes.length} of ${raw.length} bytes)`);
      }
    }
    // Source maps are for developers: not compressed copies of them.
    assert.deepEqual(readdirSync(CDN, { recursive: true, encoding: 'utf8' }).filter((file) => /\.map\.(br|gz)$/.test(file)), []);
  });
});

describe('npm start serves the script-tag build compressed', () => {
  it('sends the engine chunk as brotli to a browser that accepts it, gzip to one that accepts only gzip, and raw to one that accepts neither', async () => {
    const chunk = engineChunk();
    assert.ok(chunk, 'the Cornerstone core chunk is in dist/cdn');
    const raw = readFileSync(join(CDN, chunk));
    const url = `${demo.origin}/cdn/${chunk}`;

    const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(br.headers['content-type'], /javascript/);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i, 'caches keep the encodings apart');
    assert.ok(brotliDecompressSync(br.body).equals(raw), 'the brotli body is the chunk');
    assert.ok(br.body.length < raw.length / 4, `brotli sends ${br.body.length} of ${raw.length} bytes`);

    const gz = await get(url, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(raw), 'the gzip body is the chunk');

    const plain = await get(url, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(raw));
  });

  it('sends a WebAssembly codec compressed, still as application/wasm', async () => {
    const wasm = readdirSync(join(CDN, 'assets')).find((file) => /^openjpegwasm_decode-.*\.wasm$/.test(file));
    const res = await get(`${demo.origin}/cdn/assets/${wasm}`, { 'Accept-Encoding': 'br' });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers['content-type'], 'application/wasm');
  });

  it('caches hashed chunks for a year (immutable) and revalidates the entry script every time', async () => {
    const chunk = await get(`${demo.origin}/cdn/${engineChunk()}`, { 'Accept-Encoding': 'br' });
    assert.match(chunk.headers['cache-control'], /max-age=31536000/);
    assert.match(chunk.headers['cache-control'], /immutable/);
    const entry = await get(`${demo.origin}/cdn/patient-image-viewer.js`, { 'Accept-Encoding': 'br' });
    assert.equal(entry.headers['content-encoding'], 'br');
    assert.equal(entry.headers['cache-control'], 'no-cache');
  });
});

describe('the themes in the script-tag build', () => {
  it('dist/cdn copied whole to a portal has every theme at the path its own header names', async () => {
    const themes = readdirSync(join(ROOT, 'src/themes')).filter((file) => file.endsWith('.css'));
    assert.ok(themes.length >= 2, 'themes found');
    // A portal that copies dist/cdn to /assets/patient-image-viewer/, as the README and the headers say.
    const portal = await startServer({ mounts: { '/assets/patient-image-viewer/': CDN } });
    try {
      for (const theme of themes) {
        const source = readFileSync(join(ROOT, 'src/themes', theme));
        const named = /href="([^"]+)"/.exec(source.toString('utf8'))?.[1];
        assert.equal(named, `/assets/patient-image-viewer/themes/${theme}`, `${theme}'s header names its path in the copied folder`);
        const res = await get(`${portal.origin}${named}`);
        assert.equal(res.status, 200, `${named} is there`);
        assert.match(res.headers['content-type'], /^text\/css/);
        assert.ok(res.body.equals(source), `${named} is the theme as written`);
      }
    } finally {
      await portal.close();
    }
  });
});
