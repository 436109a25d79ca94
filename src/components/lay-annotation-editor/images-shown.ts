/**
 * Labels placed by image number (`image.index`) and the images the viewer shows: a label remembers
 * the viewer's key for the image it was placed on (`placedOn`), so when the viewer's source changes
 * (other images, where that number means another picture) the editor keeps it but gives it no marker
 * and leaves it out of the document, until its images are shown again (HAZ-007).
 */
import type { AnnotationProblem } from '../../annotations/index.js';
import type { DraftLabel, DraftState } from '../../annotations/draft.js';

/** What this needs of the viewer: whether it shows images, and their keys. */
export interface KeyedViewer {
  readonly status: string;
  imageKey?(index: number): string | undefined;
}

/** Is `label` placed by number on other images than `viewer` shows now? Only when both say which image (`placedOn`, `imageKey`). */
export function isAway(label: DraftLabel, viewer: KeyedViewer | undefined): boolean {
  if (!('index' in label.image) || label.placedOn === undefined || !viewer?.imageKey || viewer.status !== 'loaded') return false;
  return viewer.imageKey(label.image.index) !== label.placedOn;
}

/** The key of the image a label placed by number is on now, for a label that has none yet. */
function keyFor(label: DraftLabel, viewer: KeyedViewer | undefined): string | undefined {
  if (!('index' in label.image) || label.placedOn !== undefined || !viewer?.imageKey || viewer.status !== 'loaded') return undefined;
  return viewer.imageKey(label.image.index);
}

/** Does any label of `state` still need its image key (and can the viewer give it)? */
export function needsPlacedOn(state: DraftState, viewer: KeyedViewer | undefined): boolean {
  return state.labels.some((label) => keyFor(label, viewer) !== undefined);
}

/** `state` with each label placed by number that has no image key given the key of its image now (the same object when none changes). */
export function withPlacedOn(state: DraftState, viewer: KeyedViewer | undefined): DraftState {
  let changed = false;
  const labels = state.labels.map((label) => {
    const key = keyFor(label, viewer);
    if (key === undefined) return label;
    changed = true;
    return { ...label, placedOn: key };
  });
  return changed ? { ...state, labels } : state;
}

/** What `detail.problems` says of label `number` (1-based), placed on other images. */
export function awayProblem(label: DraftLabel, number: number): AnnotationProblem {
  const image = 'index' in label.image ? ` ${label.image.index + 1}` : '';
  return {
    path: `labels[${number - 1}].target.image`,
    message: `Label ${number} was placed on image${image} of other images than those shown now: it is kept, and left out until they are shown again.`,
    labelId: label.id,
  };
}
