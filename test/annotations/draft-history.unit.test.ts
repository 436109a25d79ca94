import { expect } from '@open-wc/testing';
import { EMPTY_DRAFT, blankLabel, type DraftLabel, type DraftState } from '../../src/annotations/draft.js';
import { DraftHistory, HISTORY_LIMIT } from '../../src/annotations/draft-history.js';

const label = (id: string, column = 10, row = 20): DraftLabel => blankLabel(id, { index: 0 }, { column, row });
const withSummary = (state: DraftState, summary: string): DraftState => ({ ...state, summary });
const withLabel = (state: DraftState, l: DraftLabel): DraftState => ({ ...state, labels: [...state.labels, l] });

describe('DraftHistory (unit)', () => {
  it('starts empty with nothing to undo or redo', () => {
    const history = new DraftHistory();
    expect(history.current).to.equal(EMPTY_DRAFT);
    expect(history.shown).to.equal(EMPTY_DRAFT);
    expect(history.canUndo).to.equal(false);
    expect(history.canRedo).to.equal(false);
    expect(history.undo()).to.equal(false);
    expect(history.redo()).to.equal(false);
  });

  it('undoes and redoes whole states, step by step; a new change after an undo drops what could be redone', () => {
    const history = new DraftHistory();
    const a = withLabel(EMPTY_DRAFT, label('label-1'));
    const b = withLabel(a, label('label-2'));
    history.push(a);
    history.push(b);
    expect(history.current).to.equal(b);
    expect(history.undo()).to.equal(true);
    expect(history.current).to.equal(a);
    expect(history.undo()).to.equal(true);
    expect(history.current).to.equal(EMPTY_DRAFT);
    expect(history.canUndo).to.equal(false);
    expect(history.redo()).to.equal(true);
    expect(history.current).to.equal(a);
    const c = withSummary(a, 'Your chest X-ray looks healthy.');
    history.push(c);
    expect(history.canRedo, 'a new change drops the steps undone').to.equal(false);
    history.undo();
    expect(history.current).to.equal(a);
  });

  it('joins changes in the same group (typing in one field) into one step, until another change, an undo or seal()', () => {
    const history = new DraftHistory();
    history.push(withSummary(EMPTY_DRAFT, 'Y'), 'summary');
    history.push(withSummary(EMPTY_DRAFT, 'Yo'), 'summary');
    history.push(withSummary(EMPTY_DRAFT, 'You'), 'summary');
    history.undo();
    expect(history.current.summary, 'one undo takes back the whole typing').to.equal('');
    history.redo();
    expect(history.current.summary).to.equal('You');
    // After a redo (or undo), the same group starts a new step.
    history.push(withSummary(EMPTY_DRAFT, 'Your'), 'summary');
    history.undo();
    expect(history.current.summary).to.equal('You');
    history.push(withSummary(EMPTY_DRAFT, 'A'), 'summary');
    history.seal();
    history.push(withSummary(EMPTY_DRAFT, 'AB'), 'summary');
    history.undo();
    expect(history.current.summary, 'seal() ends the group').to.equal('A');
  });

  it('a push of the state already current is no step', () => {
    const history = new DraftHistory();
    history.push(EMPTY_DRAFT);
    expect(history.canUndo).to.equal(false);
  });

  it(`keeps at most ${HISTORY_LIMIT} steps back`, () => {
    const history = new DraftHistory();
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) history.push(withSummary(EMPTY_DRAFT, String(i)));
    let steps = 0;
    while (history.undo()) steps++;
    expect(steps).to.equal(HISTORY_LIMIT);
    expect(history.current.summary).to.equal('5');
  });

  it('a drag shows a live state that is not a step until dropped: one step for the whole drag', () => {
    const start = withLabel(EMPTY_DRAFT, label('label-1', 10, 20));
    const history = new DraftHistory(start);
    expect(history.dragging).to.equal(false);
    for (const column of [11, 12, 13]) history.show({ ...start, labels: [label('label-1', column, 20)] });
    expect(history.dragging).to.equal(true);
    expect(history.shown.labels[0]!.point.column, 'shown where the drag is').to.equal(13);
    expect(history.current, 'the history has not moved').to.equal(start);
    expect(history.canUndo).to.equal(false);
    expect(history.drop()).to.equal(true);
    expect(history.dragging).to.equal(false);
    expect(history.current.labels[0]!.point.column).to.equal(13);
    expect(history.undo()).to.equal(true);
    expect(history.current, 'one undo puts it back where it started').to.equal(start);
    expect(history.drop(), 'nothing to drop').to.equal(false);
  });

  it('a cancelled drag shows the state as it was; any change, undo, redo or reset ends a drag', () => {
    const start = withLabel(EMPTY_DRAFT, label('label-1'));
    const history = new DraftHistory(start);
    const dragged = { ...start, labels: [label('label-1', 99, 99)] };
    history.show(dragged);
    history.cancel();
    expect(history.shown).to.equal(start);
    expect(history.canUndo).to.equal(false);

    history.show(dragged);
    const other = withSummary(start, 'New words');
    history.push(other);
    expect(history.shown, 'a change ends the drag').to.equal(other);

    history.show(dragged);
    expect(history.undo()).to.equal(true);
    expect(history.shown, 'an undo ends the drag').to.equal(start);
    history.show(dragged);
    expect(history.redo()).to.equal(true);
    expect(history.shown, 'a redo ends the drag').to.equal(other);

    history.show(dragged);
    history.reset(EMPTY_DRAFT);
    expect(history.shown, 'a reset ends the drag').to.equal(EMPTY_DRAFT);
    expect(history.canUndo).to.equal(false);
    expect(history.canRedo).to.equal(false);
  });

  it('an undo with nothing to undo leaves a drag going on (as the editor did before the split)', () => {
    const history = new DraftHistory();
    const dragged = withLabel(EMPTY_DRAFT, label('label-1'));
    history.show(dragged);
    expect(history.undo()).to.equal(false);
    expect(history.shown).to.equal(dragged);
  });

  it('amend changes every state, past and to come, without a step of its own', () => {
    const history = new DraftHistory();
    history.push(withLabel(EMPTY_DRAFT, label('a')));
    history.push(withLabel(history.current, label('b')));
    history.undo();
    const tag = (state: DraftState): DraftState => ({ ...state, labels: state.labels.map((l) => ({ ...l, placedOn: 'key' })) });
    history.amend(tag);
    expect(history.canUndo).to.equal(true);
    expect(history.canRedo).to.equal(true);
    expect(history.current.labels.map((l) => l.placedOn)).to.deep.equal(['key']);
    history.redo();
    expect(history.current.labels.map((l) => l.placedOn)).to.deep.equal(['key', 'key']);
    history.undo();
    history.undo();
    expect(history.current.labels).to.deep.equal([]);
    expect(history.canUndo).to.equal(false);
  });
});
