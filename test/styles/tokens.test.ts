import { expect } from '@open-wc/testing';
import { render } from 'lit';
import manifest from '../../custom-elements.json';
import { styles as disclosureStyles } from '../../src/components/finding-disclosure/finding-disclosure.styles.js';
import disclosureSource from '../../src/components/finding-disclosure/finding-disclosure.ts?raw';
import { styles as layerStyles } from '../../src/components/lay-annotation-layer/lay-annotation-layer.styles.js';
import layerSource from '../../src/components/lay-annotation-layer/lay-annotation-layer.ts?raw';
import layerOverlaySource from '../../src/components/lay-annotation-layer/render-overlay.ts?raw';
import layerPanelSource from '../../src/components/lay-annotation-layer/render-panel.ts?raw';
import layerQuestionsSource from '../../src/components/lay-annotation-layer/render-questions.ts?raw';
import layerWordsSource from '../../src/components/lay-annotation-layer/render-words.ts?raw';
import layerCopySource from '../../src/components/lay-annotation-layer/render-copy.ts?raw';
import layerSensitiveSource from '../../src/components/lay-annotation-layer/sensitive.ts?raw';
import { styles as reportStyles } from '../../src/components/lay-report/lay-report.styles.js';
import reportSource from '../../src/components/lay-report/lay-report.ts?raw';
import reportWordsSource from '../../src/components/lay-report/words.ts?raw';
import { styles as viewerStyles } from '../../src/components/patient-image-viewer/patient-image-viewer.styles.js';
import viewerSource from '../../src/components/patient-image-viewer/patient-image-viewer.ts?raw';
import pvElementSource from '../../src/components/pv-element.ts?raw';
import studySource from '../../src/study/study-controller.ts?raw';
import { studyStyles } from '../../src/study/study.styles.js';
import { bodyMap } from '../../src/lay/body-map.js';
import highContrast from '../../src/themes/high-contrast.css?raw';
import highContrastUrl from '../../src/themes/high-contrast.css?url';
import sampleTrust from '../../src/themes/sample-trust.css?raw';
import sampleTrustUrl from '../../src/themes/sample-trust.css?url';
import { box, cleanup, until } from '../support/helpers.js';

const cssOf = (sheets: { cssText: string }[]) => sheets.map((sheet) => sheet.cssText).join('\n');

/** What the body drawing (an SVG template the layer renders) writes: it uses --_body-* tokens. */
function bodyDrawing(): string {
  const drawing = document.createElement('div');
  render(bodyMap('chest', 'test'), drawing);
  return drawing.innerHTML;
}

interface Documented {
  tagName?: string;
  cssProperties?: { name: string; default?: string }[];
  cssParts?: { name: string }[];
}
const declarations = (manifest as { modules: { declarations?: Documented[] }[] }).modules.flatMap((m) => m.declarations ?? []);
const documentedFor = (tag: string) => declarations.find((d) => d.tagName === tag)!;

/**
 * Each element's styles (with the shared host base) and everything else that can write a style:
 * its template source (inline styles), and the SVG it renders.
 */
const elements = [
  // The viewer's template includes the study list's (src/study/, lazily added to its shadow root with its styles).
  { tag: 'patient-image-viewer', css: cssOf([...viewerStyles, studyStyles]), templates: pvElementSource + viewerSource + studySource },
  {
    tag: 'lay-annotation-layer',
    css: cssOf(layerStyles),
    // The element's template is in its class and in its render parts beside it.
    templates: pvElementSource + layerSource + layerOverlaySource + layerPanelSource + layerQuestionsSource + layerWordsSource + layerSensitiveSource + layerCopySource + bodyDrawing(),
  },
  { tag: 'finding-disclosure', css: cssOf(disclosureStyles), templates: pvElementSource + disclosureSource },
  { tag: 'lay-report', css: cssOf(reportStyles), templates: pvElementSource + reportSource + reportWordsSource },
];

const names = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
const DECLARED = /(--_[\w-]+)\s*:/g;
const USED = /var\(\s*(--_[\w-]+)/g;
const PUBLIC = /var\(\s*(--pv-[\w-]+)/g;

/**
 * Private `--_*` tokens: declared once on :host, none used but undefined, none defined but unused.
 * Public `--pv-*`: each documented in custom-elements.json (and so in docs/theming.md), with the
 * NHS value as the last fallback; and the themes set only documented ones.
 */
describe('style tokens', () => {
  for (const { tag, css, templates } of elements) {
    it(`${tag}: every private token is declared once and used, and none is used undeclared`, () => {
      const declared = names(css, DECLARED);
      const used = new Set(names(css + templates, USED));
      expect(declared.length, 'tokens declared').to.be.greaterThan(5);
      expect(declared.filter((token, i) => declared.indexOf(token) !== i), 'declared twice').to.deep.equal([]);
      expect(declared.filter((token) => !used.has(token)), 'declared but never used').to.deep.equal([]);
      expect([...used].filter((token) => !declared.includes(token)), 'used but never declared').to.deep.equal([]);
    });

    it(`${tag}: every public property it reads is documented, and every documented one is read`, () => {
      const read = new Set(names(css + templates, PUBLIC));
      const documented = (documentedFor(tag).cssProperties ?? []).map((p) => p.name);
      expect([...read].filter((name) => !documented.includes(name)), 'read but not documented').to.deep.equal([]);
      expect(documented.filter((name) => !read.has(name)), 'documented but never read').to.deep.equal([]);
    });

    it(`${tag}: every part in the template is documented, and every documented part is in it`, () => {
      // A part is written in a template (part="x"), or handed to the shared heading helper ({ part: 'x' }).
      // An element can carry several parts (part="button study-choice").
      const inTemplate = new Set([...names(templates, /\bpart="([\w -]+)"/g).flatMap((list) => list.split(' ')), ...names(templates, /\bpart: '([\w-]+)'/g)]);
      const documented = (documentedFor(tag).cssParts ?? []).map((p) => p.name);
      expect([...inTemplate].filter((name) => !documented.includes(name)), 'not documented').to.deep.equal([]);
      expect(documented.filter((name) => !inTemplate.has(name)), 'documented but not in the template').to.deep.equal([]);
    });
  }

  it('the NHS.UK frontend properties come between ours and the NHS value', () => {
    const all = elements.map((e) => e.css).join('\n');
    expect(all).to.contain('var(--pv-color-brand, var(--nhsuk-brand-colour, #005eb8))');
    // Every public property ends in a plain value, so an element on a page with no theme still has every colour.
    // One deliberate exception: the viewer's --_brand-tint exists only when the page sets --pv-color-brand
    // (no fallback on purpose), and every use of it has its own fallback.
    const checked = all.replace(/--_brand-tint:[^;]*;/, '');
    for (const match of checked.matchAll(/var\(\s*--pv-[\w-]+\s*\)/g)) expect.fail(`${match[0]} has no fallback`);
    for (const match of all.matchAll(/var\(\s*--_brand-tint\s*\)/g)) expect.fail(`${match[0]} has no fallback`);
  });

  it('a page that sets the NHS.UK frontend properties changes the elements through them', async () => {
    const host = box(480, 200);
    host.style.setProperty('--nhsuk-brand-colour', 'rgb(1, 2, 3)');
    host.style.setProperty('--nhsuk-secondary-button-border-colour', 'rgb(4, 5, 6)');
    const step = document.createElement('finding-disclosure');
    host.append(step);
    await until(() => step.shadowRoot?.querySelector('.panel') != null, 5000, 'the step');
    const panel = step.shadowRoot!.querySelector('.panel')!;
    expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(1, 2, 3)');
    // Ours win over the NHS.UK frontend's.
    host.style.setProperty('--pv-interruption-background', 'rgb(7, 8, 9)');
    expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(7, 8, 9)');
    cleanup();
  });

  it('linked as stylesheets, the themes change the elements (and removing them restores the NHS look)', async () => {
    const host = box(480, 200);
    const step = document.createElement('finding-disclosure');
    host.append(step);
    await until(() => step.shadowRoot?.querySelector('.panel') != null, 5000, 'the step');
    const panel = step.shadowRoot!.querySelector('.panel')!;
    const button = step.shadowRoot!.querySelector('button')!;
    const nhs = getComputedStyle(panel).backgroundColor;
    expect(nhs, 'NHS blue').to.equal('rgb(0, 94, 184)');
    for (const [url, background, buttonBorder] of [
      [sampleTrustUrl, 'rgb(74, 37, 116)', '0px'],
      [highContrastUrl, 'rgb(0, 0, 0)', '3px'],
    ] as const) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url;
      const ready = new Promise((resolve, reject) => {
        link.onload = resolve;
        link.onerror = reject;
      });
      document.head.append(link);
      await ready;
      expect(getComputedStyle(panel).backgroundColor, url).to.equal(background);
      if (buttonBorder === '3px') expect(getComputedStyle(button).borderTopWidth, 'thick edges').to.equal('3px');
      link.remove();
      expect(getComputedStyle(panel).backgroundColor).to.equal(nhs);
    }
    cleanup();
  });

  for (const [name, theme] of [
    ['sample-trust.css', sampleTrust],
    ['high-contrast.css', highContrast],
  ] as const) {
    it(`the ${name} theme sets only documented properties and parts, and nothing a strict CSP blocks`, () => {
      const documented = new Set(declarations.flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
      const set = names(theme, /(--[\w-]+)\s*:/g);
      expect(set.length, 'properties set').to.be.greaterThan(5);
      expect(set.filter((property) => !documented.has(property)), 'not documented').to.deep.equal([]);
      for (const [, tag, part] of theme.matchAll(/([\w-]+)::part\(([\w-]+)\)/g)) {
        const parts = (documentedFor(tag!)?.cssParts ?? []).map((p) => p.name);
        expect(parts, `${tag}::part(${part})`).to.include(part);
      }
      // Nothing fetched from elsewhere: no @import, no url(), no fonts.
      expect(theme).to.not.match(/@import|url\(|@font-face/);
      // Private tokens are not for themes.
      expect(theme).to.not.match(/--_/);
    });
  }
});
