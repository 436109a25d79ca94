import { executeServerCommand } from '@web/test-runner-commands';
import type { LayReport, PvReportErrorEvent } from '../../src/index.js';
import { box, until } from '../support/helpers.js';

/** Mount a `<lay-report>` set up by `setup`, in a fixture box; resolves once it is ready or failed. */
export async function mountReport(
  setup: (el: LayReport) => void,
  width = 720,
): Promise<{ el: LayReport; root: ShadowRoot; errors: PvReportErrorEvent[] }> {
  const el = document.createElement('lay-report');
  const errors: PvReportErrorEvent[] = [];
  el.addEventListener('pv-report-error', (event) => errors.push(event));
  setup(el);
  box(width, 300).append(el);
  await until(() => el.status === 'ready' || el.status === 'error', 10000, 'report ready or failed');
  await el.updateComplete;
  return { el, root: el.shadowRoot!, errors };
}

/** Every text node under `node`, through open shadow roots and (for slots) what is assigned to them: what is in the DOM. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ');
}

/** The page's whole accessibility tree (Chromium's, through DevTools: shadow roots included), as one string of every name, description and value. */
export async function accessibleText(): Promise<string> {
  const names = await executeServerCommand<string[], undefined>('pv-ax-names');
  return (names ?? []).join(' ').replace(/\s+/g, ' ');
}

/** The held parts' `<finding-disclosure>` elements, in the report's shadow root. */
export function disclosures(root: ShadowRoot): (HTMLElement & { phase: string })[] {
  return [...root.querySelectorAll<HTMLElement & { phase: string }>('finding-disclosure')];
}

/** Press "Show me now" in a disclosure and wait until the report has put the held part in. */
export async function showHeld(el: LayReport, disclosure: HTMLElement): Promise<void> {
  await until(() => Boolean(disclosure.shadowRoot?.querySelector('button')), 5000, 'disclosure buttons');
  const show = [...disclosure.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Show me now');
  if (!show) throw new Error('no "Show me now" button');
  show.click();
  await until(() => disclosure.children.length > 0, 5000, 'held part shown');
  await el.updateComplete;
}
