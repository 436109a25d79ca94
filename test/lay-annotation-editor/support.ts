import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import type { LayAnnotationEditor, PatientImageViewer } from '../../src/index.js';
import { box, loaded, nextFrame, until } from '../support/helpers.js';

/** A viewer showing the synthetic chest X-ray (or `urls`) with an editor inside, loaded and placed. */
export async function mountEditor(size: [number, number] = [640, 480], setup?: (editor: LayAnnotationEditor) => void, urls?: string[]): Promise<{ viewer: PatientImageViewer; editor: LayAnnotationEditor }> {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  if (urls) viewer.urls = urls;
  else viewer.src = '/__synthetic/chest-xray.dcm';
  const editor = document.createElement('lay-annotation-editor');
  setup?.(editor);
  viewer.append(editor);
  window.scrollTo(0, 0);
  box(...size).append(viewer);
  await loaded(viewer);
  await until(() => editor.shadowRoot?.querySelector('.overlay') != null, 5000, 'the editor overlay');
  for (let i = 0; i < 3; i++) await nextFrame();
  return { viewer, editor };
}

/** The viewport point of an image point. */
export function screenPoint(viewer: PatientImageViewer, column: number, row: number): [number, number] {
  const frame = viewer.frameBox()!;
  const at = viewer.imageToFrame(column, row)!;
  const outer = viewer.getBoundingClientRect();
  return [outer.left + frame.x + at.x, outer.top + frame.y + at.y];
}

/** A marker's centre, in the viewport. */
export function markerAt(root: ShadowRoot, id: string, selector = '.marker'): [number, number] {
  const rect = root.querySelector<HTMLElement>(`${selector}[data-id="${id}"]`)!.getBoundingClientRect();
  return [rect.left + rect.width / 2, rect.top + rect.height / 2];
}

export async function click(x: number, y: number): Promise<void> {
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

export async function mouseDrag(from: [number, number], to: [number, number]): Promise<void> {
  await executeServerCommand('pv-drag', { from: from.map(Math.round), to: to.map(Math.round) });
}

/** A finger tap (CDP touch events: the page sees pointer events of type touch). */
export async function tap(x: number, y: number): Promise<void> {
  await executeServerCommand('pv-touch-swipe', { from: [x, y], to: [x, y], steps: 1 });
}

/** A few frames, with the page scrolled back to the top (typing scrolls the field into view). */
export async function settle(): Promise<void> {
  window.scrollTo(0, 0);
  for (let i = 0; i < 3; i++) await nextFrame();
}
