import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { ViewerController, type ViewerVisibility } from '../../src/controllers/viewer-controller.js';
import { ViewerError } from '../../src/sources/errors.js';
import type { ViewerSource } from '../../src/sources/prepare.js';
import { dicomFile } from '../fakes/dicom.js';
import { installFakeEngine, uninstallFakeEngine, type FakeEngineInstall } from '../fakes/fake-engine.js';

/** Stands in for the visibility controller: the test says when the viewer is near the screen and laid out. */
class FakeVisibility implements ViewerVisibility {
  wanted = true;
  drawable = true;
  #waiters: { test: () => boolean; resolve: () => void }[] = [];

  whenWanted(): Promise<void> {
    return this.#when(() => this.wanted);
  }

  whenDrawable(): Promise<void> {
    return this.#when(() => this.wanted && this.drawable);
  }

  get sized(): boolean {
    return this.drawable;
  }

  set(changes: { wanted?: boolean; drawable?: boolean }): void {
    Object.assign(this, changes);
    this.#waiters = this.#waiters.filter((waiter) => (waiter.test() ? (waiter.resolve(), false) : true));
  }

  #when(test: () => boolean): Promise<void> {
    return test() ? Promise.resolve() : new Promise((resolve) => this.#waiters.push({ test, resolve }));
  }
}

/** A minimal host: a stage to draw into, the inputs, and a record of what the controller reported. */
class TestHost extends LitElement {
  source: ViewerSource | undefined;
  timeout = 30000;
  canRefresh = false;
  readonly headerCalls: boolean[] = [];
  readonly reported: string[] = [];
  readonly visibility = new FakeVisibility();
  readonly controller = new ViewerController(
    this,
    () => ({
      source: this.source,
      stage: this.renderRoot?.querySelector<HTMLDivElement>('.stage') ?? null,
      headers: async (options) => {
        this.headerCalls.push(options?.refresh ?? false);
        return {};
      },
      canRefresh: this.canRefresh,
      timeout: this.timeout,
    }),
    this.visibility,
    {
      onLoad: (facts, count, index, renderer, skipped) =>
        this.reported.push(`load ${facts.modality} ${count} ${index} ${renderer} ${skipped}`),
      onError: (error) => this.reported.push(`error ${error.type}`),
      onImageChange: (index, count) => this.reported.push(`image ${index} ${count}`),
      onViewChange: () => this.reported.push('view'),
    },
  );

  override render() {
    return html`<div class="stage" style="width: 100px; height: 100px"></div>`;
  }
}
customElements.define('test-viewer-host', TestHost);

/** Wait until `test` holds (the controller's steps are asynchronous), or fail after a second. */
async function until(test: () => boolean, what: string): Promise<void> {
  const end = performance.now() + 1000;
  while (!test()) {
    if (performance.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A few tasks, for steps that must not happen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function files(count = 1, modality = 'CT'): ViewerSource {
  return {
    kind: 'files',
    files: Array.from({ length: count }, (_, i) => dicomFile({ Modality: modality, SOPInstanceUID: `2.25.${i + 1}`, InstanceNumber: String(i + 1) })),
  };
}

function mount(setup: Partial<Pick<TestHost, 'source' | 'timeout' | 'canRefresh'>> = {}, visible = true): TestHost {
  const host = document.createElement('test-viewer-host') as TestHost;
  Object.assign(host, setup);
  host.visibility.wanted = visible;
  document.body.append(host);
  return host;
}

function change(host: TestHost, source: ViewerSource | undefined): void {
  host.source = source;
  host.requestUpdate();
}

describe('ViewerController (unit, fake engine)', () => {
  let fake: FakeEngineInstall;
  beforeEach(() => {
    fake = installFakeEngine();
  });
  afterEach(() => {
    uninstallFakeEngine();
    document.querySelectorAll('test-viewer-host').forEach((el) => el.remove());
  });

  it('with no source stays idle and never starts the engine', async () => {
    const host = mount();
    await settle();
    expect(host.controller.status).to.equal('idle');
    expect(fake.starts).to.equal(0);
    expect(fake.engine.views).to.have.length(0);
  });

  it('waits off screen without starting the engine, then loads, draws and reports once', async () => {
    const host = mount({ source: files(3) }, false);
    await settle();
    expect(host.controller.status).to.equal('waiting');
    expect(fake.starts, 'no engine while off screen').to.equal(0);

    fake.engine.showWill = 'hang';
    host.visibility.set({ wanted: true });
    await until(() => fake.engine.lastView?.showing === true, 'show() called');
    expect(host.controller.status).to.equal('loading');
    expect(host.controller.count).to.equal(3);
    const view = fake.engine.lastView!;
    expect(view.element).to.equal(host.renderRoot.querySelector('.stage'));
    expect(fake.engine.lastRegistration!.stack.count).to.equal(3);
    expect(view.calls).to.deep.equal(['show 0 of 3']);
    expect(host.reported).to.deep.equal([]);

    view.settleShow('ok');
    await until(() => host.controller.status === 'loaded', 'loaded');
    expect(host.controller.view).to.equal(view);
    expect(host.controller.renderer).to.equal('gpu');
    expect(host.controller.facts).to.deep.equal({ modality: 'CT', bodyPart: '', burnedInText: false });
    expect(host.reported).to.deep.equal(['load CT 3 0 gpu 0']);
    expect(fake.starts).to.equal(1);
  });

  it('waits for the stage to have a size before opening a view on it', async () => {
    const host = mount({ source: files() });
    host.visibility.drawable = false;
    await settle();
    expect(host.controller.status).to.equal('loading');
    expect(fake.engine.views, 'no view on an element with no size').to.have.length(0);
    host.visibility.set({ drawable: true });
    await until(() => host.controller.status === 'loaded', 'loaded');
  });

  it('a failed show is an error of the class the engine gave; the view and its images are let go; Try again recovers', async () => {
    fake.engine.showWill = new ViewerError('not-found', 'HTTP 404', { status: 404 });
    const host = mount({ source: files() });
    await until(() => host.controller.status === 'error', 'error');
    expect(host.controller.error?.type).to.equal('not-found');
    expect(host.reported).to.deep.equal(['error not-found']);
    expect(fake.engine.lastView!.destroyed).to.equal(true);
    expect(fake.engine.lastRegistration!.released).to.equal(true);
    expect(host.controller.view).to.equal(undefined);

    fake.engine.showWill = 'ok';
    await host.controller.load();
    await until(() => host.controller.status === 'loaded', 'loaded after Try again');
    expect(fake.engine.views).to.have.length(2);
    expect(host.reported).to.deep.equal(['error not-found', 'load CT 1 0 gpu 0']);
  });

  it('a file that is not DICOM is refused before the engine draws anything', async () => {
    const host = mount({ source: { kind: 'files', files: [new File(['<!doctype html><p>Sign in</p>'], 'page.html')] } });
    await until(() => host.controller.status === 'error', 'error');
    expect(host.controller.error?.type).to.equal('unsupported-format');
    expect(fake.engine.views).to.have.length(0);
    expect(fake.engine.registrations).to.have.length(0);
  });

  it('[HAZ-003] a source change mid-load cancels the old load: its view and images are let go and its late answer changes nothing', async () => {
    fake.engine.showWill = 'hang';
    const host = mount({ source: files(2, 'CT') });
    await until(() => fake.engine.lastView?.showing === true, 'first show');
    const first = fake.engine.lastView!;
    const firstImages = fake.engine.lastRegistration!;

    fake.engine.showWill = 'ok';
    change(host, files(1, 'MR'));
    await until(() => host.controller.status === 'loaded', 'second source loaded');
    expect(first.destroyed, 'old view destroyed').to.equal(true);
    expect(firstImages.released, 'old images released').to.equal(true);
    expect(host.controller.facts?.modality).to.equal('MR');

    // The old load's engine answers late, either way: nothing changes.
    first.settleShow(new ViewerError('network', 'cut'));
    await settle();
    expect(host.controller.status).to.equal('loaded');
    expect(host.controller.view).to.equal(fake.engine.lastView);
    expect(host.reported).to.deep.equal(['load MR 1 0 gpu 0']);
  });

  it('the same source again (a re-render) does not reload', async () => {
    const source = files();
    const host = mount({ source });
    await until(() => host.controller.status === 'loaded', 'loaded');
    host.requestUpdate();
    await host.updateComplete;
    await settle();
    expect(fake.engine.views).to.have.length(1);
    // Cleared: back to idle, the picture let go.
    change(host, undefined);
    await host.updateComplete;
    expect(host.controller.status).to.equal('idle');
    expect(fake.engine.lastView!.destroyed).to.equal(true);
  });

  it('removed from the page: everything is torn down; moved within the page: the picture is kept', async () => {
    const host = mount({ source: files() });
    await until(() => host.controller.status === 'loaded', 'loaded');
    const view = fake.engine.lastView!;

    // Moved (removed and put back in the same task): kept.
    const box = document.createElement('div');
    document.body.append(box);
    box.append(host);
    await settle();
    expect(view.destroyed).to.equal(false);
    expect(host.controller.status).to.equal('loaded');

    host.remove();
    await settle();
    expect(view.destroyed).to.equal(true);
    expect(fake.engine.lastRegistration!.released).to.equal(true);
    expect(host.controller.status).to.equal('idle');
    box.remove();
  });

  it('removed mid-load: the load stops and its late answer is ignored', async () => {
    fake.engine.showWill = 'hang';
    const host = mount({ source: files() });
    await until(() => fake.engine.lastView?.showing === true, 'show');
    const view = fake.engine.lastView!;
    host.remove();
    await settle();
    expect(view.destroyed).to.equal(true);
    view.settleShow('ok');
    await settle();
    expect(host.controller.status).to.equal('idle');
    expect(host.reported).to.deep.equal([]);
  });

  it('[HAZ-008] an engine that cannot start is engine-failed (retryable, said in the console); the next load starts it again', async () => {
    const logged: unknown[][] = [];
    const realError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      fake.startWill = new TypeError('Class extends value undefined is not a constructor or null');
      const host = mount({ source: files() });
      await until(() => host.controller.status === 'error', 'error');
      expect(host.controller.error?.type).to.equal('engine-failed');
      expect(host.controller.error?.retryable).to.equal(true);
      expect((host.controller.error?.cause as Error).message).to.contain('Class extends value undefined');
      expect(logged.some((args) => /imaging engine could not start/.test(String(args[0])))).to.equal(true);

      fake.startWill = 'ok';
      await host.controller.load();
      await until(() => host.controller.status === 'loaded', 'loaded');
      expect(fake.starts).to.equal(2);
    } finally {
      console.error = realError;
    }
  });

  it('[HAZ-008] a load that takes longer than its timeout is a time-out, even when the engine hangs', async () => {
    fake.engine.showWill = 'hang';
    const host = mount({ source: files(), timeout: 80 });
    await until(() => host.controller.status === 'error', 'time-out');
    expect(host.controller.error?.type).to.equal('timeout');
    expect(fake.engine.lastView!.destroyed).to.equal(true);
  });

  it('[HAZ-008] a 401 asks the portal once for fresh credentials and tries again; a second 401 is unauthorised', async () => {
    const unauthorised = () => new ViewerError('unauthorised', 'HTTP 401', { status: 401 });
    fake.engine.showWill = unauthorised();
    const host = mount({ source: files(), canRefresh: true });
    await until(() => host.controller.status === 'error', 'error');
    expect(host.controller.error?.type).to.equal('unauthorised');
    expect(host.headerCalls.filter(Boolean), 'one refresh').to.have.length(1);
    expect(fake.engine.views, 'tried twice').to.have.length(2);
    expect(fake.engine.views[0]!.destroyed).to.equal(true);

    // Fresh credentials work: the second try shows the picture.
    fake.engine.showWill = 'hang';
    const again = mount({ source: files(), canRefresh: true });
    await until(() => fake.engine.views.length === 3 && fake.engine.lastView!.showing, 'first try');
    fake.engine.showWill = 'ok';
    fake.engine.lastView!.settleShow(unauthorised());
    await until(() => again.controller.status === 'loaded', 'loaded after refresh');
    expect(fake.engine.views).to.have.length(4);
    expect(again.headerCalls.filter(Boolean)).to.have.length(1);
  });

  it('without a way to refresh credentials, a 401 is unauthorised at once', async () => {
    fake.engine.showWill = new ViewerError('unauthorised', 'HTTP 401', { status: 401 });
    const host = mount({ source: files(), canRefresh: false });
    await until(() => host.controller.status === 'error', 'error');
    expect(host.headerCalls.filter(Boolean)).to.have.length(0);
    expect(fake.engine.views).to.have.length(1);
  });

  it('once shown: an image failure is the load\'s failure, and "Try again" returns to the image the patient was on', async () => {
    const host = mount({ source: files(5) });
    await until(() => host.controller.status === 'loaded', 'loaded');
    await host.controller.goTo(3);
    expect(host.controller.index).to.equal(3);
    fake.engine.lastView!.failImage(new ViewerError('network', 'cut'));
    expect(host.controller.status).to.equal('error');
    expect(host.controller.error?.type).to.equal('network');
    expect(fake.engine.lastView!.destroyed).to.equal(true);

    await host.controller.load();
    await until(() => host.controller.status === 'loaded', 'loaded again');
    expect(fake.engine.lastView!.calls[0]).to.equal('show 3 of 5');
    expect(host.controller.index).to.equal(3);
  });

  it('a lost GPU redraws on the CPU (renderer cpu), or fails as the engine said', async () => {
    const host = mount({ source: files() });
    await until(() => host.controller.status === 'loaded', 'loaded');
    fake.engine.lastView!.loseContext('ok');
    await until(() => host.controller.renderer === 'cpu', 'renderer cpu');
    expect(host.controller.status).to.equal('loaded');

    fake.engine.lastView!.loseContext(new ViewerError('rendering-unavailable', 'gone'));
    await until(() => host.controller.status === 'error', 'error');
    expect(host.controller.error?.type).to.equal('rendering-unavailable');
  });

  it('goTo clamps, quick repeated calls end on the last one asked for, and a failing image change is an error', async () => {
    const host = mount({ source: files(10) });
    await until(() => host.controller.status === 'loaded', 'loaded');
    const view = fake.engine.lastView!;
    fake.engine.setIndexWill = 'hang';
    void host.controller.goTo(2);
    void host.controller.goTo(5);
    void host.controller.goTo(99);
    view.settleSetIndex('ok');
    fake.engine.setIndexWill = 'ok';
    await until(() => host.controller.index === 9, 'on the last image');
    expect(view.calls.filter((call) => call.startsWith('setIndex'))).to.deep.equal(['setIndex 2', 'setIndex 9']);
    expect(host.reported.filter((r) => r.startsWith('image'))).to.deep.equal(['image 2 10', 'image 9 10']);

    fake.engine.setIndexWill = new ViewerError('corrupt-file', 'bad frame');
    await host.controller.goTo(0);
    expect(host.controller.status).to.equal('error');
    expect(host.controller.error?.type).to.equal('corrupt-file');
  });

  it('tells overlays of a new drawing at most once a frame', async () => {
    const host = mount({ source: files() });
    await until(() => host.controller.status === 'loaded', 'loaded');
    const view = fake.engine.lastView!;
    view.render();
    view.render();
    view.render();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(host.reported.filter((r) => r === 'view')).to.have.length(1);
  });

  // --- issue 17 carer ---
  it('[HAZ-031] clear() mid-load: the load stops, the view is destroyed and the images released, nothing is reported, and it stays idle', async () => {
    const host = mount({ source: files(3) });
    fake.engine.showWill = 'hang';
    await until(() => fake.engine.lastView?.showing === true, 'show() called');
    const view = fake.engine.lastView!;
    // As the element does: its source reads as none once signed out.
    host.source = undefined;
    host.controller.clear();
    expect(host.controller.status).to.equal('idle');
    expect(host.controller.facts).to.equal(undefined);
    expect(host.controller.count).to.equal(0);
    expect(host.controller.images).to.deep.equal([]);
    expect(view.destroyed).to.equal(true);
    expect(fake.engine.lastRegistration!.released).to.equal(true);
    view.settleShow('ok');
    await settle();
    expect(host.reported).to.deep.equal([]);
    expect(host.controller.status).to.equal('idle');
  });
});

