import { expect } from '@open-wc/testing';
import { fitPicture } from '../../src/poster/fit.js';
import { modalityRange, posterRgba, voiFunction, windowFor, type PosterFrame } from '../../src/poster/pixels.js';

/** The grey level of each pixel (the red channel; grey pictures have r = g = b). */
function greys(frame: PosterFrame): number[] {
  const rgba = posterRgba(frame);
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    expect(rgba[i + 1]).to.equal(rgba[i]);
    expect(rgba[i + 3]).to.equal(255);
    out.push(rgba[i]!);
  }
  return out;
}

function grey(data: number[], extra: Partial<PosterFrame> = {}): PosterFrame {
  return { rows: 1, columns: data.length, photometric: 'MONOCHROME2', samples: 1, data, ...extra };
}

describe('poster pixel mapping', () => {
  it('applies the file window (LINEAR): below the window black, above white, the centre mid-grey', () => {
    // Window 40/100: black at or below -10, white above 89, the centre (40) half-way.
    expect(greys(grey([-1000, -10, 40, 90, 3000], { window: { centre: 40, width: 100 } }))).to.deep.equal([0, 0, 129, 255, 255]);
  });

  it('rescales stored values (slope and intercept) before the window', () => {
    // CT: stored 1024 + intercept -1024 = 0 HU; slope 2 doubles.
    const frame = grey([0, 1024, 1044, 1074, 1104], { slope: 1, intercept: -1024, window: { centre: 40, width: 80 } });
    expect(greys(frame)).to.deep.equal([0, 0, 65, 161, 255]);
    const doubled = grey([0, 10, 20], { slope: 2, intercept: 0, window: { centre: 20, width: 41 } });
    expect(greys(doubled)).to.deep.equal([3, 131, 255]);
  });

  it('uses the image range when the file has no window (min black, max white)', () => {
    expect(greys(grey([100, 150, 200]))).to.deep.equal([0, 128, 255]);
    expect(modalityRange({ data: [1, 5], slope: -2, intercept: 0 })).to.deep.equal({ min: -10, max: -2 });
    expect(windowFor(grey([0, 10], { window: { centre: 0, width: 0 } }))).to.include({ centre: 5, width: 10 });
  });

  it('inverts MONOCHROME1 (low values white)', () => {
    expect(greys(grey([0, 50, 100], { photometric: 'MONOCHROME1' }))).to.deep.equal([255, 128, 0]);
    expect(greys(grey([-10, 90], { photometric: 'MONOCHROME1', window: { centre: 40, width: 100 } }))).to.deep.equal([255, 0]);
  });

  it('applies SIGMOID and LINEAR_EXACT windows', () => {
    const sigmoid = voiFunction({ centre: 0, width: 100, fn: 'SIGMOID' });
    expect(sigmoid(0)).to.be.closeTo(127.5, 0.01);
    expect(sigmoid(-1000)).to.be.below(1);
    expect(sigmoid(1000)).to.be.above(254);
    const exact = voiFunction({ centre: 50, width: 100, fn: 'LINEAR_EXACT' });
    expect([exact(0), exact(50), exact(100)]).to.deep.equal([0, 127.5, 255]);
  });

  it('gives the same levels from typed arrays (the table path) as from plain ones', () => {
    const values = [0, 7, 100, 1023, 4095, 2048, 12, 3000];
    for (const extra of [{}, { window: { centre: 1000, width: 2000 } }, { photometric: 'MONOCHROME1', slope: 2, intercept: -1024 }] as Partial<PosterFrame>[]) {
      expect(greys(grey(Array.from(new Uint16Array(values)), extra))).to.deep.equal(greys(grey(new Uint16Array(values) as never, extra)));
      expect(greys(grey(values.map((v) => v - 2048), extra))).to.deep.equal(greys(grey(new Int16Array(values.map((v) => v - 2048)) as never, extra)));
    }
  });

  it('draws RGB as stored, in either planar configuration, and converts YBR_FULL', () => {
    const interleaved = posterRgba({ rows: 1, columns: 2, photometric: 'RGB', samples: 3, data: [255, 0, 0, 0, 0, 255] });
    expect([...interleaved]).to.deep.equal([255, 0, 0, 255, 0, 0, 255, 255]);
    const planar = posterRgba({ rows: 1, columns: 2, photometric: 'RGB', samples: 3, planar: 1, data: [255, 0, 0, 0, 0, 255] });
    expect([...planar]).to.deep.equal([255, 0, 0, 255, 0, 0, 255, 255]);
    // Y 76, Cb 85, Cr 255 is (about) pure red.
    const ybr = posterRgba({ rows: 1, columns: 1, photometric: 'YBR_FULL', samples: 3, data: [76, 85, 255] });
    expect(ybr[0]).to.be.above(250);
    expect(ybr[1]).to.be.below(5);
    expect(ybr[2]).to.be.below(5);
  });
});

describe('poster fit', () => {
  it('fits a square image in a wide box: full height, centred', () => {
    expect(fitPicture({ columns: 512, rows: 512 }, 800, 400)).to.deep.equal({ x: 200, y: 0, width: 400, height: 400 });
  });

  it('honours pixel spacing and Pixel Aspect Ratio (vertical:horizontal)', () => {
    // 100 x 100 pixels, each twice as tall as wide: the picture is twice as tall as wide.
    expect(fitPicture({ columns: 100, rows: 100, aspect: [2, 1] }, 400, 400)).to.deep.equal({ x: 100, y: 0, width: 200, height: 400 });
    expect(fitPicture({ columns: 100, rows: 100, pixelSpacing: [1, 2] }, 400, 400)).to.deep.equal({ x: 0, y: 100, width: 400, height: 200 });
    // Spacing wins over the aspect ratio.
    expect(fitPicture({ columns: 100, rows: 100, pixelSpacing: [1, 1], aspect: [2, 1] }, 400, 400).width).to.equal(400);
  });
});
