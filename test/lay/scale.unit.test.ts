import { expect } from '@open-wc/testing';
import { SCALE_BAR_LENGTHS_MM, chooseScaleBar } from '../../src/lay/scale.js';

describe('lay scale bar', () => {
  it('chooses the longest round length that fits', () => {
    // 0.5 mm a pixel, 100 px of room: 5 cm is exactly 100 px.
    expect(chooseScaleBar(0.5, 100)).to.deep.equal({ lengthMm: 50, widthPx: 100, label: '5 cm', approximate: false });
    // 0.1 mm a pixel, 120 px: 1 cm is 100 px, 2 cm would be 200 px.
    expect(chooseScaleBar(0.1, 120)).to.deep.equal({ lengthMm: 10, widthPx: 100, label: '1 cm', approximate: false });
    // 0.02 mm a pixel (zoomed right in), 200 px: 2 mm is 100 px, 5 mm would be 250 px.
    expect(chooseScaleBar(0.02, 200)).to.deep.equal({ lengthMm: 2, widthPx: 100, label: '2 mm', approximate: false });
    // The demo chest X-ray at 1:1 (0.7 mm a pixel), 150 px: 10 cm is 142.86 px.
    expect(chooseScaleBar(0.7, 150)).to.deep.equal({ lengthMm: 100, widthPx: 100 / 0.7, label: '10 cm', approximate: false });
    // The demo CT at 1:1 (1 mm a pixel), 120 px: 10 cm is 100 px.
    expect(chooseScaleBar(1, 120)).to.deep.equal({ lengthMm: 100, widthPx: 100, label: '10 cm', approximate: false });
    // 2 mm a pixel, 120 px: 20 cm is 100 px.
    expect(chooseScaleBar(2, 120)).to.deep.equal({ lengthMm: 200, widthPx: 100, label: '20 cm', approximate: false });
  });

  it('uses mm below 1 cm and cm from 1 cm up', () => {
    const labels = SCALE_BAR_LENGTHS_MM.map((mm) => chooseScaleBar(mm / 100, 100)!.label);
    expect(labels).to.deep.equal(['1 mm', '2 mm', '5 mm', '1 cm', '2 cm', '5 cm', '10 cm', '20 cm', '50 cm']);
  });

  it('fits exactly despite floating-point error', () => {
    expect(chooseScaleBar(0.1, 50)).to.deep.include({ lengthMm: 5, label: '5 mm' });
    expect(chooseScaleBar(0.3, 1000 / 3)).to.deep.include({ lengthMm: 100 });
  });

  it('[HAZ-014] says "about" for an estimate', () => {
    expect(chooseScaleBar(0.7, 150, { approximate: true })).to.deep.equal({
      lengthMm: 100,
      widthPx: 100 / 0.7,
      label: 'about 10 cm',
      approximate: true,
    });
    expect(chooseScaleBar(0.7, 150, { approximate: false })!.label).to.equal('10 cm');
  });

  it('is always within the room, and at least a third of it when a length allows', () => {
    for (let spacing = 0.005; spacing < 20; spacing *= 1.07) {
      for (const room of [60, 100, 150, 240]) {
        const bar = chooseScaleBar(spacing, room);
        if (!bar) {
          expect(1 / spacing, `${spacing} mm/px, ${room} px`).to.be.greaterThan(room);
          continue;
        }
        expect(bar.widthPx).to.be.at.most(room + 1e-6);
        expect(bar.widthPx).to.equal(bar.lengthMm / spacing);
        if (bar.lengthMm < 500) expect(bar.widthPx, `${spacing} mm/px, ${room} px`).to.be.at.least(room / 3);
      }
    }
  });

  it('uses 50 cm, the longest, when zoomed right out', () => {
    expect(chooseScaleBar(10, 300)).to.deep.equal({ lengthMm: 500, widthPx: 50, label: '50 cm', approximate: false });
  });

  it('is undefined when even 1 mm does not fit', () => {
    expect(chooseScaleBar(0.001, 100)).to.equal(undefined);
  });

  it('[HAZ-014] is undefined for unknown, zero, negative or not-a-number spacing or room', () => {
    for (const spacing of [0, -1, Number.NaN, Infinity, -Infinity, undefined, null, '0.5']) {
      expect(chooseScaleBar(spacing as number, 100), String(spacing)).to.equal(undefined);
    }
    for (const room of [0, -100, Number.NaN, undefined]) {
      expect(chooseScaleBar(0.5, room as number), String(room)).to.equal(undefined);
    }
  });
});
