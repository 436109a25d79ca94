import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { buildGlossary } from '../../src/lay/glossary.js';
import { glossaryCy } from '../../src/lay/glossary-cy.js';
import type { LayReport, PvQuestionEvent } from '../../src/index.js';
import { cleanup, until } from '../support/helpers.js';
import { accessibleText, deepText, disclosures, mountReport, showHeld } from './support.js';

const CHEST = `CHEST X-RAY PA

CLINICAL DETAILS: Cough for three weeks. ?infection

COMPARISON: None available.

FINDINGS:
The heart size is normal. There is a small right pleural effusion.
Patchy consolidation in the right lower zone.

IMPRESSION:
Right lower zone consolidation with a small pleural effusion, in keeping with infection. Suggest follow-up radiograph in 6 weeks to confirm resolution.`;

const built = buildGlossary().glossary;

/** Text of the report's own words: what a patient reads, without the buttons we add. */
function reportWords(root: ShadowRoot): string {
  return [...root.querySelectorAll('.sentence')].map((s) => s.textContent).join(' ').replace(/\s+/g, ' ');
}

function terms(root: ShadowRoot): HTMLButtonElement[] {
  return [...root.querySelectorAll<HTMLButtonElement>('button.term')];
}

function termCalled(root: ShadowRoot, words: string): HTMLButtonElement {
  const button = terms(root).find((b) => b.textContent === words);
  if (!button) throw new Error(`no term button "${words}"; have ${terms(root).map((b) => b.textContent).join(', ')}`);
  return button;
}

describe('<lay-report>: plain text, words and their meanings', () => {
  afterEach(cleanup);

  it('shows headings in plain words with the report\u2019s own heading kept, and never changes the report\u2019s words', async () => {
    const { root } = await mountReport((el) => (el.text = CHEST));
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent!.trim());
    expect(headings).to.include.members(['Why you had the scan', 'Compared with earlier scans', 'What the scan showed', 'What it means']);
    const originals = [...root.querySelectorAll('.original')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());
    expect(originals).to.include.members(['In the report: FINDINGS', 'In the report: IMPRESSION', 'In the report: COMPARISON', 'In the report: CLINICAL DETAILS']);
    // Every sentence of the report is there, word for word.
    const words = reportWords(root);
    for (const sentence of [
      'The heart size is normal.',
      'There is a small right pleural effusion.',
      'Patchy consolidation in the right lower zone.',
      'Right lower zone consolidation with a small pleural effusion, in keeping with infection.',
      'Suggest follow-up radiograph in 6 weeks to confirm resolution.',
    ]) {
      expect(words, sentence).to.contain(sentence);
    }
    // The statement about who the report was written for, and that meanings are general.
    const header = root.querySelector('.header')!.textContent!.replace(/\s+/g, ' ');
    expect(header).to.contain("Your radiologist's report");
    expect(header).to.contain('That person will explain what it means for you.');
    expect(header).to.contain('Word meanings are general.');
  });

  it('says who added the word meanings, and when, when the portal sets explained-by and explained-on', async () => {
    const { root } = await mountReport((el) => {
      el.text = CHEST;
      el.explainedBy = 'Example NHS Foundation Trust';
      el.explainedOn = '2026-11-30';
    });
    expect(root.querySelector('.explained')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Explained by Example NHS Foundation Trust on 30 November 2026.',
    );
  });

  it('makes every glossary term a button with the words as written, whose popover gives the glossary\u2019s meaning', async () => {
    const { root } = await mountReport((el) => (el.text = CHEST));
    const effusion = termCalled(root, 'pleural effusion');
    // Longest match: "pleural effusion" is one word to explain, not "effusion" alone.
    expect(terms(root).some((b) => b.textContent === 'effusion')).to.equal(false);
    expect(effusion.getAttribute('aria-expanded')).to.equal('false');
    effusion.click();
    await (root.host as LayReport).updateComplete;
    const popover = effusion.nextElementSibling as HTMLElement;
    expect(popover.classList.contains('popover')).to.equal(true);
    expect(effusion.getAttribute('aria-expanded')).to.equal('true');
    expect(effusion.getAttribute('aria-controls')).to.equal(popover.id);
    expect(popover.querySelector('.popover-title')!.textContent).to.equal('What "pleural effusion" means');
    expect(popover.querySelector('.definition')!.textContent).to.equal(built.get('pleural effusion')!.definition);
    // Only one meaning open at a time.
    termCalled(root, 'consolidation').click();
    await (root.host as LayReport).updateComplete;
    expect(root.querySelectorAll('.popover').length).to.equal(1);
  });

  it('the popover opens on Enter, is next in tab order, closes on Escape with focus back on the word, and passes axe', async () => {
    const { el, root } = await mountReport((r) => (r.text = CHEST));
    const effusion = termCalled(root, 'pleural effusion');
    effusion.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const popover = effusion.nextElementSibling as HTMLElement;
    expect(popover?.classList.contains('popover')).to.equal(true);
    await expect(el).to.be.accessible();
    // Tab goes into the popover first: its "Read more" link.
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.closest('.popover')).to.equal(popover);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root.querySelector('.popover')).to.equal(null);
    expect(root.activeElement).to.equal(effusion);
    expect(effusion.getAttribute('aria-expanded')).to.equal('false');
  });

  it('the popover closes when focus leaves the word and its popover', async () => {
    const { el, root } = await mountReport((r) => (r.text = CHEST));
    const effusion = termCalled(root, 'pleural effusion');
    effusion.focus();
    effusion.click();
    await el.updateComplete;
    expect(root.querySelector('.popover')).to.not.equal(null);
    // Tab through the popover (link, close) and on: it closes.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root.querySelector('.popover'), 'still open inside').to.not.equal(null);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root.querySelector('.popover')).to.equal(null);
  });

  it('hovering a word opens nothing', async () => {
    const { el, root } = await mountReport((r) => (r.text = CHEST));
    const effusion = termCalled(root, 'pleural effusion');
    effusion.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    effusion.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    effusion.dispatchEvent(new MouseEvent('mouseenter'));
    await el.updateComplete;
    expect(root.querySelector('.popover')).to.equal(null);
  });

  it('the popover fits the screen or scrolls, and at 400% zoom (a 320 px viewport) it opens in the text under its word', async () => {
    const { el, root } = await mountReport((r) => (r.text = CHEST));
    // As wide as the page, as a portal's column would be.
    el.parentElement!.style.width = 'auto';
    const effusion = termCalled(root, 'pleural effusion');
    effusion.click();
    await el.updateComplete;
    const popover = effusion.nextElementSibling as HTMLElement;
    await until(() => popover.style.top !== '', 2000, 'popover placed');
    let rect = popover.getBoundingClientRect();
    expect(getComputedStyle(popover).position).to.equal('absolute');
    expect(rect.left).to.be.at.least(0);
    expect(rect.right).to.be.at.most(document.documentElement.clientWidth + 1);
    expect(getComputedStyle(popover).overflowY).to.equal('auto');
    // Beside the word (below it, or above when there is no room below), never over it.
    const word = effusion.getBoundingClientRect();
    expect(rect.top >= word.bottom + 5 || rect.bottom <= word.top - 5, 'not over the word').to.equal(true);
    await setViewport({ width: 320, height: 256 });
    try {
      await until(() => getComputedStyle(popover).position === 'static', 2000, 'in the text flow');
      rect = popover.getBoundingClientRect();
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(320 + 1);
      // Nothing of it is cut off: it is as tall as its content, in the page's own scroll.
      expect(popover.scrollHeight).to.be.at.most(popover.clientHeight + 1);
      expect(rect.top).to.be.at.least(effusion.getBoundingClientRect().bottom - 1);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('works with any glossary the portal passes, and leaves words it does not know alone', async () => {
    const { glossary } = buildGlossary([
      { id: 'zz-widget-sign', term: 'widget sign', definition: 'A made-up sign used only in this test.', url: 'https://www.nhs.uk/' },
    ]);
    const { root } = await mountReport((el) => {
      el.glossary = glossary;
      el.text = 'FINDINGS: A widget sign is seen. The gadget zone is clear.';
    });
    const widget = termCalled(root, 'widget sign');
    widget.click();
    await (root.host as LayReport).updateComplete;
    expect(root.querySelector('.definition')!.textContent).to.equal('A made-up sign used only in this test.');
    expect(terms(root).some((b) => b.textContent === 'gadget zone')).to.equal(false);
  });

  it('in Welsh: headings, statement and meanings in Welsh; the report\u2019s own words stay English and are marked so', async () => {
    const { el, root } = await mountReport((r) => {
      r.lang = 'cy';
      r.text = CHEST;
    });
    const headings = () => [...root.querySelectorAll('h3')].map((h) => h.textContent!.trim());
    await until(() => headings().includes('Pam cawsoch chi\u2019r sgan'), 5000, 'Welsh headings');
    // A title the report wrote in capitals is kept as it is.
    expect(headings()[0]).to.equal('CHEST X-RAY PA');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.include('Beth ddangosodd y sgan');
    const paragraph = root.querySelector('.sentence')!.closest('p')!;
    expect(paragraph.lang).to.equal('en');
    const consolidation = termCalled(root, 'consolidation');
    consolidation.click();
    await el.updateComplete;
    expect(root.querySelector('.popover-title')!.textContent).to.equal('Beth mae "consolidation" yn ei olygu');
    // Whatever entry the glossary gives "consolidation": its Welsh meaning, or its English one marked as English.
    const entry = built.get('consolidation')!;
    const welsh = Object.hasOwn(glossaryCy, entry.id) ? glossaryCy[entry.id] : undefined;
    const definition = root.querySelector<HTMLElement>('.definition')!;
    expect(definition.textContent).to.equal(welsh?.definition ?? entry.definition);
    expect(definition.lang).to.equal(welsh ? '' : 'en');
    await expect(el).to.be.accessible();
  });

  it('a held part and an error message pass axe too', async () => {
    const held = await mountReport((r) => {
      r.holdImpression = true;
      r.text = CHEST;
    });
    await until(() => disclosures(held.root)[0]!.phase === 'asking', 5000, 'asking');
    await expect(held.el).to.be.accessible();
    const failed = await mountReport((r) => (r.report = { resourceType: 'Observation' }));
    await expect(failed.el).to.be.accessible();
  });

  it('"Ask a question about this" sends pv-question with the chosen sentence as context', async () => {
    const { el, root } = await mountReport((r) => (r.text = CHEST));
    const block = [...root.querySelectorAll<HTMLElement>('.block')].find((b) => b.textContent!.includes('small right pleural effusion'))!;
    block.querySelector<HTMLButtonElement>('button.ask')!.click();
    await el.updateComplete;
    const choices = [...block.querySelectorAll<HTMLInputElement>('input[name="sentence"]')];
    expect(choices.length).to.equal(3);
    choices[1]!.click();
    block.querySelector('textarea')!.value = 'Is this serious?';
    const asked = new Promise<PvQuestionEvent>((resolve) => document.addEventListener('pv-question', resolve, { once: true }));
    block.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const event = await asked;
    expect(event.detail.about).to.equal('report');
    expect(event.detail.question).to.equal('Is this serious?');
    expect(event.detail.context).to.equal('There is a small right pleural effusion.');
  });
});

describe('<lay-report>: sensitive parts wait for the patient', () => {
  afterEach(cleanup);

  const SENTENCE = 'Suggest follow-up radiograph in 6 weeks to confirm resolution.';

  it('[HAZ-020] a sentence the portal marks sensitive is absent from the DOM and the accessibility tree until the patient chooses', async () => {
    const { el, root } = await mountReport((r) => {
      r.sensitive = [{ match: 'suggest follow-up RADIOGRAPH', findingId: 'follow-up' }];
      r.talkHref = '/messages/new';
      r.text = CHEST;
    });
    const [gate] = disclosures(root);
    expect(gate, 'one disclosure').to.exist;
    await until(() => gate!.phase === 'asking', 5000, 'asking');
    expect(gate!.getAttribute('finding-id')).to.equal('follow-up');
    expect(deepText(document.body)).to.not.contain('confirm resolution');
    expect(await accessibleText()).to.not.contain('confirm resolution');
    // The rest of the same paragraph is shown.
    expect(deepText(document.body)).to.contain('in keeping with infection');
    // The consent step offers the portal's route to talk to someone.
    expect(new URL(gate!.shadowRoot!.querySelector('a')!.href).pathname).to.equal('/messages/new');
    await showHeld(el, gate!);
    expect(deepText(document.body)).to.contain(SENTENCE);
    expect(await accessibleText()).to.contain('confirm resolution');
  });

  it('[HAZ-021] with hold-impression the whole IMPRESSION waits behind the choice, and comes back hidden after "Hide it again"', async () => {
    const { el, root } = await mountReport((r) => {
      r.holdImpression = true;
      r.text = CHEST;
    });
    const [gate] = disclosures(root);
    await until(() => gate!.phase === 'asking', 5000, 'asking');
    expect(gate!.getAttribute('finding-id')).to.equal('impression');
    const page = deepText(document.body);
    expect(page).to.not.contain('in keeping with infection');
    expect(page).to.contain('Patchy consolidation in the right lower zone.');
    // Its plain heading stays: the patient knows there is more.
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.trim())).to.include('What it means');
    expect(await accessibleText()).to.not.contain('in keeping with infection');
    await showHeld(el, gate!);
    expect(deepText(document.body)).to.contain('in keeping with infection');
    const hide = [...gate!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Hide it again')!;
    hide.click();
    await until(() => gate!.children.length === 0, 5000, 'held again');
    expect(deepText(document.body)).to.not.contain('in keeping with infection');
  });

  it('[HAZ-022] a sensitive match found nowhere holds the whole report (fails closed) and fires sensitive-not-found', async () => {
    const { root, errors } = await mountReport((r) => {
      r.sensitive = [{ match: 'words that are not in this report' }];
      r.text = CHEST;
    });
    expect(errors.map((e) => e.detail.type)).to.deep.equal(['sensitive-not-found']);
    expect(disclosures(root).length).to.equal(1);
    expect(root.querySelectorAll('.sentence').length).to.equal(0);
    expect(deepText(document.body)).to.not.contain('pleural effusion');
  });

  it('[HAZ-023] a date lock keeps a sensitive sentence out until the date, even when the patient chose to see it before', async () => {
    const kept = JSON.stringify({ choice: 'reveal', at: '2026-11-01T09:00:00.000Z' });
    const { root } = await mountReport((r) => {
      r.studyKey = 'study-1';
      r.storage = { get: () => kept, set: () => undefined, delete: () => undefined };
      r.sensitive = [{ match: SENTENCE, findingId: 'follow-up', notBefore: '2999-01-01' }];
      r.text = CHEST;
    });
    const [gate] = disclosures(root);
    await until(() => gate!.phase !== 'reading', 5000, 'choice read');
    expect(gate!.shadowRoot!.textContent).to.contain('You can choose to see it from');
    expect(deepText(document.body)).to.not.contain('confirm resolution');
  });

  it('[HAZ-020] two parts with the same finding id are two choices: showing one never puts the other in the page', async () => {
    const { el, root } = await mountReport((r) => {
      r.sensitive = [{ match: 'small right pleural effusion', findingId: 'effusion' }, { match: 'with a small pleural effusion', findingId: 'effusion' }];
      r.text = CHEST;
    });
    const gates = disclosures(root);
    expect(gates.length).to.equal(2);
    await until(() => gates.every((g) => g.phase === 'asking'), 5000, 'asking');
    await showHeld(el, gates[0]!);
    const page = deepText(document.body);
    expect(page).to.contain('There is a small right pleural effusion.');
    expect(page).to.not.contain('in keeping with infection');
  });

  it('[HAZ-022] the sensitive attribute takes a JSON list; one that cannot be read holds the whole report', async () => {
    const listed = await mountReport((r) => {
      r.setAttribute('sensitive', JSON.stringify([{ match: 'Suggest follow-up radiograph', findingId: 'f1' }]));
      r.text = CHEST;
    });
    expect(disclosures(listed.root).map((d) => d.getAttribute('finding-id'))).to.deep.equal(['f1']);
    expect(deepText(document.body)).to.not.contain('confirm resolution');
    expect(deepText(document.body)).to.contain('in keeping with infection');
    cleanup();
    const broken = await mountReport((r) => {
      r.setAttribute('sensitive', '[{"match": "Suggest follow-up radiograph"'); // cut short
      r.text = CHEST;
    });
    expect(broken.errors.map((e) => e.detail.type)).to.deep.equal(['sensitive-not-found']);
    expect(disclosures(broken.root).map((d) => d.getAttribute('finding-id'))).to.deep.equal(['report']);
    expect(deepText(document.body)).to.not.contain('pleural effusion');
  });

  it('read again (a property set later), a part the patient had shown is asked about again, never left blank', async () => {
    const { el, root } = await mountReport((r) => {
      r.sensitive = [{ match: SENTENCE, findingId: 'follow-up' }];
      r.text = CHEST;
    });
    await showHeld(el, disclosures(root)[0]!);
    el.imageRefs = { '1': { index: 0 } };
    await until(() => el.status === 'ready' && disclosures(root)[0]?.phase === 'asking', 5000, 'asked again');
    expect(deepText(document.body)).to.not.contain('confirm resolution');
    await showHeld(el, disclosures(root)[0]!);
    expect(deepText(document.body)).to.contain('confirm resolution');
  });

  it('a remembered choice shows the sentence without asking again', async () => {
    const kept = JSON.stringify({ choice: 'reveal', at: '2026-11-01T09:00:00.000Z' });
    const { root } = await mountReport((r) => {
      r.studyKey = 'study-1';
      r.storage = { get: () => kept, set: () => undefined, delete: () => undefined };
      r.sensitive = [{ match: SENTENCE, findingId: 'follow-up' }];
      r.text = CHEST;
    });
    const [gate] = disclosures(root);
    await until(() => gate!.children.length > 0, 5000, 'remembered choice shown');
    expect(deepText(document.body)).to.contain('confirm resolution');
  });
});
