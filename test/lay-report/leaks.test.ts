import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LayReport } from '../../src/index.js';
import * as stories from '../../stories/lay-report.stories.js';
import { render } from 'lit';
import { box, cleanup, until } from '../support/helpers.js';

interface Counters {
  heap: number;
  nodes: number;
  jsEventListeners: number;
}

const CYCLES = 50;
const WARM_UP = 5;

/**
 * Mount the SensitiveWaiting story (a report with a held sentence), open a word's meaning (floating-ui
 * keeps it placed while open), show the held sentence, then remove it all: 50 times. DOM nodes, event
 * listeners and heap must come back to where they were after a warm-up (document listeners, the
 * placement's observers and the consent step's observer are all torn down).
 */
async function cycle(): Promise<void> {
  const host = box(720, 300);
  render(stories.reportStoryTemplate(stories.SensitiveWaiting), host);
  const report = host.querySelector('lay-report') as LayReport;
  await until(() => report.status === 'ready', 5000, 'ready');
  await report.updateComplete;
  const root = report.shadowRoot!;
  root.querySelector<HTMLButtonElement>('button.term')!.click();
  await report.updateComplete;
  await until(() => Boolean(root.querySelector('.popover')), 2000, 'popover');
  const gate = root.querySelector('finding-disclosure')!;
  await until(() => Boolean(gate.shadowRoot?.querySelector('button')), 2000, 'consent step');
  [...gate.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Show me now')!.click();
  await until(() => gate.children.length > 0, 2000, 'shown');
  cleanup();
}

describe('<lay-report> leaks', function () {
  this.timeout(120000);
  afterEach(cleanup);

  it('mounting, using and removing a report 50 times leaves no DOM, listeners or heap behind', async () => {
    for (let i = 0; i < WARM_UP; i++) await cycle();
    const before = await executeServerCommand<Counters, undefined>('pv-dom-counters');
    for (let i = 0; i < CYCLES; i++) await cycle();
    const after = await executeServerCommand<Counters, undefined>('pv-dom-counters');
    expect(after.nodes - before.nodes, 'DOM nodes').to.be.below(250);
    expect(after.jsEventListeners - before.jsEventListeners, 'event listeners').to.be.below(30);
    expect(after.heap - before.heap, 'heap bytes').to.be.below(3 * 1024 * 1024);
  });
});
