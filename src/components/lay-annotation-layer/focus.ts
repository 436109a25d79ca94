/** Where focus and scrolling go in the layer (WCAG 2.4.3): small DOM steps its handlers share. */

const smooth = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Scroll the picture into view when most of it is off screen (smoothly, unless the patient asked for
 * reduced motion). True when it scrolled.
 */
export function bringIntoView(picture: HTMLElement | null | undefined): boolean {
  if (!picture) return false;
  const rect = picture.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  const visible = Math.max(0, Math.min(rect.bottom, height) - Math.max(rect.top, 0));
  if (visible >= Math.min(rect.height, height) * 0.6) return false;
  picture.scrollIntoView({ block: rect.height > height ? 'start' : 'nearest', behavior: smooth() });
  return true;
}

/** A label's item in the list below the picture. */
export function listItem(root: ParentNode, id: string, selector = 'ol > li'): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>(selector)].find((li) => li.dataset.id === id);
}

/** The label's own button in the list, scrolled to (smoothly, unless reduced motion). */
export function scrollToLabel(root: ParentNode, id: string): HTMLElement | null | undefined {
  const item = listItem(root, id);
  item?.scrollIntoView({ block: 'start', behavior: smooth() });
  return item?.querySelector<HTMLElement>('button.choose');
}

/** Focus the label's own button in the list. */
export function focusLabel(root: ParentNode, id: string, preventScroll = false): void {
  listItem(root, id, 'ol > li.item')?.querySelector<HTMLElement>('button.choose')?.focus({ preventScroll });
}

/**
 * Focus the label's marker once it is on the picture (the layer hears of a new image a frame or two
 * after the viewer shows it). False when no marker came (its point is outside the picture).
 */
export async function focusMarkerWhenShown(host: HTMLElement & { renderRoot: ParentNode; updateComplete: Promise<unknown> }, id: string): Promise<boolean> {
  for (let frame = 0; frame < 10 && host.isConnected; frame++) {
    const marker = host.renderRoot.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(id)}"]`);
    if (marker) {
      marker.focus({ preventScroll: true });
      return true;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await host.updateComplete;
  }
  return false;
}
