import { expect } from '@open-wc/testing';
import { OBLIQUE_DEGREES, edgesFromImageOrientation, edgesFromPatientOrientation } from '../../src/lay/orientation.js';

const rad = (degrees: number) => (degrees * Math.PI) / 180;

describe('lay orientation: edge words', () => {
  describe('from Image Orientation (Patient)', () => {
    it('[HAZ-002] axial CT: right edge is your left, top is your front', () => {
      expect(edgesFromImageOrientation([1, 0, 0, 0, 1, 0])).to.deep.equal({
        right: 'yourLeft',
        left: 'yourRight',
        top: 'front',
        bottom: 'back',
        oblique: false,
      });
    });

    it('coronal: top is head, bottom is feet', () => {
      expect(edgesFromImageOrientation([1, 0, 0, 0, 0, -1])).to.deep.equal({
        right: 'yourLeft',
        left: 'yourRight',
        top: 'head',
        bottom: 'feet',
        oblique: false,
      });
    });

    it('sagittal: right edge is your back, left edge your front, top your head', () => {
      expect(edgesFromImageOrientation([0, 1, 0, 0, 0, -1])).to.deep.equal({
        right: 'back',
        left: 'front',
        top: 'head',
        bottom: 'feet',
        oblique: false,
      });
    });

    it('[HAZ-002] a flipped image swaps the words', () => {
      // Mirrored left to right.
      expect(edgesFromImageOrientation([-1, 0, 0, 0, 1, 0])).to.deep.include({ right: 'yourRight', left: 'yourLeft', top: 'front', bottom: 'back' });
      // Upside down.
      expect(edgesFromImageOrientation([1, 0, 0, 0, -1, 0])).to.deep.include({ top: 'back', bottom: 'front' });
      // Feet-first coronal shown head down.
      expect(edgesFromImageOrientation([1, 0, 0, 0, 0, 1])).to.deep.include({ top: 'feet', bottom: 'head' });
    });

    it('an image turned 30 degrees is oblique, with the main direction still given', () => {
      const a = rad(30);
      const edges = edgesFromImageOrientation([Math.cos(a), Math.sin(a), 0, -Math.sin(a), Math.cos(a), 0]);
      expect(edges).to.deep.equal({ right: 'yourLeft', left: 'yourRight', top: 'front', bottom: 'back', oblique: true });
    });

    it('a small tilt (like a head CT gantry tilt) is not oblique', () => {
      const a = rad(OBLIQUE_DEGREES - 5);
      const edges = edgesFromImageOrientation([1, 0, 0, 0, Math.cos(a), -Math.sin(a)]);
      expect(edges).to.deep.equal({ right: 'yourLeft', left: 'yourRight', top: 'front', bottom: 'back', oblique: false });
      const b = rad(OBLIQUE_DEGREES + 5);
      expect(edgesFromImageOrientation([1, 0, 0, 0, Math.cos(b), -Math.sin(b)])!.oblique).to.equal(true);
    });

    it('does not need unit vectors', () => {
      expect(edgesFromImageOrientation([2, 0, 0, 0, 0, -0.5])).to.deep.equal(edgesFromImageOrientation([1, 0, 0, 0, 0, -1]));
    });

    it('is undefined when missing or malformed', () => {
      const bad: unknown[] = [
        undefined,
        null,
        [],
        [1, 0, 0, 0, 1],
        [1, 0, 0, 0, 1, 0, 0],
        [1, 0, 0, 0, 1, Number.NaN],
        [1, 0, 0, 0, Infinity, 0],
        ['1', '0', '0', '0', '1', '0'],
        '1\\0\\0\\0\\1\\0',
        [0, 0, 0, 0, 1, 0],
        [1, 0, 0, 0, 0, 0],
        [1, 0, 0, 1, 0, 0],
        [1, 0, 0, -1, 0.1, 0],
      ];
      for (const value of bad) {
        expect(edgesFromImageOrientation(value as number[]), JSON.stringify(value)).to.equal(undefined);
      }
    });
  });

  describe('from Patient Orientation', () => {
    it('[HAZ-002] a PA chest X-ray (L\\F): right edge is your left, top is your head', () => {
      const expected = { right: 'yourLeft', left: 'yourRight', top: 'head', bottom: 'feet', oblique: false };
      expect(edgesFromPatientOrientation('L\\F')).to.deep.equal(expected);
      expect(edgesFromPatientOrientation(['L', 'F'])).to.deep.equal(expected);
      expect(edgesFromPatientOrientation(['L\\F'])).to.deep.equal(expected);
    });

    it('[HAZ-002] an AP image taken from the front, flipped (R\\F)', () => {
      expect(edgesFromPatientOrientation('R\\F')).to.deep.equal({ right: 'yourRight', left: 'yourLeft', top: 'head', bottom: 'feet', oblique: false });
    });

    it('a side view (P\\F) and an axial view (L\\P)', () => {
      expect(edgesFromPatientOrientation('P\\F')).to.deep.equal({ right: 'back', left: 'front', top: 'head', bottom: 'feet', oblique: false });
      expect(edgesFromPatientOrientation(['L', 'P'])).to.deep.equal({ right: 'yourLeft', left: 'yourRight', top: 'front', bottom: 'back', oblique: false });
    });

    it('combined letters are oblique, and the main (first) letter decides', () => {
      expect(edgesFromPatientOrientation('LH\\FL')).to.deep.equal({ right: 'yourLeft', left: 'yourRight', top: 'head', bottom: 'feet', oblique: true });
      expect(edgesFromPatientOrientation(['HL', 'A'])).to.deep.equal({ right: 'head', left: 'feet', top: 'back', bottom: 'front', oblique: true });
      expect(edgesFromPatientOrientation(['PRF', 'H'])).to.deep.include({ right: 'back', oblique: true });
    });

    it('tolerates spaces and lower case', () => {
      expect(edgesFromPatientOrientation(' l \\ f ')).to.deep.equal(edgesFromPatientOrientation('L\\F'));
    });

    it('gives only the edges it knows when one value is empty', () => {
      expect(edgesFromPatientOrientation('\\F')).to.deep.equal({ top: 'head', bottom: 'feet', oblique: false });
      expect(edgesFromPatientOrientation(['L', ''])).to.deep.equal({ right: 'yourLeft', left: 'yourRight', oblique: false });
    });

    it('is undefined when missing or malformed', () => {
      const bad: unknown[] = [
        undefined,
        null,
        '',
        '\\',
        'L',
        ['L'],
        'L\\F\\A',
        ['L', 'F', 'A'],
        'X\\F',
        'L\\F1',
        'LR\\F',
        'LL\\F',
        'L\\R',
        'LH\\LF',
        'LHAP\\F',
        [1, 2],
        ['L', null],
        42,
        {},
      ];
      for (const value of bad) {
        expect(edgesFromPatientOrientation(value as string), JSON.stringify(value)).to.equal(undefined);
      }
    });
  });
});
