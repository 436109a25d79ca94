import { expect } from '@open-wc/testing';
import { ViewerError } from '../../src/sources/errors.js';
import { fetchBytes, fetchJson } from '../../src/sources/fetch-bytes.js';
import { prepare, sameSource, type PreparedStack, type ViewerSource } from '../../src/sources/prepare.js';
import { dicom, dicomFile } from '../fakes/dicom.js';

const noHeaders = async () => ({});
const options = (signal = new AbortController().signal) => ({ signal, headers: noHeaders });

/** The class of failure `prepare` rejects with (it must be a ViewerError). */
async function failure(source: ViewerSource): Promise<string> {
  try {
    await prepare(source, options());
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ViewerError);
    return (error as ViewerError).type;
  }
  throw new Error('expected prepare() to refuse the source');
}

const files = (...list: (File | Blob)[]): ViewerSource => ({ kind: 'files', files: list });

/** Answers `fetch` from a table (path to response) while a test runs; records what was asked. */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>): { requests: { url: string; headers: Headers }[]; restore(): void } {
  const real = globalThis.fetch;
  const requests: { url: string; headers: Headers }[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), location.href);
    requests.push({ url: url.href, headers: new Headers(init?.headers) });
    init?.signal?.throwIfAborted();
    const route = routes[url.pathname];
    if (!route) return new Response('Not found', { status: 404 });
    return route();
  };
  return { requests, restore: () => (globalThis.fetch = real) };
}

const json = (value: unknown) => new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/dicom+json' } });

/** DICOM JSON for one instance of a series (the WADO-RS metadata a server returns). */
function instance(sop: string, fields: Record<string, { vr: string; Value: unknown[] }> = {}) {
  return {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080018': { vr: 'UI', Value: [sop] },
    '00080060': { vr: 'CS', Value: ['CT'] },
    '00280010': { vr: 'US', Value: [4] },
    '00280011': { vr: 'US', Value: [4] },
    ...fields,
  };
}

describe('prepare: the checks before the engine sees anything (unit)', () => {
  describe('files and URLs (Part 10)', () => {
    it('[HAZ-011] a series comes back in Instance Number order, with safe facts and one image per frame', async () => {
      const stack = await prepare(
        files(
          dicomFile({ SOPInstanceUID: '2.25.3', InstanceNumber: '3', BodyPartExamined: 'head' }),
          dicomFile({ SOPInstanceUID: '2.25.1', InstanceNumber: '1' }),
          dicomFile({ SOPInstanceUID: '2.25.2', InstanceNumber: '2', BurnedInAnnotation: 'YES' }),
        ),
        options(),
      );
      expect(stack.kind).to.equal('part10');
      expect(stack.count).to.equal(3);
      expect(stack.skipped).to.equal(0);
      expect(stack.images.map((image) => image.sopInstanceUid)).to.deep.equal(['2.25.1', '2.25.2', '2.25.3']);
      // The first in order gives modality and body part; burned-in text is any file's.
      expect(stack.facts).to.deep.equal({ modality: 'CT', bodyPart: '', burnedInText: true });
    });

    it('nothing given is no-source', async () => {
      expect(await failure(files())).to.equal('no-source');
      expect(await failure({ kind: 'urls', urls: [] })).to.equal('no-source');
    });

    it('a file that is not DICOM (a sign-in page) is unsupported-format', async () => {
      expect(await failure(files(new Blob(['<!doctype html><p>Please sign in</p>'])))).to.equal('unsupported-format');
    });

    it('[HAZ-004] a file cut short is corrupt-file', async () => {
      expect(await failure(files(new Blob([new Uint8Array(dicom()).slice(0, 200)])))).to.equal('corrupt-file');
    });

    it('[HAZ-004] objects that hold no picture (a structured report, a presentation state, a waveform) are not-an-image', async () => {
      const noPixels = { PixelData: undefined, _vrMap: {} };
      expect(await failure(files(dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.22', ...noPixels })))).to.equal('not-an-image');
      expect(await failure(files(dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.11.1' })))).to.equal('not-an-image');
      expect(await failure(files(dicomFile({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.9.1.1' })))).to.equal('not-an-image');
    });

    it('one bad file in a series is skipped and counted; the rest are shown', async () => {
      const stack = await prepare(
        files(dicomFile({ SOPInstanceUID: '2.25.1', InstanceNumber: '1' }), new Blob(['not dicom']), dicomFile({ SOPInstanceUID: '2.25.2', InstanceNumber: '2' })),
        options(),
      );
      expect(stack.count).to.equal(2);
      expect(stack.skipped).to.equal(1);
    });

    it('reports progress up to 1', async () => {
      const seen: (number | undefined)[] = [];
      await prepare(files(dicomFile(), dicomFile({ SOPInstanceUID: '2.25.9' })), { ...options(), onProgress: (f) => seen.push(f) });
      expect(seen.at(-1)).to.equal(1);
      expect(seen.every((f) => f === undefined || (f >= 0 && f <= 1))).to.equal(true);
    });

    it('server answers become error classes (retryable or not), with the portal\'s headers on every request', async () => {
      const server = fakeFetch({
        '/ok.dcm': () => new Response(dicom()),
        '/401.dcm': () => new Response('', { status: 401 }),
        '/403.dcm': () => new Response('', { status: 403 }),
        '/410.dcm': () => new Response('', { status: 410 }),
        '/500.dcm': () => new Response('', { status: 500 }),
        '/504.dcm': () => new Response('', { status: 504 }),
        '/cut.dcm': () => Promise.reject(new TypeError('Failed to fetch')),
      });
      try {
        const withToken = { signal: new AbortController().signal, headers: async () => ({ Authorization: 'Bearer t' }) };
        const stack = await prepare({ kind: 'urls', urls: ['/ok.dcm'] }, withToken);
        expect(stack.count).to.equal(1);
        expect(server.requests[0]!.headers.get('Authorization')).to.equal('Bearer t');

        const refused = async (url: string) => {
          try {
            await prepare({ kind: 'urls', urls: [url] }, options());
          } catch (error) {
            return [(error as ViewerError).type, (error as ViewerError).status, (error as ViewerError).retryable];
          }
          throw new Error(`expected ${url} to fail`);
        };
        expect(await refused('/401.dcm')).to.deep.equal(['unauthorised', 401, true]);
        expect(await refused('/403.dcm')).to.deep.equal(['unauthorised', 403, true]);
        expect(await refused('/missing.dcm')).to.deep.equal(['not-found', 404, false]);
        expect(await refused('/410.dcm')).to.deep.equal(['not-found', 410, false]);
        expect(await refused('/500.dcm')).to.deep.equal(['server', 500, true]);
        expect(await refused('/504.dcm')).to.deep.equal(['timeout', 504, true]);
        expect(await refused('/cut.dcm')).to.deep.equal(['network', undefined, true]);
      } finally {
        server.restore();
      }
    });

    it('an aborted load rejects with the abort\'s own reason, not an error class a patient would see', async () => {
      const server = fakeFetch({ '/ok.dcm': () => new Response(dicom()) });
      try {
        const abort = new AbortController();
        const reason = new DOMException('replaced by a newer load', 'AbortError');
        abort.abort(reason);
        let caught: unknown;
        await prepare({ kind: 'urls', urls: ['/ok.dcm'] }, options(abort.signal)).catch((error: unknown) => (caught = error));
        expect(caught).to.equal(reason);
      } finally {
        server.restore();
      }
    });
  });

  describe('DICOMweb', () => {
    const series = (root = '/dicom-web') => ({ kind: 'dicomweb' as const, root, study: '1.2.3', series: '4.5.6' });
    const metadataPath = '/dicom-web/studies/1.2.3/series/4.5.6/metadata';

    async function prepared(metadata: () => Response): Promise<PreparedStack> {
      const server = fakeFetch({ [metadataPath]: metadata });
      try {
        return await prepare(series(), options());
      } finally {
        server.restore();
      }
    }

    async function refused(metadata: () => Response): Promise<string> {
      try {
        await prepared(metadata);
      } catch (error) {
        expect(error).to.be.instanceOf(ViewerError);
        return (error as ViewerError).type;
      }
      throw new Error('expected the series to be refused');
    }

    it('[HAZ-011] makes one wadors image id per frame, in Instance Number order, and leaves out non-pictures (counted)', async () => {
      const stack = await prepared(() =>
        json([
          instance('1.1.2', { '00200013': { vr: 'IS', Value: [2] } }),
          instance('1.1.9', { '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] } }),
          instance('1.1.1', { '00200013': { vr: 'IS', Value: [1] }, '00280008': { vr: 'IS', Value: [2] } }),
        ]),
      );
      expect(stack.kind).to.equal('wadors');
      if (stack.kind !== 'wadors') return;
      const root = new URL('/dicom-web/studies/1.2.3/series/4.5.6', location.href).href;
      expect(stack.frames.map((frame) => frame.imageId)).to.deep.equal([
        `wadors:${root}/instances/1.1.1/frames/1`,
        `wadors:${root}/instances/1.1.1/frames/2`,
        `wadors:${root}/instances/1.1.2/frames/1`,
      ]);
      expect(stack.skipped).to.equal(1);
      expect(stack.headerPrefix).to.equal(`wadors:${root}/`);
      expect(stack.facts.modality).to.equal('CT');
    });

    it('an incomplete address (a UID that is not one) is no-source, and nothing is fetched', async () => {
      const server = fakeFetch({});
      try {
        let type = '';
        await prepare({ kind: 'dicomweb', root: '/dicom-web', study: '1.2.3', series: 'DROP TABLE' }, options()).catch(
          (error: ViewerError) => (type = error.type),
        );
        expect(type).to.equal('no-source');
        expect(server.requests).to.have.length(0);
      } finally {
        server.restore();
      }
    });

    it('an empty series is not-found; one of only reports is not-an-image; a huge picture is too-large', async () => {
      expect(await refused(() => json([]))).to.equal('not-found');
      expect(await refused(() => json([instance('1.1.1', { '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.88.22'] } })]))).to.equal(
        'not-an-image',
      );
      expect(await refused(() => json([instance('1.1.1', { '00280010': { vr: 'US', Value: [65535] }, '00280011': { vr: 'US', Value: [65535] } })]))).to.equal(
        'too-large',
      );
    });

    it('a server that answers with something that is not JSON is a server error; a 500 too; a 401 is unauthorised', async () => {
      expect(await refused(() => new Response('<html>oops</html>'))).to.equal('server');
      expect(await refused(() => new Response('', { status: 500 }))).to.equal('server');
      expect(await refused(() => new Response('', { status: 401 }))).to.equal('unauthorised');
    });
  });

  describe('fetchBytes / fetchJson', () => {
    it('reports progress against Content-Length and returns the whole body', async () => {
      const server = fakeFetch({ '/x': () => new Response(new Uint8Array(1000), { headers: { 'Content-Length': '1000' } }) });
      try {
        const seen: number[] = [];
        const bytes = await fetchBytes('/x', { signal: new AbortController().signal, onProgress: (received, total) => seen.push(received / total!) });
        expect(bytes.byteLength).to.equal(1000);
        expect(seen.at(-1)).to.equal(1);
        expect(server.requests[0]!.headers.get('Accept')).to.contain('application/dicom');
        expect(await fetchJson('/x', { signal: new AbortController().signal }).catch((e: ViewerError) => e.type)).to.equal('server');
      } finally {
        server.restore();
      }
    });
  });

  describe('sameSource', () => {
    it('is true for the same images named again, false for any difference', () => {
      const a = new File(['a'], 'a.dcm');
      expect(sameSource({ kind: 'urls', urls: ['/a', '/b'] }, { kind: 'urls', urls: ['/a', '/b'] })).to.equal(true);
      expect(sameSource({ kind: 'urls', urls: ['/a', '/b'] }, { kind: 'urls', urls: ['/b', '/a'] })).to.equal(false);
      expect(sameSource({ kind: 'urls', urls: ['/a'] }, { kind: 'urls', urls: ['/a', '/b'] })).to.equal(false);
      expect(sameSource({ kind: 'files', files: [a] }, { kind: 'files', files: [a] })).to.equal(true);
      expect(sameSource({ kind: 'files', files: [a] }, { kind: 'files', files: [new File(['a'], 'a.dcm')] })).to.equal(false);
      const web = { kind: 'dicomweb', root: '/r', study: '1', series: '2' } as const;
      expect(sameSource(web, { ...web })).to.equal(true);
      expect(sameSource(web, { ...web, series: '3' })).to.equal(false);
      expect(sameSource(undefined, undefined)).to.equal(true);
      expect(sameSource(web, undefined)).to.equal(false);
    });
  });
});
