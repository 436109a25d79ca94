import { expect } from '@open-wc/testing';
import { NEAR_SCREEN_MARGIN, hasSource, sourceInputsOf, sourceOf } from '../../src/sources/has-source.js';

describe('hasSource: what makes a viewer load (unit)', () => {
  const file = new File(['x'], 'a.dcm');

  it('the first input set wins: files, urls, src, then DICOMweb', () => {
    const all = { files: [file], urls: ['/u'], src: '/s', dicomwebRoot: '/r', studyUid: '1', seriesUid: '2' };
    expect(sourceOf(all)).to.deep.equal({ kind: 'files', files: [file] });
    expect(sourceOf({ ...all, files: [] })).to.deep.equal({ kind: 'urls', urls: ['/u'] });
    expect(sourceOf({ ...all, files: null, urls: [] })).to.deep.equal({ kind: 'urls', urls: ['/s'] });
    expect(sourceOf({ ...all, files: null, urls: [], src: '' })).to.deep.equal({ kind: 'dicomweb', root: '/r', study: '1', series: '2' });
  });

  it('one File counts as a list of one; a DICOMweb series needs all three parts; nothing set is no source', () => {
    expect(sourceOf({ files: file })).to.deep.equal({ kind: 'files', files: [file] });
    expect(hasSource({ dicomwebRoot: '/r', studyUid: '1' })).to.equal(false);
    expect(hasSource({ dicomwebRoot: '/r', seriesUid: '2', studyUid: '' })).to.equal(false);
    expect(hasSource({})).to.equal(false);
    expect(hasSource({ src: '', urls: [], files: null })).to.equal(false);
    expect(hasSource({ src: '/x.dcm' })).to.equal(true);
  });

  it('reads a viewer that is not defined yet from its attributes, and from properties set on it before it was', () => {
    const el = document.createElement('pv-not-defined-viewer');
    expect(hasSource(sourceInputsOf(el))).to.equal(false);
    el.setAttribute('src', '');
    expect(hasSource(sourceInputsOf(el)), 'an empty src is nothing to show').to.equal(false);
    el.setAttribute('src', '/x.dcm');
    expect(sourceOf(sourceInputsOf(el))).to.deep.equal({ kind: 'urls', urls: ['/x.dcm'] });

    const web = document.createElement('pv-not-defined-viewer');
    web.setAttribute('dicomweb-root', '/r');
    web.setAttribute('study-uid', '1');
    expect(hasSource(sourceInputsOf(web))).to.equal(false);
    // A part given as a property (before the class loaded) counts with the attributes.
    Object.assign(web, { seriesUid: '2' });
    expect(sourceOf(sourceInputsOf(web))).to.deep.equal({ kind: 'dicomweb', root: '/r', study: '1', series: '2' });

    const early = Object.assign(document.createElement('pv-not-defined-viewer'), { urls: ['/a', '/b'] });
    expect(sourceOf(sourceInputsOf(early))).to.deep.equal({ kind: 'urls', urls: ['/a', '/b'] });
    const picked = Object.assign(document.createElement('pv-not-defined-viewer'), { files: [file] });
    expect(hasSource(sourceInputsOf(picked))).to.equal(true);
  });

  it('one near-screen margin', () => {
    expect(NEAR_SCREEN_MARGIN).to.equal('200px');
  });
});
