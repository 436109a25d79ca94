/**
 * Issue 16: answers from a server that does less than it is asked (a static DICOMweb tree ignores
 * every query string): read for what they prove, never as if the server had matched or included.
 */
import { expect } from '@open-wc/testing';
import { frameCount, instanceAnswer, lacksNamingFacts, withNamingFacts } from '../../src/study/answers.js';
import { layName, namedByFacts, readSeries } from '../../src/study/series.js';

const instance = (sop: string, extra: Record<string, unknown> = {}) => ({ '00080018': { vr: 'UI', Value: [sop] }, ...extra });

describe('study answers: servers that ignore queries', () => {
  it('[HAZ-030] an instance search that held only what it asked for proves the rest absent', () => {
    const answer = instanceAnswer([instance('1.2.3')], ['1.2.3', '1.2.4']);
    expect([...answer.found]).to.deep.equal(['1.2.3']);
    expect(answer.matched).to.equal(true);
  });

  it('[HAZ-030] an instance search that sent others too (the match ignored, perhaps one page) proves nothing absent', () => {
    const answer = instanceAnswer([instance('1.2.1'), instance('1.2.2'), instance('1.2.3')], ['1.2.3', '1.2.9']);
    expect([...answer.found]).to.deep.equal(['1.2.3']);
    expect(answer.matched).to.equal(false);
    // Not an answer at all: nothing found, nothing proved.
    expect(instanceAnswer({ error: 'x' }, ['1.2.3']).found.size).to.equal(0);
    expect(instanceAnswer([null, {}], ['1.2.3']).matched).to.equal(true);
  });

  it('a series list with none of the naming facts asked for (includefield ignored) is noticed', () => {
    const bare = [{ '0020000E': { vr: 'UI', Value: ['1.2'] }, '00080060': { vr: 'CS', Value: ['DX'] } }];
    expect(lacksNamingFacts(bare)).to.equal(true);
    expect(lacksNamingFacts([{ ...bare[0], '00185101': { vr: 'CS', Value: ['LL'] } }, ...bare])).to.equal(false);
    expect(lacksNamingFacts([])).to.equal(false);
    expect(lacksNamingFacts(undefined)).to.equal(false);
  });

  it('[HAZ-030] the naming facts come from the series metadata, and the plain name with them', () => {
    const entry = { '0020000E': { vr: 'UI', Value: ['1.2'] }, '00080060': { vr: 'CS', Value: ['DX'] }, '00180015': { vr: 'CS', Value: ['CHEST'] } };
    const series = readSeries([entry])[0]!;
    expect(namedByFacts(series)).to.equal(true);
    expect(layName(series)).to.equal('X-ray of the chest');
    const metadata = [{ ...entry, '00185101': { vr: 'CS', Value: ['LL'] }, '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Someone^Else' }] } }];
    const filled = withNamingFacts(entry, metadata);
    expect(layName(readSeries([filled])[0]!)).to.equal('Side view');
    // Only the naming facts are taken, never anything else of the instance.
    expect(JSON.stringify(filled)).not.to.contain('Someone');
    // What the series entry says wins; nothing to read leaves it as it was.
    expect(withNamingFacts(entry, [])).to.equal(entry);
    expect(withNamingFacts(entry, 'junk')).to.equal(entry);
    // A CT's slice thickness and an MRI's timings.
    const ct = { '0020000E': { vr: 'UI', Value: ['1.3'] }, '00080060': { vr: 'CS', Value: ['CT'] } };
    expect(layName(readSeries([withNamingFacts(ct, [{ '00180050': { vr: 'DS', Value: [1] } }])])[0]!)).to.equal('Fine slices, to see small details');
    // Reports and key image notes are not pictures: no metadata is asked for them.
    expect(namedByFacts(readSeries([{ '0020000E': { vr: 'UI', Value: ['1.4'] }, '00080060': { vr: 'CS', Value: ['SR'] } }])[0]!)).to.equal(false);
  });

  it('[HAZ-030] a frame count the server left out: 1 from a server that does what it is asked, unknown from one that ignores queries', () => {
    expect(frameCount(instance('1.2.3', { '00280008': { vr: 'IS', Value: [12] } }), true)).to.equal(12);
    expect(frameCount(instance('1.2.3', { '00280008': { vr: 'IS', Value: ['3'] } }), false)).to.equal(3);
    expect(frameCount(instance('1.2.3'), false)).to.equal(1);
    expect(frameCount(instance('1.2.3'), true)).to.equal(undefined);
    expect(frameCount(instance('1.2.3', { '00280008': { vr: 'IS', Value: ['x'] } }), true)).to.equal(1);
  });
});
