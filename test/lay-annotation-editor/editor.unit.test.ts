import { expect } from '@open-wc/testing';
import '../../src/components/lay-annotation-editor/define.js';
import type { LayAnnotationEditor } from '../../src/components/lay-annotation-editor/lay-annotation-editor.js';

/**
 * The editor in a fake viewer: a `<patient-image-viewer>` tag that is not defined here, given the
 * reading surface the editor uses (loaded, no images to place on). Enough for what happens before
 * any image point is needed.
 */
function mount(): { viewer: HTMLElement; editor: LayAnnotationEditor } {
  const viewer = Object.assign(document.createElement('patient-image-viewer'), {
    status: 'loaded',
    index: 0,
    timeout: 30000,
    imageIndexFor: () => undefined,
    imageGeometry: () => undefined,
    imageToFrame: () => undefined,
    frameBox: () => undefined,
    goTo: async () => undefined,
  });
  const editor = document.createElement('lay-annotation-editor');
  viewer.append(editor);
  document.body.append(viewer);
  return { viewer, editor };
}

describe('<lay-annotation-editor> (unit, fake viewer)', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
    document.querySelectorAll('patient-image-viewer').forEach((el) => el.remove());
  });

  it('drafts being opened when the editor leaves the page: the download is stopped, and back on the page the button works again', async () => {
    const { viewer, editor } = mount();
    await editor.updateComplete;
    const signals: AbortSignal[] = [];
    // A PACS that never answers until the request is aborted.
    window.fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      const signal = init!.signal!;
      signals.push(signal);
      return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    };
    const pending = editor.openDrafts('https://pacs.example/sr.dcm');
    await editor.updateComplete;
    const root = editor.shadowRoot!;
    expect(root.querySelector<HTMLButtonElement>('.pacs-open')!.disabled, 'busy while opening').to.equal(true);
    expect(root.querySelector('.pacs-message')!.textContent).to.contain('Opening drafts');

    viewer.remove();
    expect(signals).to.have.length(1);
    expect(signals[0]!.aborted, 'the download is stopped').to.equal(true);
    expect(await pending).to.equal(0);

    document.body.append(viewer);
    await editor.updateComplete;
    expect(root.querySelector<HTMLButtonElement>('.pacs-open')!.disabled, 'not stuck busy').to.equal(false);
    expect(root.querySelector('.pacs-message'), 'no stale "Opening drafts..."').to.equal(null);

    // It opens again: this time the answer is not DICOM, and it says so.
    window.fetch = async () => new Response('not a DICOM file at all');
    expect(await editor.openDrafts('https://pacs.example/sr.dcm')).to.equal(0);
    await editor.updateComplete;
    expect(root.querySelector('.pacs-message')!.textContent).to.contain('not a DICOM object');
    expect(root.querySelector<HTMLButtonElement>('.pacs-open')!.disabled).to.equal(false);
  });
});
