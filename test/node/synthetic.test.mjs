/**
 * The synthetic CT the demo and the stories show: nothing in it that a patient would ask about. (The
 * tests' copy has a bright mark above the head that moves slice by slice, for checking slice order;
 * the patient's copy must not.)
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import dcmjs from 'dcmjs';
import { makeCtSeries } from '../../scripts/synthetic.mjs';

/** The brightest value (stored, Hounsfield + 1024) in the rows above the head, for each slice. */
function brightestAboveHead(files, rows = 14) {
  return files.map(({ buffer }) => {
    const dataset = dcmjs.data.DicomMessage.readFile(buffer);
    const size = dataset.dict['00280011'].Value[0];
    const pixels = new Int16Array(dataset.dict['7FE00010'].Value[0]);
    let max = -Infinity;
    for (let i = 0; i < size * rows; i++) max = Math.max(max, pixels[i]);
    return max;
  });
}

it("the demo's CT has no moving white test square: only air above the head on every slice", () => {
  const air = -1000 + 1024;
  assert.deepEqual(brightestAboveHead(makeCtSeries({ slices: 6, size: 256 })), Array(6).fill(air));
  // The same check finds the tests' order mark, so it can fail.
  assert.ok(brightestAboveHead(makeCtSeries({ slices: 2, size: 256, orderMark: true })).every((value) => value > 2000));
});
