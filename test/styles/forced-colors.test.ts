/**
 * Forced colours (Windows High Contrast and similar) and reduced motion, on the stories.
 *
 * Forced colours replace the page's colours with a few system colours and drop box shadows, so
 * anything shown only by a background, a shadow or a colour change can vanish. Chromium's own
 * forced-colours mode is switched on through the DevTools protocol (`Emulation.setEmulatedMedia`,
 * the `pv-emulate-media` command); computed styles then hold the forced values.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import type { FindingDisclosure, PatientImageViewer } from '../../src/index.js';
import * as disclosureStories from '../../stories/finding-disclosure.stories.js';
import * as layerStories from '../../stories/lay-annotation-layer.stories.js';
import * as viewerStories from '../../stories/patient-image-viewer.stories.js';
import { box, cleanup, loaded, nextFrame, until } from '../support/helpers.js';

type Rgba = [number, number, number, number];

function rgba(colour: string): Rgba {
  const parts = colour.match(/[\d.]+/g)?.map(Number) ?? [];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, colour.startsWith('rgba') ? (parts[3] ?? 1) : 1];
}

/** WCAG contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [l1, l2] = [luminance(rgba(a)), luminance(rgba(b))].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** The first opaque background at or behind an element, crossing shadow boundaries. */
function backdrop(el: Element | null): string {
  for (let node: Element | null = el; node; ) {
    const colour = getComputedStyle(node).backgroundColor;
    if (rgba(colour)[3] > 0.5) return colour;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return getComputedStyle(document.documentElement).backgroundColor || 'rgb(255, 255, 255)';
}

/** Where an element's edge is visible: a border of its own, or a background that stands out. */
function edgeProblem(el: Element): string | undefined {
  const style = getComputedStyle(el);
  const behind = backdrop(el.parentElement ?? (el.getRootNode() as ShadowRoot).host);
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const border = sides.every(
    (side) =>
      parseFloat(style[`border${side}Width`]) >= 1 &&
      style[`border${side}Style`] !== 'none' &&
      rgba(style[`border${side}Color`])[3] > 0.5 &&
      (contrast(style[`border${side}Color`], behind) >= 3 || contrast(style[`border${side}Color`], backdrop(el)) >= 3),
  );
  const filled = rgba(style.backgroundColor)[3] > 0.5 && contrast(style.backgroundColor, behind) >= 3;
  if (border || filled) return undefined;
  return `no visible edge (border ${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}, background ${style.backgroundColor} on ${behind})`;
}

/** A button is visible when its edge is, or (a button styled as a link) its text is underlined. */
function buttonProblem(button: Element): string | undefined {
  const style = getComputedStyle(button);
  if (contrast(style.color, backdrop(button)) < 4.5) return `text ${style.color} on ${backdrop(button)}`;
  if (style.textDecorationLine.includes('underline')) return undefined;
  return edgeProblem(button);
}

/** Focus an element as the keyboard would, and say what is wrong with its focus ring, if anything. */
async function focusProblem(el: HTMLElement, ring: HTMLElement = el): Promise<string | undefined> {
  el.focus();
  await nextFrame();
  if (!el.matches(':focus-visible')) return 'not :focus-visible';
  // The picture's ring is drawn on its own layer above the canvas (`ring`).
  const style = getComputedStyle(ring);
  const width = parseFloat(style.outlineWidth);
  if (style.outlineStyle === 'none' || width < 2 || rgba(style.outlineColor)[3] < 0.5) {
    return `no outline (${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor})`;
  }
  el.blur();
  return undefined;
}

function describeEl(el: Element): string {
  const text = el.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${el.localName}${el.className ? ` class="${String(el.className)}"` : ''}>${text ? ` "${text}"` : ''}`;
}

/** Every control in a shadow root: buttons, links, fields, summaries and anything with tabindex. */
function controls(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, a[href], input, textarea, select, summary, [tabindex]')].filter(
    (el) => el.getClientRects().length > 0 && !(el as HTMLButtonElement).disabled,
  );
}

async function checkControls(root: ShadowRoot, problems: string[]): Promise<number> {
  let checked = 0;
  for (const button of root.querySelectorAll('button')) {
    if (button.getClientRects().length === 0) continue;
    const problem = buttonProblem(button);
    if (problem) problems.push(`${describeEl(button)}: ${problem}`);
    checked++;
  }
  for (const control of controls(root)) {
    // The picture draws its ring on the layer above it (the canvas would cover its own outline).
    const ring = control.matches('[part="canvas"]') ? root.querySelector<HTMLElement>('.focus-ring') : null;
    const problem = await focusProblem(control, ring ?? control);
    if (problem) problems.push(`${describeEl(control)} focused: ${problem}`);
  }
  return checked;
}

async function mountViewerStack(): Promise<PatientImageViewer> {
  const host = box(640, 420);
  render(viewerStories.storyTemplate(viewerStories.LoadedStack), host);
  const viewer = host.querySelector('patient-image-viewer') as PatientImageViewer;
  await loaded(viewer);
  return viewer;
}

describe('forced colours', () => {
  before(async () => {
    await executeServerCommand('pv-emulate-media', { features: [{ name: 'forced-colors', value: 'active' }] });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours are on').to.equal(true);
  });

  after(async () => {
    await executeServerCommand('pv-emulate-media', { features: [] });
  });

  afterEach(cleanup);

  it('the viewer: every button has a visible edge and every control a focus ring, the picture too', async () => {
    const viewer = await mountViewerStack();
    const root = viewer.shadowRoot!;
    const problems: string[] = [];
    const buttons = await checkControls(root, problems);
    expect(buttons, 'buttons checked').to.be.greaterThan(8);
    const picture = root.querySelector<HTMLElement>('[part="canvas"]')!;
    expect(picture.tabIndex).to.equal(0);
    const pictureFocus = await focusProblem(picture, root.querySelector<HTMLElement>('.focus-ring')!);
    if (pictureFocus) problems.push(`the picture focused: ${pictureFocus}`);
    expect(problems).to.deep.equal([]);
  });

  it('the viewer: the pressed button and a disabled button still look different from the others', async () => {
    const viewer = await mountViewerStack();
    const root = viewer.shadowRoot!;
    const buttons = [...root.querySelectorAll('button')];
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-pressed]')!;
    const plain = buttons.find((b) => !b.disabled && !b.hasAttribute('aria-pressed'))!;
    const disabled = buttons.find((b) => b.disabled);
    expect(disabled, 'Previous is disabled on the first image').to.exist;
    toggle.click();
    await viewer.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    const [on, off] = [getComputedStyle(toggle), getComputedStyle(plain)];
    expect(on.backgroundColor, 'pressed background').to.not.equal(off.backgroundColor);
    expect(contrast(on.color, on.backgroundColor), 'pressed text contrast').to.be.at.least(4.5);
    expect(getComputedStyle(disabled!).color, 'disabled text').to.not.equal(off.color);
  });

  it('the annotation layer: markers, labels and list buttons stay visible, with focus rings', async () => {
    const host = box(720, 420);
    render(layerStories.layerStoryTemplate(layerStories.ChestXrayAnatomy), host);
    const viewer = host.querySelector('patient-image-viewer') as PatientImageViewer;
    await loaded(viewer);
    const root = viewer.querySelector('lay-annotation-layer')!.shadowRoot!;
    await until(() => root.querySelectorAll('.marker').length > 0, 5000, 'markers');
    for (let i = 0; i < 4; i++) await nextFrame();
    const problems: string[] = [];
    const markers = [...root.querySelectorAll<HTMLElement>('.marker')];
    for (const marker of markers) {
      const style = getComputedStyle(marker);
      if (parseFloat(style.borderTopWidth) < 2 || contrast(style.borderTopColor, style.backgroundColor) < 3) {
        problems.push(`${describeEl(marker)}: border ${style.borderTopColor} on ${style.backgroundColor}`);
      }
      if (contrast(style.color, style.backgroundColor) < 4.5) problems.push(`${describeEl(marker)}: number ${style.color} on ${style.backgroundColor}`);
    }
    for (const tag of root.querySelectorAll('.tag')) {
      const problem = edgeProblem(tag);
      if (problem) problems.push(`${describeEl(tag)}: ${problem}`);
    }
    await checkControls(root, problems);
    expect(markers.length, 'markers checked').to.be.greaterThan(2);
    expect(problems).to.deep.equal([]);

    // The chosen label is marked by more than colour.
    const tag = root.querySelector<HTMLElement>('.tag')!;
    const before = getComputedStyle(tag).outlineStyle;
    markers[0]!.click();
    await until(() => root.querySelector('.tag.selected') !== null, 2000, 'a chosen label');
    const chosen = getComputedStyle(root.querySelector('.tag.selected')!);
    expect(before).to.equal('none');
    expect(chosen.outlineStyle, 'the chosen label has an outline').to.not.equal('none');
  });

  it('the consent step: its panel has an edge, its buttons are visible, with focus rings; so is the heading after', async () => {
    const host = box(640, 420);
    render(disclosureStories.disclosureStoryTemplate(disclosureStories.WithTalkRoute), host);
    const step = host.querySelector('finding-disclosure') as FindingDisclosure;
    await step.updateComplete;
    const root = step.shadowRoot!;
    await until(() => root.querySelector('.panel') !== null, 2000, 'the step');
    const problems: string[] = [];
    const panelEdge = edgeProblem(root.querySelector('.panel')!);
    if (panelEdge) problems.push(`the panel: ${panelEdge}`);
    expect(await checkControls(root, problems)).to.equal(2);
    expect(problems).to.deep.equal([]);

    root.querySelector('button')!.click();
    const heading = await new Promise<HTMLElement>((resolve, reject) => {
      const started = performance.now();
      const look = () => {
        const found = root.querySelector<HTMLElement>('.shown h2');
        if (found) resolve(found);
        else if (performance.now() - started > 5000) reject(new Error('the images were not shown'));
        else setTimeout(look, 20);
      };
      look();
    });
    expect(await focusProblem(heading), 'the heading focused after showing').to.equal(undefined);
  });
});

describe('reduced motion', () => {
  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
    cleanup();
  });

  /** The computed transform of a viewer button while the mouse holds it down. */
  async function pressedTransform(viewer: PatientImageViewer): Promise<string> {
    const button = viewer.shadowRoot!.querySelector<HTMLButtonElement>('button:not([disabled])')!;
    button.scrollIntoView({ block: 'center' });
    await nextFrame();
    const rect = button.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
    await sendMouse({ type: 'down' });
    const transform = getComputedStyle(button).transform;
    await sendMouse({ type: 'up' });
    return transform;
  }

  it('a pressed button moves down, except when the patient asks for less motion', async () => {
    const viewer = await mountViewerStack();
    expect(await pressedTransform(viewer), 'moves without the setting').to.not.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    expect(await pressedTransform(viewer), 'still with the setting').to.equal('none');
  });

  it('nothing in any element animates or transitions when the patient asks for less motion, even motion added later', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const host = box(720, 420);
    render(layerStories.layerStoryTemplate(layerStories.ChestXrayAnatomy), host);
    const viewer = host.querySelector('patient-image-viewer') as PatientImageViewer;
    await loaded(viewer);
    const other = box(640, 420);
    render(disclosureStories.disclosureStoryTemplate(disclosureStories.Asking), other);
    await (other.querySelector('finding-disclosure') as FindingDisclosure).updateComplete;
    const moving: string[] = [];
    let checked = 0;
    const roots = [viewer, viewer.querySelector('lay-annotation-layer')!, other.querySelector('finding-disclosure')!].map(
      (el) => el.shadowRoot!,
    );
    // Motion the elements might gain later (or a theme might add): stopped all the same.
    const motion = new CSSStyleSheet();
    motion.replaceSync('*, *::before, *::after { transition: opacity 1s, transform 1s; animation: 1s infinite pv-probe; }');
    for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, motion];
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(el, pseudo);
          const durations = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map(parseFloat);
          if (durations.some((d) => d > 0) || style.scrollBehavior === 'smooth') moving.push(`${describeEl(el)}${pseudo ?? ''}`);
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(100);
    expect(moving).to.deep.equal([]);
  });
});
