import { expect } from '@open-wc/testing';
import { MARKER_SIZE, isSmallOutline, placeMarkers, type Box } from '../../src/controllers/marker-placement.js';

const frame = { width: 400, height: 300 };
const boxOf = (p: { x: number; y: number }): Box => ({ x: p.x - MARKER_SIZE / 2, y: p.y - MARKER_SIZE / 2, width: MARKER_SIZE, height: MARKER_SIZE });
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pure geometry: where markers go (no picture, no engine). */
describe('placeMarkers', () => {
  it('[HAZ-007] a marker with room stays on its point', () => {
    const [place] = placeMarkers([{ point: { x: 200, y: 150 } }], frame);
    expect(place).to.deep.include({ x: 200, y: 150, moved: false });
  });

  it('[HAZ-007] a small outline gets its marker beside it, with the pointer line ending on its edge', () => {
    const outline = { x: 140, y: 140, width: 24, height: 24 };
    expect(isSmallOutline(outline)).to.equal(true);
    const [place] = placeMarkers([{ point: { x: 152, y: 152 }, outline }], frame);
    expect(place!.moved).to.equal(true);
    expect(overlaps(boxOf(place!), outline), 'the marker is off the outline').to.equal(false);
    // The line ends on the outline's ellipse, on the side facing the marker.
    const { x, y } = place!.target;
    const r = Math.hypot((x - 152) / 12, (y - 152) / 12);
    expect(r).to.be.closeTo(1, 0.01);
    expect(Math.hypot(place!.x - 152, place!.y - 152)).to.be.lessThan(60);
  });

  it('a large outline keeps its marker on its point', () => {
    const [place] = placeMarkers([{ point: { x: 200, y: 150 }, outline: { x: 100, y: 60, width: 200, height: 180 } }], frame);
    expect(place!.moved).to.equal(false);
  });

  it('[HAZ-007] never on an orientation word: moved off it, with a pointer line back to the point', () => {
    const word: Box = { x: 4, y: 140, width: 80, height: 22 };
    const [place] = placeMarkers([{ point: { x: 40, y: 150 } }], frame, [word]);
    expect(place!.moved).to.equal(true);
    expect(overlaps(boxOf(place!), word)).to.equal(false);
    expect(place!.target).to.deep.equal({ x: 40, y: 150 });
  });

  it('markers do not sit on each other, nor on another label\'s small outline', () => {
    const small = { x: 190, y: 140, width: 20, height: 20 };
    const places = placeMarkers(
      [{ point: { x: 200, y: 150 }, outline: small }, { point: { x: 205, y: 152 } }, { point: { x: 206, y: 153 } }],
      frame,
    );
    const boxes = places.map((p) => boxOf(p!));
    for (let i = 0; i < boxes.length; i++) {
      expect(overlaps(boxes[i]!, small), `marker ${i + 1} on the small outline`).to.equal(false);
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `markers ${i + 1} and ${j + 1}`).to.equal(false);
    }
  });

  it('a point outside the picture box has no marker; markers stay inside the box', () => {
    const places = placeMarkers([undefined, { point: { x: 2, y: 2 } }], frame);
    expect(places[0]).to.equal(undefined);
    const box = boxOf(places[1]!);
    expect(box.x).to.be.at.least(0);
    expect(box.y).to.be.at.least(0);
  });
});
