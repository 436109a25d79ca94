import { expect } from '@open-wc/testing';
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { FindingDisclosure } from '../../src/components/finding-disclosure/finding-disclosure.js';
import { HoldController } from '../../src/controllers/hold-controller.js';

/** A consumer like the viewer and the layer: `hold` is its own OR the step's; it counts the updates that saw `hold` change. */
class HeldThing extends LitElement {
  readonly #hold = new HoldController(this);
  holdChanges = 0;

  @property({ type: Boolean, reflect: true })
  get hold(): boolean {
    return this.#hold.held;
  }

  set hold(value: boolean) {
    this.#hold.own = value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hold')) this.holdChanges++;
  }
}

const defineOnce = (tag: string, element: CustomElementConstructor) => customElements.get(tag) ?? customElements.define(tag, element);
defineOnce('finding-disclosure', FindingDisclosure);
defineOnce('test-held-thing', HeldThing);

const frame = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!test()) throw new Error(`timed out waiting for ${what}`);
}
const button = (step: FindingDisclosure, label: string) =>
  [...step.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

describe('hold context: <finding-disclosure> holds what is inside it', () => {
  const made: Element[] = [];
  const page = (markup: string): HTMLElement => {
    const div = document.createElement('div');
    div.innerHTML = markup;
    document.body.append(div);
    made.push(div);
    return div;
  };
  afterEach(() => {
    for (const el of made.splice(0)) el.remove();
  });

  it('[HAZ-001] holds an element inside until the patient chooses, and again when they hide it', async () => {
    const root = page('<finding-disclosure><test-held-thing></test-held-thing></finding-disclosure>');
    const step = root.querySelector('finding-disclosure')!;
    const thing = root.querySelector<HeldThing>('test-held-thing')!;
    expect(thing.hold).to.equal(true);
    await until(() => step.state === 'asking', 'the step');
    expect(thing.hold).to.equal(true);
    await thing.updateComplete;
    expect(thing.hasAttribute('hold')).to.equal(true);
    button(step, 'Show my images').click();
    await until(() => !thing.hold, 'released');
    await thing.updateComplete;
    expect(thing.hasAttribute('hold')).to.equal(false);
    button(step, 'Hide my images').click();
    await until(() => thing.hold, 'held again');
  });

  it('[HAZ-001] holds an element defined after the step, and one added after the step connected', async () => {
    const root = page('<finding-disclosure><test-late-thing></test-late-thing></finding-disclosure>');
    const step = root.querySelector('finding-disclosure')!;
    await until(() => step.state === 'asking', 'the step');
    customElements.define('test-late-thing', class extends HeldThing {});
    const late = root.querySelector<HeldThing>('test-late-thing')!;
    expect(late.hold).to.equal(true);
    const added = document.createElement('test-held-thing') as HeldThing;
    step.append(added);
    expect(added.hold).to.equal(true);
  });

  it('[HAZ-001] holds an element that was there before the step was defined, once the step connects', async () => {
    const root = page('<late-step-a><test-held-thing></test-held-thing></late-step-a>');
    const thing = root.querySelector<HeldThing>('test-held-thing')!;
    expect(thing.hold).to.equal(false);
    customElements.define('late-step-a', class extends FindingDisclosure {});
    expect(thing.hold).to.equal(true);
  });

  it('a portal\'s own hold stands when the step shows; the step\'s hold stands when the portal lifts its own', async () => {
    const root = page('<finding-disclosure><test-held-thing hold></test-held-thing></finding-disclosure>');
    const step = root.querySelector('finding-disclosure')!;
    const thing = root.querySelector<HeldThing>('test-held-thing')!;
    await until(() => step.state === 'asking', 'the step');
    thing.hold = false;
    expect(thing.hold, 'the step still holds it').to.equal(true);
    thing.hold = true;
    button(step, 'Show my images').click();
    await until(() => step.state === 'shown', 'shown');
    await frame();
    expect(thing.hold, 'its own hold').to.equal(true);
    thing.hold = false;
    expect(thing.hold).to.equal(false);
  });

  it('[HAZ-001] nested steps: shown inside, still held by the step around it', async () => {
    const root = page(
      '<finding-disclosure id="outer"><finding-disclosure id="inner" scope="finding"><test-held-thing></test-held-thing></finding-disclosure></finding-disclosure>',
    );
    const outer = root.querySelector<FindingDisclosure>('#outer')!;
    const inner = root.querySelector<FindingDisclosure>('#inner')!;
    const thing = root.querySelector<HeldThing>('test-held-thing')!;
    await until(() => inner.state === 'asking' && outer.state === 'asking', 'both steps');
    button(inner, 'Show me now').click();
    await until(() => inner.state === 'shown', 'inner shown');
    await frame();
    expect(thing.hold, 'the outer step still holds it').to.equal(true);
    button(outer, 'Show my images').click();
    await until(() => !thing.hold, 'both shown');
  });

  it('an element moved out of a step is no longer held by it; moved into one, it is; a move does not count as a change', async () => {
    const root = page('<finding-disclosure><test-held-thing></test-held-thing></finding-disclosure><div id="outside"></div>');
    const step = root.querySelector('finding-disclosure')!;
    const thing = root.querySelector<HeldThing>('test-held-thing')!;
    await until(() => step.state === 'asking', 'the step');
    await thing.updateComplete;
    const changes = thing.holdChanges;
    step.append(thing);
    await thing.updateComplete;
    expect(thing.hold).to.equal(true);
    expect(thing.holdChanges, 'moved within the step').to.equal(changes);
    root.querySelector('#outside')!.append(thing);
    expect(thing.hold).to.equal(false);
    step.append(thing);
    expect(thing.hold).to.equal(true);
  });
});
