/** Link text says where the link goes (WCAG 2.4.4), not the word that led to it. */
import { expect } from '@open-wc/testing';
import type { LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { readMoreText, titleFromPath } from '../../src/lay/link-text.js';
import { enGB, message } from '../../src/lay/messages.js';
import { box, cleanup, loaded, until } from '../support/helpers.js';

const t = (key: keyof typeof enGB, values?: Record<string, string | number>) => message(undefined, key, values);

describe('link purpose (WCAG 2.4.4)', () => {
  afterEach(cleanup);

  it('the words come from the destination: its page and site', () => {
    expect(readMoreText('https://www.nhs.uk/tests-and-treatments/mri-scan/', t)).to.equal('MRI scan on the NHS website');
    expect(readMoreText('https://www.nhs.uk/conditions/x-ray/', t)).to.equal('X-ray on the NHS website');
    expect(readMoreText('https://www.nhs.uk/conditions/sinusitis-sinus-infection/', t)).to.equal('Sinusitis sinus infection on the NHS website');
    expect(readMoreText('https://111.nhs.uk/', t)).to.equal('Read about this on the NHS 111 website');
    expect(readMoreText('https://patient.info/chest-lungs/pleural-effusion', t)).to.equal('Pleural effusion on the Patient.info website');
    expect(readMoreText('https://www.nhs.uk/tests-and-treatments/mri-scan/', t, 'MRI scans')).to.equal('MRI scans on the NHS website');
    expect(titleFromPath(new URL('https://www.nhs.uk/'))).to.equal(undefined);
  });

  it('a word whose link goes to another page says that page, not the word', async () => {
    const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
    viewer.loading = 'eager';
    viewer.src = '/__synthetic/chest-xray.dcm';
    const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
    layer.annotations = {
      version: 1,
      summary: 'There is a little blorpus.',
      labels: [],
      glossary: [{ id: 'blorpus', term: 'blorpus', definition: 'A made-up word for this test.', url: 'https://www.nhs.uk/tests-and-treatments/mri-scan/' }],
    };
    viewer.append(layer);
    box(640, 480).append(viewer);
    await loaded(viewer);
    await until(() => Boolean(layer.shadowRoot!.querySelector('button.term')), 5000, 'the word');
    layer.shadowRoot!.querySelector<HTMLButtonElement>('button.term')!.click();
    await until(() => Boolean(layer.shadowRoot!.querySelector('[role="dialog"] a')), 3000, 'the link');
    const link = layer.shadowRoot!.querySelector<HTMLAnchorElement>('[role="dialog"] a')!;
    const words = link.textContent!.replace(/\s+/g, ' ').trim();
    expect(words).to.equal('MRI scan on the NHS website (opens in a new tab)');
    expect(words).not.to.contain('blorpus');
  });
});
