import { expect, fixture, html } from '@open-wc/testing';
import welshChest from '../../examples/annotations-cy/chest-xray.json';
import type { FindingDisclosure, LayAnnotationLayer, PatientImageViewer } from '../../src/index.js';
import { buildGlossary, EVERYDAY_WORDS, glossaryEnGB } from '../../src/lay/glossary.js';
import { glossaryCy, welshGlossary, welshMutations } from '../../src/lay/glossary-cy.js';
import { segmentText } from '../../src/lay/glossary-text.js';
import { formatDate, langOf, languageFor } from '../../src/lay/language.js';
import { enGB, format, type Catalogue, type MessageKey } from '../../src/lay/messages.js';
import { cy, monthsCy, reviewStatus } from '../../src/lay/messages-cy.js';
import { box, cleanup, loaded, nextFrame, until } from '../support/helpers.js';

/**
 * Welsh (cy): the catalogue has every key with the same placeholders, the elements speak Welsh when
 * the page's `lang` says so (and switch back), the portal's `messages` still win, no English
 * catalogue string shows in a Welsh render except glossary entries with no Welsh yet (marked
 * `lang="en"`), and axe passes in Welsh.
 *
 * Reading-age formulas are English-only, so test/lay/readability.unit.test.ts checks only en-GB; the
 * Welsh strings await review by a Welsh speaker (`reviewStatus` in src/lay/messages-cy.ts).
 */

const examples = import.meta.glob<unknown>(['../../examples/annotations/*.json', '../../demo/annotations/*.json'], {
  eager: true,
  import: 'default',
});

/** Compile-time checks, run by the typecheck (`npm test` runs tsc before the browser tests). */
export function catalogueTypeChecks(take: (catalogue: Catalogue) => void): void {
  // @ts-expect-error a catalogue missing keys does not compile
  take({ loading: 'Yn llwytho' });
  // @ts-expect-error nor one with a key en-GB does not have
  take({ ...cy, 'not.a.key': 'x' });
  take(cy);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** English fragments (the fixed text between placeholders) that never occur in Welsh. */
const englishFragments = Object.values(enGB)
  .flatMap((text) => text.split(/\{\w+\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 4 && /[a-z]/i.test(part))
  .filter((part) => !Object.values(cy).some((welsh) => welsh.includes(part)));

/** Text and accessible-name attributes a patient or screen reader meets, except text marked English. */
function spokenTexts(root: ShadowRoot): string[] {
  const texts: string[] = [];
  const english = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    return /^en\b/i.test(element?.closest('[lang]')?.getAttribute('lang') ?? '');
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.localName !== 'style' && !english(node) && node.textContent!.trim()) texts.push(node.textContent!.trim());
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value && !english(element)) texts.push(value);
    }
  }
  return texts;
}

function expectNoEnglish(root: ShadowRoot, what: string): void {
  const texts = spokenTexts(root);
  expect(texts.length, `${what} shows text`).to.be.greaterThan(0);
  for (const text of texts) {
    for (const fragment of englishFragments) expect(text.includes(fragment), `${what}: "${fragment}" in "${text}"`).to.equal(false);
  }
}

function setPageLang(lang: string | undefined): void {
  if (lang === undefined) document.documentElement.removeAttribute('lang');
  else document.documentElement.lang = lang;
}

describe('Welsh (cy)', () => {
  const pageLang = document.documentElement.getAttribute('lang') ?? undefined;
  afterEach(() => {
    cleanup();
    setPageLang(pageLang);
  });

  describe('the catalogue', () => {
    it('has every en-GB key and no other', () => {
      expect(Object.keys(cy).sort()).to.deep.equal(Object.keys(enGB).sort());
      for (const [key, text] of Object.entries(cy)) expect(text.trim(), key).to.not.equal('');
    });

    it('has the same placeholders as en-GB in every string', () => {
      for (const key of Object.keys(enGB) as MessageKey[]) {
        expect(placeholders(cy[key]), key).to.deep.equal(placeholders(enGB[key]));
      }
    });

    it('is marked as awaiting review by a Welsh speaker, naming only real keys as reviewed', () => {
      expect(reviewStatus.status).to.equal('draft');
      expect(reviewStatus.needsReviewBy).to.match(/Welsh speaker/);
      for (const key of reviewStatus.reviewedKeys) expect(Object.keys(enGB)).to.include(key);
    });

    it('is translated: only strings that are the same in both languages match the English', () => {
      const same = (Object.keys(enGB) as MessageKey[]).filter((key) => cy[key] === enGB[key]);
      expect(same.sort()).to.deep.equal(['describeNoPart', 'layer.marker', 'scale.cm', 'scale.mm']);
    });

    it('keeps sentences short (25 words at most), like the English', () => {
      const sample = { skipped: 2, percent: 40, description: "Sgan CT o'ch pen", index: 3, count: 10, kind: 'sgan CT', part: 'pen' };
      for (const [key, text] of Object.entries(cy)) {
        for (const sentence of format(text, sample).split(/[.!?]\s/)) {
          expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).to.be.at.most(25);
        }
      }
    });
  });

  describe('choosing the language', () => {
    it('reads cy and cy-GB as Welsh, anything else as en-GB', () => {
      for (const tag of ['cy', 'cy-GB', 'CY', ' cy-gb ']) expect(languageFor(tag), tag).to.equal('cy');
      for (const tag of ['en', 'en-GB', '', 'fr', 'cym', undefined, null]) expect(languageFor(tag), String(tag)).to.equal('en-GB');
    });

    it('takes lang from the element, else the closest ancestor across shadow roots, else <html>', () => {
      setPageLang('en-GB');
      const outer = box();
      const host = document.createElement('div');
      host.lang = 'cy';
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      expect(langOf(inner)).to.equal('cy');
      inner.lang = 'en';
      expect(langOf(inner)).to.equal('en');
      host.removeAttribute('lang');
      inner.removeAttribute('lang');
      expect(langOf(inner)).to.equal('en-GB');
    });

    it('formats dates in Welsh, even where the browser has no Welsh date data', () => {
      const date = new Date(2099, 2, 15);
      expect(formatDate(date, 'cy', monthsCy)).to.equal('15 Mawrth 2099');
      expect(formatDate(date, 'en-GB')).to.equal('15 March 2099');
    });
  });

  describe('the glossary', () => {
    /** Entries the examples, the demo and the catalogue use. */
    function usedIds(): Set<string> {
      const ids = new Set<string>();
      for (const example of Object.values(examples) as { summary?: string; careCard?: { text: string }; labels: { title: string; description?: string; terms?: string[] }[]; glossary?: unknown[] }[]) {
        const { glossary } = buildGlossary(example.glossary ?? []);
        const texts = [example.summary, example.careCard?.text, ...example.labels.flatMap((l) => [l.title, l.description])];
        for (const text of texts) for (const segment of segmentText(text ?? '', glossary)) if (segment.entry) ids.add(segment.entry.id);
        for (const label of example.labels) for (const term of label.terms ?? []) if (glossary.get(term)) ids.add(glossary.get(term)!.id);
      }
      const { glossary } = buildGlossary([]);
      for (const text of Object.values(enGB)) for (const segment of segmentText(text, glossary)) if (segment.entry) ids.add(segment.entry.id);
      // Portal-provided entries (a document's own glossary) are the portal's words, not ours.
      return new Set([...ids].filter((id) => glossaryEnGB.some((entry) => entry.id === id)));
    }

    it('has Welsh for every entry the examples, the demo and the catalogue use', () => {
      const used = usedIds();
      expect(used.size).to.be.greaterThan(20);
      const missing = [...used].filter((id) => !Object.hasOwn(glossaryCy, id));
      expect(missing, 'no Welsh yet').to.deep.equal([]);
    });

    it('translates only built-in entries, and no definition uses its own word', () => {
      const ids = new Set(glossaryEnGB.map((entry) => entry.id));
      for (const [id, entry] of Object.entries(glossaryCy)) {
        expect(ids.has(id), id).to.equal(true);
        expect(entry.definition.toLowerCase().includes(entry.term.toLowerCase()), `${id}: ${entry.definition}`).to.equal(false);
      }
    });

    it('finds Welsh words (also after a mutation) and English words, and falls back to English entries', () => {
      const { entries, everyday, fallback } = welshGlossary(glossaryEnGB, EVERYDAY_WORDS);
      const { glossary } = buildGlossary([], entries);
      const found = (text: string) => segmentText(text, glossary).filter((s) => s.entry).map((s) => [s.text, s.entry!.id]);
      expect(welshMutations('calon')).to.include.members(['galon', 'nghalon', 'chalon']);
      expect(found('Mae ei chalon yn iach. Dyma ei llengig.')).to.deep.equal([
        ['chalon', 'heart'],
        ['llengig', 'diaphragm'],
      ]);
      expect(found('There is no pleural effusion near the diaphragm.')).to.deep.equal([
        ['pleural effusion', 'pleural-effusion'],
        ['diaphragm', 'diaphragm'],
      ]);
      expect(glossary.get('diaphragm')!.term).to.equal('llengig');
      // No Welsh yet: the English entry itself, listed as a fallback.
      const effusion = glossary.get('pleural-effusion')!;
      expect(effusion).to.equal(glossaryEnGB.find((entry) => entry.id === 'pleural-effusion'));
      expect(fallback.has(effusion)).to.equal(true);
      expect(fallback.has(glossary.get('diaphragm')!)).to.equal(false);
      // Welsh forms of everyday words are everyday too (not marked as hard words).
      expect(everyday.has('ysgyfaint')).to.equal(true);
      expect(everyday.has('llengig')).to.equal(false);
    });
  });

  describe('the elements', () => {
    it('<finding-disclosure> speaks Welsh on a lang="cy" page and switches back when the page changes', async () => {
      setPageLang('cy');
      const el = await fixture<FindingDisclosure>(html`<finding-disclosure modality="CT"></finding-disclosure>`);
      await until(() => Boolean(el.shadowRoot!.querySelector('h2')), 5000, 'the step');
      const root = el.shadowRoot!;
      expect(root.querySelector('h2')!.textContent!.trim()).to.equal(cy['disclosure.title']);
      expect(root.textContent).to.contain("Mae rhan nesaf y dudalen hon yn dangos y delweddau o'ch sgan CT.");
      expect(root.querySelector('.panel')!.getAttribute('lang')).to.equal('cy');
      expectNoEnglish(root, 'disclosure');
      await expect(el).to.be.accessible();

      setPageLang('en-GB');
      await until(() => root.querySelector('h2')!.textContent!.trim() === enGB['disclosure.title'], 5000, 'English again');
      expect(root.querySelector('.panel')!.getAttribute('lang')).to.equal('en-GB');
    });

    it("follows the element's own lang, and the portal's messages win in Welsh too", async () => {
      setPageLang('en-GB');
      const el = await fixture<FindingDisclosure>(html`<finding-disclosure modality="MR" lang="cy"></finding-disclosure>`);
      await until(() => el.shadowRoot!.querySelector('h2')?.textContent?.trim() === cy['disclosure.title'], 5000, 'Welsh');
      el.messages = { 'disclosure.title': 'Geiriau’r porth' };
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Geiriau’r porth');
      expect(el.shadowRoot!.textContent).to.contain(cy['about.mri']);
      el.removeAttribute('lang');
      await until(() => el.shadowRoot!.textContent!.includes(enGB['about.mri']), 5000, 'English again');
      expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Geiriau’r porth');
    });

    it('<patient-image-viewer> and <lay-annotation-layer> speak Welsh, dates and glossary included; axe passes', async function () {
      this.timeout(60000);
      setPageLang('cy');
      const viewer = document.createElement('patient-image-viewer') as PatientImageViewer;
      viewer.loading = 'eager';
      viewer.src = '/__synthetic/chest-xray.dcm';
      const layer = document.createElement('lay-annotation-layer') as LayAnnotationLayer;
      layer.annotations = {
        ...welshChest,
        labels: [
          ...welshChest.labels.map((label) => (label.id === 'diaphragm' ? { ...label, terms: ['diaphragm', 'pleural-effusion'] } : label)),
          {
            id: 'held',
            kind: 'finding',
            title: 'Canfyddiad i siarad amdano',
            sensitivity: 'sensitive',
            notBefore: '2099-03-15T12:00:00Z',
            target: { image: { index: 0 }, point: { column: 300, row: 300 } },
          },
        ],
      };
      viewer.append(layer);
      box(640, 480).append(viewer);
      await loaded(viewer);
      await until(() => (layer.shadowRoot?.querySelectorAll('.marker').length ?? 0) > 0, 5000, 'markers');
      for (let i = 0; i < 4; i++) await nextFrame();
      const v = viewer.shadowRoot!;
      const l = layer.shadowRoot!;

      // The viewer: controls, the picture's name, the language of its text.
      const buttons = [...v.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(buttons).to.include.members([cy.zoomIn, cy.zoomOut, cy.lighter, cy.reset]);
      expect(v.querySelector('[part="canvas"]')!.getAttribute('aria-label')).to.equal("Pelydr-X o'ch brest");
      expect(v.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('cy');
      expectNoEnglish(v, 'viewer');

      // The layer: orientation, scale, body drawing, the lock date, Welsh and English glossary words.
      expect(l.querySelector('.edge.left')?.textContent?.trim()).to.equal(cy['orientation.yourRight']);
      expect(l.querySelector('.scale')!.getAttribute('aria-label')).to.match(/^Graddfa: mae'r llinell hon yn (tua )?\d+ (mm|cm) o hyd$/);
      expect(l.querySelector('.body-map svg')!.getAttribute('aria-label')).to.equal("Llun o gorff, gyda'r rhan hon wedi'i marcio: brest");
      expect(l.querySelector('.sensitive')!.textContent).to.contain('Gallwch ddewis ei weld o 15 Mawrth 2099 ymlaen.');
      const terms = [...l.querySelectorAll<HTMLButtonElement>('button.term')];
      const llengig = terms.find((t) => t.textContent === 'llengig')!;
      const effusion = terms.find((t) => t.textContent === 'pleural effusion')!;
      expect(llengig, 'a Welsh word').to.exist;
      expect(llengig.hasAttribute('lang')).to.equal(false);
      expect(effusion.getAttribute('lang'), 'an English fallback is marked English').to.equal('en');
      expectNoEnglish(l, 'layer');
      await expect(viewer).to.be.accessible();

      llengig.click();
      await layer.updateComplete;
      let popover = l.querySelector('[role="dialog"]')!;
      expect(popover.textContent).to.contain(glossaryCy.diaphragm!.definition);
      expect(popover.querySelector('.definition')!.hasAttribute('lang')).to.equal(false);
      expectNoEnglish(l, 'layer with a Welsh word open');
      await expect(viewer).to.be.accessible();
      effusion.click();
      await layer.updateComplete;
      popover = l.querySelector('[role="dialog"]')!;
      expect(popover.querySelector('.definition')!.getAttribute('lang')).to.equal('en');
      expect(popover.textContent).to.contain(glossaryEnGB.find((e) => e.id === 'pleural-effusion')!.definition);
      expectNoEnglish(l, 'layer with an English word open');
      await expect(viewer).to.be.accessible();

      // Back to English: the same elements, without reloading.
      setPageLang('en-GB');
      await until(() => [...v.querySelectorAll('button')].some((b) => b.textContent!.trim() === enGB.zoomIn), 5000, 'English controls');
      await until(() => l.querySelector('.edge.left')?.textContent?.trim() === enGB['orientation.yourRight'], 5000, 'English edges');
      expect(v.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en-GB');
      expect(v.querySelector('[part="canvas"]')!.getAttribute('aria-label')).to.equal('X-ray of the chest');
      expect(l.querySelector('.sensitive')!.textContent).to.contain('15 March 2099');
      await until(() => l.querySelector('.terms button.term')?.textContent === 'lung', 5000, 'English glossary');
    });
  });
});
