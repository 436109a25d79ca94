import { expect } from '@open-wc/testing';
import { blankLabel, type DraftState } from '../../src/annotations/draft.js';
import { awayProblem, isAway, needsPlacedOn, withPlacedOn } from '../../src/components/lay-annotation-editor/images-shown.js';

/** A viewer showing images keyed `keys` (by number), loaded or not. */
const viewer = (keys: string[], status = 'loaded') => ({ status, imageKey: (index: number) => keys[index] });
const byNumber = blankLabel('a', { index: 1 }, { column: 1, row: 1 });
const byUid = blankLabel('b', { sopInstanceUid: '1.2.3', frame: 1 }, { column: 1, row: 1 });
const state: DraftState = { summary: '', labels: [byNumber, byUid] };

describe('labels placed by image number and the images shown (unit)', () => {
  it('[HAZ-007] a label placed by number learns its image, is away on other images, and back on its own', () => {
    const ct = viewer(['ct-0', 'ct-1', 'ct-2']);
    expect(needsPlacedOn(state, ct)).to.equal(true);
    const stamped = withPlacedOn(state, ct);
    expect(stamped.labels.map((l) => l.placedOn)).to.deep.equal(['ct-1', undefined]);
    expect(withPlacedOn(stamped, ct), 'nothing more to learn: the same state').to.equal(stamped);
    expect(needsPlacedOn(stamped, ct)).to.equal(false);
    const [number, uid] = stamped.labels as [typeof byNumber, typeof byUid];
    expect(isAway(number, ct)).to.equal(false);
    // Other images (an X-ray of one image: number 2 is not there; a series of the same length: another picture).
    expect(isAway(number, viewer(['xr-0']))).to.equal(true);
    expect(isAway(number, viewer(['mr-0', 'mr-1', 'mr-2']))).to.equal(true);
    // Not known: while loading, a viewer without keys, a label by instance, a label not yet stamped.
    expect(isAway(number, viewer(['xr-0'], 'loading'))).to.equal(false);
    expect(isAway(number, { status: 'loaded' })).to.equal(false);
    expect(isAway(uid, viewer(['xr-0']))).to.equal(false);
    expect(isAway(byNumber, viewer(['xr-0']))).to.equal(false);
    // Nothing to learn while no images are shown.
    expect(withPlacedOn(state, viewer([], 'loading'))).to.equal(state);
    expect(awayProblem(number, 3)).to.deep.equal({
      path: 'labels[2].target.image',
      message: 'Label 3 was placed on image 2 of other images than those shown now: it is kept, and left out until they are shown again.',
      labelId: 'a',
    });
  });
});
