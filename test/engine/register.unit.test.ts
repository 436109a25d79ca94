import { expect } from '@open-wc/testing';
import type { Cornerstone } from '../../src/engine/engine.js';
import { registerStack } from '../../src/engine/register.js';
import type { PreparedStack } from '../../src/sources/prepare.js';

/**
 * The parts of Cornerstone that registerStack touches, recorded: the image cache, the WADO-RS
 * metadata, the file manager, the display fixes and header sources. Nothing is drawn.
 */
function fakeCornerstone() {
  const cached = new Set<string>();
  const metadata = new Map<string, unknown>();
  const files: (Blob | undefined)[] = [];
  const unloaded: string[] = [];
  const fixes = new Map<string, unknown>();
  const headerSources: string[] = [];
  const engine = {
    core: {
      cache: {
        removeImageLoadObject(imageId: string) {
          if (!cached.delete(imageId)) throw new Error(`not in the cache: ${imageId}`);
        },
      },
    },
    loader: {
      wadouri: {
        fileManager: {
          add: (blob: Blob) => `dicomfile:${files.push(blob) - 1}`,
          remove: (index: number) => void (files[index] = undefined),
        },
        dataSetCacheManager: { unload: (url: string) => void unloaded.push(url) },
      },
      wadors: {
        metaDataManager: {
          add: (imageId: string, value: unknown) => void metadata.set(imageId, value),
          remove: (imageId: string) => void metadata.delete(imageId),
        },
      },
    },
    setDisplayFixes(imageId: string, value: unknown) {
      fixes.set(imageId, value);
      return () => fixes.delete(imageId);
    },
    addHeaderSource(prefix: string) {
      headerSources.push(prefix);
      return () => headerSources.splice(headerSources.indexOf(prefix), 1);
    },
  };
  return { engine: engine as unknown as Cornerstone, cached, metadata, files, unloaded, fixes, headerSources };
}

const series = 'wadors:/dicom-web/studies/1/series/2';
function dicomweb(frames = 3): PreparedStack {
  return {
    kind: 'wadors',
    frames: Array.from({ length: frames }, (_, i) => ({ imageId: `${series}/instances/${i}/frames/1`, metadata: { i } })),
    facts: {} as never,
    count: frames,
    skipped: 0,
    images: [],
    headerPrefix: `${series}/`,
  };
}
function part10(): PreparedStack {
  return {
    kind: 'part10',
    files: [{ buffer: new ArrayBuffer(8), frames: 1, display: { aspect: [4, 3] } as never }],
    facts: {} as never,
    count: 1,
    skipped: 0,
    images: [],
  };
}
const headers = () => ({});

describe('registerStack: what a viewer hands the engine, and takes back (unit, Cornerstone stand-in)', () => {
  it('[HAZ-010] two viewers of one DICOMweb series share its frames: removing one leaves the other its metadata and cached images', () => {
    const cs = fakeCornerstone();
    const a = registerStack(cs.engine, dicomweb(), headers);
    const b = registerStack(cs.engine, dicomweb(), headers);
    expect(b.imageIds).to.deep.equal(a.imageIds);
    // Both drew (and scrolled through) the series: the engine cached every frame once.
    for (const id of a.imageIds) cs.cached.add(id);

    a.release();
    for (const id of b.imageIds) {
      expect(cs.metadata.has(id), `metadata of ${id}`).to.equal(true);
      expect(cs.cached.has(id), `cached image ${id}`).to.equal(true);
    }
    expect(cs.headerSources).to.deep.equal([`${series}/`]);

    // The last viewer gone: nothing of the series is left.
    b.release();
    expect(cs.metadata.size).to.equal(0);
    expect(cs.cached.size).to.equal(0);
    expect(cs.headerSources).to.deep.equal([]);
  });

  it('releasing twice counts once (the other viewer keeps its images)', () => {
    const cs = fakeCornerstone();
    const a = registerStack(cs.engine, dicomweb(1), headers);
    const b = registerStack(cs.engine, dicomweb(1), headers);
    cs.cached.add(b.imageIds[0]!);
    a.release();
    a.release();
    expect(cs.metadata.has(b.imageIds[0]!)).to.equal(true);
    expect(cs.cached.has(b.imageIds[0]!)).to.equal(true);
    b.release();
    expect(cs.metadata.size).to.equal(0);
  });

  it('a file\'s images are its own: released, its cached image, display fixes, parsed header and bytes go', () => {
    const cs = fakeCornerstone();
    const a = registerStack(cs.engine, part10(), headers);
    const b = registerStack(cs.engine, part10(), headers);
    expect(a.imageIds).to.deep.equal(['dicomfile:0']);
    expect(b.imageIds).to.deep.equal(['dicomfile:1']);
    cs.cached.add('dicomfile:0').add('dicomfile:1');
    a.release();
    expect([...cs.cached]).to.deep.equal(['dicomfile:1']);
    expect([...cs.fixes.keys()]).to.deep.equal(['dicomfile:1']);
    expect(cs.unloaded).to.deep.equal(['0']);
    expect(cs.files[0]).to.equal(undefined);
    expect(cs.files[1]).to.be.instanceOf(Blob);
    b.release();
    expect(cs.cached.size + cs.fixes.size).to.equal(0);
  });

  it('an image never loaded (or already evicted) is released without an error', () => {
    const cs = fakeCornerstone();
    const a = registerStack(cs.engine, dicomweb(2), headers);
    expect(() => a.release()).not.to.throw();
    expect(cs.metadata.size).to.equal(0);
  });
});
