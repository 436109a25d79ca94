import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnnotationLabel } from '../annotations/index.js';
import { PvLabelSelectEvent } from '../events/pv-label-select-event.js';

/** A label the patient sees: its number in the list, and the image (0-based) it is on, when known. */
export interface SelectableLabel {
  label: AnnotationLabel;
  number: number;
  imageIndex: number | undefined;
}

/** What the controller needs of the viewer: which image is on screen, and a way to show another. */
export interface SelectionViewer extends HTMLElement {
  readonly index: number;
  goTo(index: number): Promise<void>;
}

export interface SelectionInputs {
  viewer: SelectionViewer | undefined;
}

export interface SelectionCallbacks {
  /** "Rib 3 of 5 selected, on image 2", and "Picture shown" when the picture was scrolled into view. */
  selected(item: SelectableLabel, pictureShown: boolean): string;
  announce(text: string): void;
  /** Place the marker card now (it just opened), before focus goes into it. */
  placeCard(): Promise<void>;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

const smooth = (): ScrollBehavior => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Which label the patient chose, and where focus and scrolling go when they choose one (WCAG 2.4.3):
 * choosing shows the label's image, announces it and dispatches `pv-label-select`; from the list,
 * a picture mostly off screen is scrolled into view. On a narrow picture a marker opens its card
 * (its words beside it: "Show in the list", Close). "Show image N" moves focus to the label's marker
 * once its image shows, or to its item in the list.
 *
 * The host renders from {@link selected} and {@link card}; markers are `.marker[data-id]`, list
 * items `ol > li.item[data-id]` with a `button.choose`, the card `.marker-card`.
 */
export class LabelSelectionController implements ReactiveController {
  readonly #host: Host;
  readonly #inputs: () => SelectionInputs;
  readonly #callbacks: SelectionCallbacks;
  #selected: string | undefined;
  #card: string | undefined;

  constructor(host: Host, inputs: () => SelectionInputs, callbacks: SelectionCallbacks) {
    this.#host = host;
    this.#inputs = inputs;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** The label chosen, if any. */
  get selected(): string | undefined {
    return this.#selected;
  }

  /** On a narrow picture: the label whose words show beside its marker. */
  get card(): string | undefined {
    return this.#card;
  }

  /** Nothing to set up: state only. */
  hostConnected(): void {}

  /** A marker has focus: it is the chosen one (no announcement, no event). */
  focus(id: string): void {
    this.#set(id, this.#card);
  }

  /** The patient chose a label (`fromList`: in the list). True when the picture was scrolled into view. */
  choose(item: SelectableLabel, fromList = false): boolean {
    this.#set(item.label.id, this.#card);
    const viewer = this.#inputs().viewer;
    if (item.imageIndex !== undefined && item.imageIndex !== viewer?.index) void viewer?.goTo(item.imageIndex);
    // Chosen in the list while the picture is out of sight: bring the picture into view, and say so.
    const shown = fromList && bringIntoView(this.#host.renderRoot.querySelector<HTMLElement>('.overlay') ?? viewer);
    this.#callbacks.announce(this.#callbacks.selected(item, shown));
    this.#host.dispatchEvent(new PvLabelSelectEvent({ id: item.label.id, imageIndex: item.imageIndex }));
    return shown;
  }

  /** A marker chosen: on a narrow picture its words open beside it (there is no room for tags), or close. */
  async chooseMarker(item: SelectableLabel, compact: boolean): Promise<void> {
    this.choose(item);
    if (!compact) return;
    this.#set(this.#selected, this.#card === item.label.id ? undefined : item.label.id);
    if (!this.#card) return;
    await this.#host.updateComplete;
    await this.#callbacks.placeCard();
    this.#host.renderRoot.querySelector<HTMLElement>('.marker-card')?.focus();
  }

  /** Close the marker's words; focus goes back to its marker (or to `to`). */
  closeCard(to?: HTMLElement | null): void {
    const id = this.#card;
    this.#set(this.#selected, undefined);
    const marker = id ? this.#host.renderRoot.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(id)}"]`) : null;
    (to ?? marker)?.focus();
  }

  /** "Show in the list": the same label in the list below, scrolled to and focused. */
  showInList(id: string): void {
    const item = this.#listItem(id, 'ol > li');
    item?.scrollIntoView({ block: 'start', behavior: smooth() });
    const button = item?.querySelector<HTMLElement>('button.choose');
    this.closeCard(button);
    button?.focus({ preventScroll: true });
  }

  /**
   * "Show image N": the button goes once its image is showing, so focus moves on rather than
   * falling to the page. When the picture was brought into view, focus goes to the label's marker
   * on it, where the patient sees the result, rather than to the list, which would scroll the
   * picture away; else (or with no marker: its point is outside the picture) to its item in the list.
   */
  async showImage(item: SelectableLabel): Promise<void> {
    const viewer = this.#inputs().viewer;
    const shown = this.choose(item, true);
    if (viewer && item.imageIndex !== undefined) await viewer.goTo(item.imageIndex);
    await this.#host.updateComplete;
    if (shown && (await this.#focusMarkerWhenShown(item.label.id))) return;
    this.#listItem(item.label.id, 'ol > li.item')?.querySelector<HTMLElement>('button.choose')?.focus({ preventScroll: shown });
  }

  /** Issue 17 (sign-out): no label chosen, no card open. */
  clear(): void {
    this.#set(undefined, undefined);
  }

  #set(selected: string | undefined, card: string | undefined): void {
    if (selected === this.#selected && card === this.#card) return;
    this.#selected = selected;
    this.#card = card;
    this.#host.requestUpdate();
  }

  #listItem(id: string, selector: string): HTMLElement | undefined {
    return [...this.#host.renderRoot.querySelectorAll<HTMLElement>(selector)].find((li) => li.dataset.id === id);
  }

  /** The layer hears of a new image a frame or two after the viewer shows it: wait for the marker. */
  async #focusMarkerWhenShown(id: string): Promise<boolean> {
    for (let frame = 0; frame < 10 && this.#host.isConnected; frame++) {
      const marker = this.#host.renderRoot.querySelector<HTMLElement>(`.marker[data-id="${CSS.escape(id)}"]`);
      if (marker) {
        marker.focus({ preventScroll: true });
        return true;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await this.#host.updateComplete;
    }
    return false;
  }
}

/**
 * Scroll the picture into view when most of it is off screen (smoothly, unless the patient asked for
 * reduced motion). True when it scrolled.
 */
function bringIntoView(picture: HTMLElement | null | undefined): boolean {
  if (!picture) return false;
  const rect = picture.getBoundingClientRect();
  const height = window.innerHeight || document.documentElement.clientHeight;
  const visible = Math.max(0, Math.min(rect.bottom, height) - Math.max(rect.top, 0));
  if (visible >= Math.min(rect.height, height) * 0.6) return false;
  picture.scrollIntoView({ block: rect.height > height ? 'start' : 'nearest', behavior: smooth() });
  return true;
}
