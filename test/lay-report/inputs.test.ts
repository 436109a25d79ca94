import { expect } from '@open-wc/testing';
import type { PatientImageViewer, PvLabelSelectEvent } from '../../src/index.js';
import { box, cleanup, loaded, serverInfo, until } from '../support/helpers.js';
import { INJECTION_CORPUS, nothingRan } from '../support/injection-corpus.js';
import ctHead from '../../examples/annotations/ct-head.json';
import { accessibleText, deepText, disclosures, mountReport, showHeld } from './support.js';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** A file the report can fetch (a blob: URL, revoked after the test). */
const urls: string[] = [];
function fileUrl(body: BlobPart, type: string): string {
  const url = URL.createObjectURL(new Blob([body], { type }));
  urls.push(url);
  return url;
}

function sentences(root: ShadowRoot): string {
  return [...root.querySelectorAll('.sentence')].map((s) => s.textContent).join(' ').replace(/\s+/g, ' ');
}

// Made-up people and numbers: the report must never show any of them.
const NAMES = {
  patient: 'Jane Margaret Testperson',
  patientFamily: 'Testperson',
  performer: 'Dr Alan Scanworth',
  interpreter: 'Beth Readwell',
  nhsNumber: '943 476 5919',
  accession: 'RAD-ACC-998877',
  mrn: 'MRN-5550123',
};

function namedReport(): Record<string, unknown> {
  const text = [
    `Patient name: ${NAMES.patient}`,
    `NHS number: ${NAMES.nhsNumber}`,
    'DOB: 01/02/1960',
    '',
    'CT HEAD WITHOUT CONTRAST',
    '',
    'CLINICAL DETAILS: Fall. Headache.',
    '',
    'FINDINGS:',
    `No intracranial haemorrhage. Discussed with Dr ${NAMES.patientFamily}'s GP and with Dr Scanworth. Ms Testperson was told.`,
    '',
    'IMPRESSION:',
    'No acute intracranial abnormality.',
    '',
    `Reported by: Dr ${NAMES.interpreter}, Consultant Radiologist`,
  ].join('\n');
  return {
    resourceType: 'DiagnosticReport',
    id: 'example',
    identifier: [{ system: 'urn:accession', value: NAMES.accession }],
    status: 'final',
    code: { text: 'CT head' },
    subject: { reference: 'Patient/p1', display: NAMES.patient, identifier: { value: NAMES.nhsNumber.replaceAll(' ', '') } },
    performer: [{ reference: 'Practitioner/a', display: NAMES.performer }],
    resultsInterpreter: [{ reference: 'Practitioner/b', display: NAMES.interpreter }],
    contained: [
      {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ value: NAMES.mrn }],
        name: [{ family: NAMES.patientFamily, given: ['Jane', 'Margaret'] }],
        birthDate: '1960-02-01',
        address: [{ line: ['1 Test Street'], postalCode: 'ZZ99 9ZZ' }],
      },
    ],
    presentedForm: [{ contentType: 'text/plain; charset=utf-8', data: base64(text) }],
    conclusion: 'No acute intracranial abnormality.',
    conclusionCode: [{ text: 'Normal CT head' }],
  };
}

describe('<lay-report>: FHIR DiagnosticReport', () => {
  afterEach(() => {
    cleanup();
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
  });

  it('[HAZ-024] [HAZ-005] shows the report text, conclusion and coded conclusion, and never a name or identifier from the resource', async () => {
    const events: Event[] = [];
    for (const type of ['pv-report-error', 'pv-question', 'pv-reveal', 'pv-defer']) document.addEventListener(type, (e) => events.push(e));
    const { el, root, errors } = await mountReport((r) => (r.report = namedReport()));
    expect(errors).to.deep.equal([]);
    const words = sentences(root);
    expect(words).to.contain('No intracranial haemorrhage.');
    expect(words).to.contain('No acute intracranial abnormality.');
    expect(words).to.contain('Normal CT head');
    // The conclusion is not shown twice when the text already has it.
    expect(words.split('No acute intracranial abnormality.').length - 1).to.equal(1);
    const page = deepText(document.body);
    const tree = await accessibleText();
    const secrets = [
      NAMES.patient, NAMES.patientFamily, 'Jane', 'Margaret', 'Scanworth', NAMES.interpreter, 'Readwell',
      NAMES.nhsNumber, NAMES.nhsNumber.replaceAll(' ', ''), NAMES.accession, NAMES.mrn, '1960', 'ZZ99', 'Test Street',
    ];
    for (const secret of secrets) {
      expect(page, `page shows ${secret}`).to.not.contain(secret);
      expect(tree, `accessibility tree has ${secret}`).to.not.contain(secret);
      for (const event of events) expect(JSON.stringify((event as CustomEvent).detail ?? {})).to.not.contain(secret);
    }
    await expect(el).to.be.accessible();
  });

  it('reads presentedForm HTML, and a FHIR report fetched from src', async () => {
    const resource = {
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: { text: 'Chest X-ray' },
      presentedForm: [
        { contentType: 'application/pdf', data: base64('%PDF-1.4 not shown') },
        { contentType: 'text/html', data: base64('<h2>Findings</h2><p>Small left pleural effusion.</p><h2>Impression</h2><p>Small effusion.</p>') },
      ],
    };
    const { root } = await mountReport((r) => (r.src = fileUrl(JSON.stringify(resource), 'application/fhir+json')));
    expect(sentences(root)).to.contain('Small left pleural effusion.');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.deep.equal(['What the scan showed', 'What it means']);
  });

  for (const [what, report, type] of [
    ['a Patient instead of a report', { resourceType: 'Patient', name: [{ family: 'Testperson' }] }, 'malformed'],
    ['a DiagnosticReport with no text', { resourceType: 'DiagnosticReport', status: 'final' }, 'malformed'],
    ['a DiagnosticReport with only a PDF', { resourceType: 'DiagnosticReport', presentedForm: [{ contentType: 'application/pdf', data: base64('%PDF-1.4') }] }, 'not-text'],
    ['bad base64', { resourceType: 'DiagnosticReport', presentedForm: [{ contentType: 'text/plain', data: '@@@not base64@@@' }] }, 'malformed'],
    ['a string', 'just a string', 'malformed'],
  ] as const) {
    it(`[HAZ-008] a bad DiagnosticReport (${what}): a plain message on screen and pv-report-error ${type}`, async () => {
      const { root, errors } = await mountReport((r) => (r.report = report));
      expect(errors.map((e) => e.detail.type)).to.deep.equal([type]);
      const alert = root.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Sorry, we cannot show your report');
      expect(alert.textContent).to.contain(errors[0]!.detail.message);
      expect(deepText(document.body)).to.not.contain('Testperson');
    });
  }
});

describe('<lay-report>: fetching src', () => {
  afterEach(() => {
    cleanup();
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
  });

  it('[HAZ-008] moved in the page while loading: it loads, and nothing is left waiting', async () => {
    const el = document.createElement('lay-report');
    const first = box(400, 200);
    const second = box(400, 200);
    first.append(el);
    el.src = fileUrl('FINDINGS: There is a small pleural effusion.', 'text/plain');
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    second.append(el);
    await until(() => el.status === 'ready', 5000, 'ready after the move');
    expect(sentences(el.shadowRoot!).trim()).to.equal('There is a small pleural effusion.');
  });

  it('reads a plain-text report file', async () => {
    const { root } = await mountReport((r) => (r.src = fileUrl('FINDINGS: There is a small pleural effusion.', 'text/plain')));
    expect(sentences(root).trim()).to.equal('There is a small pleural effusion.');
  });

  for (const [what, src, type, setup] of [
    ['a 404', '/__fault/status/404', 'not-found', undefined],
    ['a 401', '/__fault/status/401', 'unauthorised', undefined],
    ['a 500', '/__fault/status/500', 'server', undefined],
    ['a server that never answers', '/__fault/hang/report.txt', 'timeout', 600],
    ['a DICOM file', 'synthetic-xray', 'not-text', undefined],
    ['a PDF', 'pdf', 'not-text', undefined],
    ['broken JSON', 'bad-json', 'malformed', undefined],
  ] as const) {
    it(`[HAZ-008] src fails (${what}): a plain message and pv-report-error ${type}, nothing hangs`, async () => {
      const info = await serverInfo();
      const url =
        src === 'synthetic-xray'
          ? `/__synthetic/${info.synthetic.xray}`
          : src === 'pdf'
            ? fileUrl(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff]), 'application/pdf')
            : src === 'bad-json'
              ? fileUrl('{"resourceType": "DiagnosticReport", ', 'application/json')
              : src;
      const started = performance.now();
      const { root, errors } = await mountReport((r) => {
        if (setup) r.timeout = setup;
        r.src = url;
      });
      expect(performance.now() - started).to.be.below(8000);
      expect(errors.map((e) => e.detail.type)).to.deep.equal([type]);
      expect(root.querySelector('[role="alert"]')!.textContent).to.contain(errors[0]!.detail.message);
    });
  }
});

describe('<lay-report>: hostile report text and HTML', () => {
  afterEach(cleanup);

  it('[HAZ-009] hostile plain text is shown as text and nothing in it runs', async () => {
    const text = `FINDINGS:\n${INJECTION_CORPUS.slice(0, 11).join('\n\n')}\n\n${INJECTION_CORPUS.slice(11).join('\n\n')}`;
    const { root } = await mountReport((r) => (r.text = text));
    await new Promise((r) => setTimeout(r, 300));
    expect(nothingRan()).to.equal(true);
    expect(root.querySelectorAll('script, img, svg, iframe, a[href^="javascript"]').length).to.equal(0);
    expect(sentences(root)).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(sentences(root)).to.contain('<script>window.__pwned=1</script>');
  });

  it('[HAZ-009] hostile IMR HTML: scripts, event attributes, javascript: links, frames and styles are dropped; words stay as text; nothing runs', async () => {
    const html = `
      <h2 onclick="window.__pwned=1">FINDINGS</h2>
      <p>Normal lungs.<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">
      <a href="javascript:window.__pwned=1">Click here</a> and <imr-ref image="2" onmouseover="window.__pwned=1">see the lung base</imr-ref>.</p>
      <iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
      <style>* { display: none }</style>
      <svg onload="window.__pwned=1"><text>svg words</text></svg>
      <p>&lt;script&gt;window.__pwned=1&lt;/script&gt; is written as text.</p>
      <ul><li onfocus="window.__pwned=1" tabindex="0">A list item.</li><li>Another<ul><li>nested item</li></ul></li></ul>
      <form action="javascript:window.__pwned=1"><button formaction="javascript:window.__pwned=1">Submit</button></form>
      <object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">
      <math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>`;
    const { el, root } = await mountReport((r) => (r.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }))));
    await new Promise((r) => setTimeout(r, 300));
    expect(nothingRan()).to.equal(true);
    const all = [...root.querySelectorAll('*')];
    expect(all.filter((n) => ['script', 'img', 'svg', 'iframe', 'style', 'object', 'embed', 'math', 'form'].includes(n.localName))).to.deep.equal([]);
    expect(all.filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name)))).to.deep.equal([]);
    expect(all.filter((n) => n.localName === 'a' && !n.getAttribute('href')!.startsWith('https://'))).to.deep.equal([]);
    const words = sentences(root);
    expect(words).to.contain('Click here');
    expect(words).to.contain('see the lung base');
    expect(words).to.contain('<script>window.__pwned=1</script> is written as text.');
    expect(words).to.contain('A list item.');
    expect(words).to.contain('nested item');
    expect(words).to.not.contain('svg words');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.include('What the scan showed');
    await expect(el).to.be.accessible();
  });

  it('[HAZ-010] huge and deeply nested HTML is read in bounded time as text', async () => {
    const deep = `${'<div><span>'.repeat(5000)}deep words${'</span></div>'.repeat(5000)}`;
    const wide = `<p>${'Normal appearances. '.repeat(20000)}</p>`;
    const started = performance.now();
    const { root } = await mountReport((r) => (r.src = URL.createObjectURL(new Blob([deep + wide], { type: 'text/html' }))));
    expect(performance.now() - started).to.be.below(8000);
    expect(sentences(root)).to.contain('deep words');
    expect(root.querySelectorAll('.sentence').length).to.be.at.least(1000);
  });
});

describe('<lay-report>: image links move the paired viewer', () => {
  afterEach(cleanup);

  async function ctViewer(id: string, withLayer = false): Promise<{ viewer: PatientImageViewer; host: HTMLElement }> {
    const info = await serverInfo();
    const host = box(640, 360);
    const viewer = document.createElement('patient-image-viewer');
    viewer.id = id;
    viewer.loading = 'eager';
    viewer.urls = info.synthetic.ct.map((name) => `/__synthetic/${name}`);
    if (withLayer) {
      const layer = document.createElement('lay-annotation-layer');
      layer.annotations = ctHead;
      viewer.append(layer);
    }
    host.append(viewer);
    await loaded(viewer);
    const layer = viewer.querySelector('lay-annotation-layer');
    if (layer) await until(() => layer.labelCount > 0, 10000, 'the layer has its labels');
    return { viewer, host };
  }

  it('"see image 3" in plain text shows image 3 of the viewer named by for', async () => {
    const { viewer } = await ctViewer('ct-viewer');
    const { el, root } = await mountReport((r) => {
      r.for = 'ct-viewer';
      r.text = 'FINDINGS:\nA small fluid pocket is seen (see image 3). Normal brain.\n\nIMPRESSION:\nImages 30 and 31 show the sinuses. Image 999 is not in this set.';
    });
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button.image-link')];
    await until(() => buttons().length === 3, 5000, 'image links');
    expect(buttons().map((b) => b.textContent!.trim())).to.deep.equal(['Show image 3', 'Show image 30', 'Show image 31']);
    // The link is beside its sentence.
    expect(buttons()[0]!.previousElementSibling!.textContent).to.contain('see image 3');
    expect(viewer.index).to.not.equal(2);
    buttons()[0]!.click();
    await until(() => viewer.index === 2, 5000, 'image 3 showing');
    await el.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('Image 3 is now showing.');
    buttons()[2]!.click();
    await until(() => viewer.index === 30, 5000, 'image 31 showing');
  });

  it('an IMR <imr-ref> with an image and a label moves the viewer and selects the label on its layer', async () => {
    const { viewer } = await ctViewer('ct-layered', true);
    const selected = new Promise<PvLabelSelectEvent>((resolve) => viewer.addEventListener('pv-label-select', resolve, { once: true }));
    const html = `<h2>FINDINGS</h2><p>There is a <imr-ref type="image" id="7">small pocket of fluid</imr-ref> at the back. The brain is normal.</p>`;
    const { root } = await mountReport((r) => {
      r.for = 'ct-layered';
      r.imageRefs = { '7': { index: 14, labelId: 'fluid-pocket' } };
      r.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    });
    const link = await (async () => {
      await until(() => Boolean(root.querySelector('button.image-link')), 5000, 'image link');
      return root.querySelector<HTMLButtonElement>('button.image-link')!;
    })();
    expect(link.textContent!.trim()).to.equal('Show image 15');
    link.click();
    await until(() => viewer.index === 14, 5000, 'image 15 showing');
    const event = await selected;
    expect(event.detail.id).to.equal('fluid-pocket');
    await until(() => viewer.index === 14, 5000, 'image 15 showing');
  });

  it('no viewer, no links: a report alone never offers a link that does nothing', async () => {
    const { root } = await mountReport((r) => (r.text = 'FINDINGS: See image 3.'));
    expect(root.querySelectorAll('button.image-link').length).to.equal(0);
  });

  it('[HAZ-020] an IMR paragraph marked data-sensitive waits behind the choice, with its image link', async () => {
    await ctViewer('ct-sensitive');
    const html = `<h2>FINDINGS</h2><p>Normal brain.</p><p data-sensitive="mass-1">A <imr-ref image="5">small lesion</imr-ref> needs talking through.</p>`;
    const { el, root } = await mountReport((r) => {
      r.for = 'ct-sensitive';
      r.src = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    });
    expect(disclosures(root).length, 'one consent step').to.equal(1);
    const [gate] = disclosures(root);
    expect(gate!.getAttribute('finding-id')).to.equal('mass-1');
    await until(() => gate!.phase === 'asking', 5000, 'asking');
    expect(deepText(document.body)).to.not.contain('small lesion');
    expect(root.querySelectorAll('button.image-link').length).to.equal(0);
    await showHeld(el, gate!);
    expect(deepText(document.body)).to.contain('small lesion');
    expect(root.querySelectorAll('button.image-link').length).to.equal(1);
  });
});
