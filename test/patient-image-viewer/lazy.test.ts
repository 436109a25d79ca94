import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { cleanup, loaded, until } from '../support/helpers.js';

/** Resources this page has fetched whose URL names the imaging engine. */
function engineRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /cornerstone|dicom-image-loader|vtk|codec/i.test(name));
}

// Its own file: the engine must not have been loaded by an earlier test on this page.
describe('loading only when needed', () => {
  before(() => performance.setResourceTimingBufferSize(100000));
  afterEach(cleanup);

  it('a hidden viewer, and one far below the fold, download no engine bytes and no image', async () => {
    const hidden = document.createElement('patient-image-viewer');
    hidden.hidden = true;
    hidden.src = '/__synthetic/chest-xray.dcm?hidden';
    document.body.append(hidden);
    const far = document.createElement('patient-image-viewer');
    far.style.marginTop = '5000px';
    far.src = '/__synthetic/chest-xray.dcm?far';
    document.body.append(far);
    await new Promise((r) => setTimeout(r, 1500));
    expect(hidden.status).to.equal('waiting');
    expect(far.status).to.equal('waiting');
    expect(engineRequests(), engineRequests().join(", ")).to.deep.equal([]);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('chest-xray'))).to.equal(false);

    // Scrolled into view, it loads.
    far.scrollIntoView();
    await loaded(far);
    expect(engineRequests().length).to.be.greaterThan(0);
    hidden.remove();
    far.remove();
  });

  it('loading="eager" starts at once, even off screen', async () => {
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    el.style.display = 'block';
    el.style.marginTop = '5000px';
    el.src = '/__synthetic/chest-xray.dcm?eager';
    document.body.append(el);
    await until(() => performance.getEntriesByType('resource').some((e) => e.name.includes('chest-xray.dcm?eager')), 5000);
    el.remove();
  });

  it('[HAZ-008] an eager viewer in a hidden part of the page (a closed tab) waits without timing out, and draws when shown', async () => {
    const section = document.createElement('section');
    section.hidden = true;
    const el = document.createElement('patient-image-viewer');
    el.loading = 'eager';
    el.timeout = 2000;
    el.style.cssText = 'display:block;width:300px;height:300px';
    el.src = '/__synthetic/chest-xray.dcm?in-a-closed-tab';
    section.append(el);
    document.body.append(section);
    const errors: Event[] = [];
    el.addEventListener('pv-error', (e) => errors.push(e));
    // Long past its time limit, hidden: still waiting to draw, no error.
    await new Promise((r) => setTimeout(r, 3500));
    expect(errors, 'no pv-error while hidden').to.have.length(0);
    expect(el.status).to.equal('loading');
    section.hidden = false;
    await loaded(el);
    expect(errors).to.have.length(0);
    section.remove();
  });
});
