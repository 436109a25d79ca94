/**
 * Issue 14's awkward-but-valid DICOM files (made by test/support/dicom-cases.mjs when the test
 * server starts), each drawn by the viewer and compared with DCMTK's own rendering of it. The same
 * tests run on the WebGL path (dicom-cases.test.ts) and the CPU path (dicom-cases.cpu.test.ts).
 */
import { expect } from '@open-wc/testing';
import type { PatientImageViewer } from '../../src/index.js';
import {
  cleanup,
  correlation,
  imageGrid,
  loaded,
  mean,
  nextEvent,
  nextFrame,
  pictureGrid,
  serverInfo,
  skipBecause,
  spread,
  viewer,
} from '../support/helpers.js';
import { decodeImage } from '../support/pixels.js';

export interface DicomCase {
  name: string;
  what: string;
  reference?: string;
  error?: string;
  missing?: string;
  dot?: [number, number];
  [key: string]: unknown;
}

async function caseInfo(context: Mocha.Context, name: string): Promise<DicomCase> {
  const info = (await serverInfo()) as unknown as { dicomCases: { cases: DicomCase[] } };
  const found = info.dicomCases.cases.find((c) => c.name === name);
  if (!found) throw new Error(`the test server made no ${name}`);
  if (found.missing) skipBecause(context, found.missing);
  return found;
}

function shadowText(el: PatientImageViewer): string {
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

/** The drawn picture's colour (r, g, b) at a point given as fractions of the image box. */
export function colourAt(el: PatientImageViewer, u: number, v: number): [number, number, number] {
  const view = el._view!;
  const canvas = view.canvas;
  const box = view.imageBox()!;
  const scale = canvas.width / canvas.clientWidth;
  const x = Math.floor((box.x + u * box.width) * scale);
  const y = Math.floor((box.y + v * box.height) * scale);
  const d = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

/** A reference PNG's grey level at (column, row) of its pixels. */
async function pngPixels(url: string): Promise<(column: number, row: number) => number> {
  return (await decodeImage(url)).grey;
}

/** Grey level on the canvas at CSS pixel (x, y) of the canvas. */
function greyAtCanvas(el: PatientImageViewer, x: number, y: number): number {
  const canvas = el._view!.canvas;
  const scale = canvas.width / canvas.clientWidth;
  const d = canvas.getContext('2d')!.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data;
  return (d[0]! + d[1]! + d[2]!) / 3;
}

/** Load a case and compare it with its DCMTK reference; returns the viewer for more checks. */
async function drawnLikeReference(context: Mocha.Context, name: string, minimum = 0.95): Promise<PatientImageViewer> {
  const c = await caseInfo(context, name);
  const el = viewer({ src: `/__synthetic/${name}` });
  await loaded(el);
  const grid = pictureGrid(el);
  expect(spread(grid), `${c.what}: not blank`).to.be.greaterThan(40);
  const reference = await imageGrid(`/__synthetic/${c.reference}`);
  expect(correlation(grid, reference), `${c.what}: the same picture as DCMTK draws`).to.be.greaterThan(minimum);
  return el;
}

/** Mean absolute difference of two grids, in grey levels (0..255): a brightness or contrast check. */
function meanDifference(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;
}

async function refusedPlainly(context: Mocha.Context, name: string, words: string): Promise<void> {
  const c = await caseInfo(context, name);
  const el = viewer({ src: `/__synthetic/${name}` });
  const event = await nextEvent(el, 'pv-error');
  expect(event.detail.type, c.what).to.equal(c.error);
  await el.updateComplete;
  expect(shadowText(el).toLowerCase()).to.contain(words);
  expect(el._view, 'no picture left on screen').to.equal(undefined);
}

export function dicomCaseTests(path: 'WebGL' | 'CPU'): void {
  describe(`issue 14 DICOM cases (${path})`, () => {
    afterEach(cleanup);

    it(`[HAZ-025] an RT Image (portal X-ray, rescale slope 5.6E-06, no window) is shown, not inverted, like DCMTK draws it`, async function () {
      const el = await drawnLikeReference(this, 'rt-image.dcm');
      const { windowWidth, windowCentre } = el._view!.state();
      // The stored values 8000..58000 times 5.6E-06: a window of about 0.04..0.33, the right way up.
      expect(windowWidth, 'a window that is not inverted').to.be.greaterThan(0);
      expect(windowCentre).to.be.within(0.04, 0.33);
    });

    it('[HAZ-025] an RT Image with a window under 1 wide (its rescaled units) is drawn the right way up, as DCMTK draws it', async function () {
      const c = await caseInfo(this, 'rt-image-window.dcm');
      const el = await drawnLikeReference(this, c.name);
      const reference = await imageGrid(`/__synthetic/${c.reference}`);
      expect(meanDifference(pictureGrid(el), reference), 'grey levels as DCMTK draws them').to.be.lessThan(8);
      expect(el._view!.state().windowWidth, 'a window that is not inside out').to.be.greaterThan(0);
    });

    for (const name of ['jpeg-53.dcm', 'jpeg-55.dcm', 'jpeg-xl-110.dcm', 'jpeg-xl-111.dcm', 'jpeg-xl-112.dcm']) {
      it(`[HAZ-012] retired JPEG and JPEG XL are shown: ${name}`, async function () {
        await drawnLikeReference(this, name);
      });
    }

    it('[HAZ-026] native YBR_FULL_422 (2 bytes a pixel) is shown in its true colours', async function () {
      const el = await drawnLikeReference(this, 'ybr-full-422.dcm');
      const [r, g, b] = colourAt(el, 0.25, 0.25);
      expect(r, 'the red block is red').to.be.greaterThan(150);
      expect(Math.max(g, b), 'the red block is red').to.be.lessThan(90);
      const [r2, g2, b2] = colourAt(el, 0.25, 0.75);
      expect(b2, 'the blue block is blue').to.be.greaterThan(150);
      expect(Math.max(r2, g2), 'the blue block is blue').to.be.lessThan(90);
      const [r3, g3, b3] = colourAt(el, 0.75, 0.75);
      expect(Math.min(r3, g3), 'the yellow block is yellow').to.be.greaterThan(150);
      expect(b3, 'the yellow block is yellow').to.be.lessThan(90);
    });

    it('[HAZ-025] bits above High Bit are ignored: the picture is not crushed by them', async function () {
      await drawnLikeReference(this, 'high-bits.dcm');
    });

    it('[HAZ-027] Pixel Aspect Ratio 4:3 is honoured: the picture keeps its true shape and labels stay on their points', async function () {
      const c = await caseInfo(this, 'aspect-4-3.dcm');
      const el = await drawnLikeReference(this, 'aspect-4-3.dcm');
      const view = el._view!;
      const box = view.imageBox()!;
      const img = new Image();
      img.src = `/__synthetic/${c.reference}`;
      await img.decode();
      // DCMTK's rendering with the ratio honoured is 256 x 256 (256 x 192 pixels, each 4/3 tall).
      expect(box.width / box.height, 'shape as DCMTK draws it').to.be.closeTo(img.naturalWidth / img.naturalHeight, 0.03);
      // A label is placed through imageToCanvas: the bright dot must be under it.
      const [column, row] = c.dot!;
      const at = view.imageToCanvas(column, row)!;
      expect(greyAtCanvas(el, at.x, at.y), 'the dot is where a label on it would be').to.be.greaterThan(200);
      const besideAbove = view.imageToCanvas(column, row - 7)!;
      expect(greyAtCanvas(el, besideAbove.x, besideAbove.y), 'the dark ring above the dot').to.be.lessThan(60);
    });

    it('[HAZ-012] a deflated file with a trailer after the deflate stream is shown', async function () {
      await drawnLikeReference(this, 'deflate-trailer.dcm');
    });

    it('a deflated report with a trailer is still refused as not a picture', async function () {
      await refusedPlainly(this, 'deflate-trailer-sr.dcm', 'does not have an image');
    });

    for (const name of ['no-header.dcm', 'no-header-explicit.dcm', 'no-preamble.dcm']) {
      it(`[HAZ-012] a file with no Part 10 header is read and shown: ${name}`, async function () {
        await drawnLikeReference(this, name);
      });
    }

    it('a file with no Part 10 header that is cut short is refused as damaged', async function () {
      await refusedPlainly(this, 'no-header-cut.dcm', 'damaged or not complete');
    });

    for (const fn of ['sigmoid', 'linear-exact', 'linear']) {
      it(`[HAZ-025] VOI LUT Function ${fn.toUpperCase().replace('-', '_')} is applied as DCMTK applies it`, async function () {
        const c = await caseInfo(this, `voi-${fn}.dcm`);
        const el = await drawnLikeReference(this, c.name);
        const grid = pictureGrid(el);
        const reference = await imageGrid(`/__synthetic/${c.reference}`);
        // Brightness, not only structure: a saturated silhouette still correlates with the reference.
        expect(meanDifference(grid, reference), `${c.what}: grey levels as DCMTK draws them`).to.be.lessThan(8);
      });
    }

    it('[HAZ-025] a MONOCHROME1 picture with a VOI LUT Sequence stays the right way round', async function () {
      const c = await caseInfo(this, 'voi-lut-sequence-mono1.dcm');
      const el = await drawnLikeReference(this, c.name);
      const reference = await imageGrid(`/__synthetic/${c.reference}`);
      expect(meanDifference(pictureGrid(el), reference), `${c.what}: grey levels as DCMTK draws them`).to.be.lessThan(8);
    });

    it('[HAZ-025] a VOI LUT Sequence (a curve, not a window) is applied as DCMTK applies it', async function () {
      const c = await caseInfo(this, 'voi-lut-sequence.dcm');
      const el = await drawnLikeReference(this, c.name);
      const reference = await imageGrid(`/__synthetic/${c.reference}`);
      expect(meanDifference(pictureGrid(el), reference), `${c.what}: grey levels as DCMTK draws them`).to.be.lessThan(8);
      // The brightness control still works on the curve.
      const before = mean(pictureGrid(el));
      el.lighten(2);
      await nextFrame();
      expect(mean(pictureGrid(el)), 'lighter').to.be.greaterThan(before + 5);
    });

    it('[HAZ-025] enhanced CT: window and rescale come from the per-frame, then the shared functional groups', async function () {
      const c = await caseInfo(this, 'enhanced-ct.dcm');
      const el = viewer({ src: `/__synthetic/${c.name}` });
      await loaded(el);
      expect(el.imageCount).to.equal(2);
      const windows = c.windows as [number, number][];
      const references = c.references as string[];
      for (const frame of [0, 1]) {
        if (frame > 0) {
          await el.goTo(frame);
          await nextFrame();
        }
        const { windowCentre, windowWidth } = el._view!.state();
        // (DICOM's LINEAR window c/w spans c - 0.5 - (w - 1)/2 to c - 0.5 + (w - 1)/2.)
        expect(windowCentre, `frame ${frame + 1}: the window centre in its functional groups`).to.be.closeTo(windows[frame]![0], 1);
        expect(windowWidth, `frame ${frame + 1}: the window width in its functional groups`).to.be.closeTo(windows[frame]![1], 1);
        const grid = pictureGrid(el);
        const reference = await imageGrid(`/__synthetic/${references[frame]}`);
        expect(correlation(grid, reference), `frame ${frame + 1}: the same picture`).to.be.greaterThan(0.95);
        expect(meanDifference(grid, reference), `frame ${frame + 1}: grey levels as DCMTK draws its classic twin`).to.be.lessThan(8);
      }
    });

    it('[HAZ-026] [HAZ-028] JPEG-LS colour with interleave mode 0 (planes one after another) is shown in its true colours', async function () {
      const el = await drawnLikeReference(this, 'jpeg-ls-planar.dcm');
      const [r, g, b] = colourAt(el, 0.75, 0.25);
      expect(g, 'the green block is green').to.be.greaterThan(150);
      expect(Math.max(r, b), 'the green block is green').to.be.lessThan(90);
    });

    for (const name of ['lossless-says-baseline.dcm', 'baseline-says-lossless.dcm', 'jpeg-says-j2k.dcm', 'j2k-says-jpeg.dcm']) {
      it(`[HAZ-028] a JPEG stream under the wrong JPEG transfer syntax is decoded by its own SOF marker, never drawn as garbage: ${name}`, async function () {
        await drawnLikeReference(this, name);
      });
    }

    for (const name of ['big-endian-sequences.dcm', 'big-endian-un-sequence.dcm']) {
      it(`[HAZ-012] Explicit VR Big Endian with undefined-length sequences is read and shown: ${name}`, async function () {
        await drawnLikeReference(this, name);
      });
    }

    it('[HAZ-029] overlay marks (60xx,3000) are drawn as DCMTK draws them, with a notice and a button to hide them', async function () {
      const c = await caseInfo(this, 'overlay.dcm');
      const el = await drawnLikeReference(this, c.name);
      const withMarks = await pngPixels(`/__synthetic/${c.overlayPng as string}`);
      const without = await pngPixels(`/__synthetic/${c.reference}`);
      // Points on the marks: the box's top and left edges, and the cross's two bars.
      const points: [number, number][] = [];
      for (let i = 160; i <= 220; i += 10) points.push([i, 151], [151, i]);
      for (let i = 35; i <= 85; i += 10) points.push([i, 59], [59, i]);
      const ours = (column: number, row: number) => {
        const at = el._view!.imageToCanvas(column, row)!;
        return greyAtCanvas(el, at.x, at.y);
      };
      for (const [column, row] of points) {
        expect(withMarks(column, row), `DCMTK draws a mark at ${column},${row}`).to.be.greaterThan(240);
        expect(ours(column, row), `a mark at ${column},${row}, as DCMTK draws it`).to.be.greaterThan(240);
      }
      expect(shadowText(el)).to.contain('has marks on it');
      await expect(el).to.be.accessible();
      const hide = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Hide marks')!;
      expect(hide.getAttribute('aria-pressed')).to.equal('false');
      hide.click();
      await el.updateComplete;
      await nextFrame();
      expect(el.hideOverlays).to.equal(true);
      expect(hide.getAttribute('aria-pressed')).to.equal('true');
      // Hidden: no white marks left, and the picture itself under them as DCMTK draws it (a point on
      // the edge of a shape may land on either side of it).
      for (const [column, row] of points) expect(ours(column, row), `hidden at ${column},${row}`).to.be.lessThan(235);
      const matching = points.filter(([column, row]) => Math.abs(ours(column, row) - without(column, row)) < 25);
      expect(matching.length, 'hidden: the picture under the marks, as DCMTK draws it').to.be.at.least(points.length - 2);
      hide.click();
      await el.updateComplete;
      await nextFrame();
      for (const [column, row] of points) expect(ours(column, row), `shown again at ${column},${row}`).to.be.greaterThan(240);
    });

    it('[HAZ-029] an overlay kept in the pixel data above High Bit is drawn as a mark, and the picture is not crushed by it', async function () {
      const c = await caseInfo(this, 'overlay-in-pixels.dcm');
      const el = await drawnLikeReference(this, c.name);
      const withMarks = await pngPixels(`/__synthetic/${c.overlayPng as string}`);
      for (const i of [35, 45, 55, 65, 75, 85]) {
        for (const [column, row] of [[i, 59], [59, i]] as [number, number][]) {
          expect(withMarks(column, row), `DCMTK draws a mark at ${column},${row}`).to.be.greaterThan(240);
          const at = el._view!.imageToCanvas(column, row)!;
          expect(greyAtCanvas(el, at.x, at.y), `a mark at ${column},${row}`).to.be.greaterThan(240);
        }
      }
    });

    it('[HAZ-029] overlay marks follow the picture when it is zoomed', async function () {
      const el = await drawnLikeReference(this, 'overlay.dcm');
      el.zoomIn();
      el.zoomIn();
      await nextFrame();
      // The cross's centre line (row 59, columns 30..89) is white wherever it is drawn now.
      const view = el._view!;
      const canvas = view.canvas;
      const scale = canvas.width / canvas.clientWidth;
      const context = canvas.getContext('2d')!;
      for (const column of [40, 60, 80]) {
        const at = view.imageToCanvas(column, 59)!;
        if (at.x < 0 || at.y < 0 || at.x >= canvas.clientWidth || at.y >= canvas.clientHeight) continue;
        const d = context.getImageData(Math.floor(at.x * scale), Math.floor(at.y * scale), 1, 1).data;
        expect(d[0], `the mark at column ${column}`).to.be.greaterThan(240);
      }
    });

    it('an ultrasound video clip we cannot play says so plainly (not "may not be a scan")', async function () {
      await refusedPlainly(this, 'cine-mpeg4.dcm', 'video');
      const el = viewer({ src: '/__synthetic/cine-mpeg4.dcm' });
      await nextEvent(el, 'pv-error');
      await el.updateComplete;
      expect(shadowText(el).toLowerCase()).not.to.contain('may not be a scan');
    });
  });
}
