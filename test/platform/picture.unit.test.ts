import { expect } from '@open-wc/testing';
import { drawPicture } from '../../src/platform/picture.js';
import { decodeImage } from '../support/pixels.js';

/** A grey "picture" the size of a 400 x 300 stage. */
function grey(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 300;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#808080';
  ctx.fillRect(0, 0, 400, 300);
  return canvas;
}

describe('platform: the saved picture (src/platform/picture.ts)', () => {
  it('draws the picture, each given marker in yellow with its words, the edges, the scale and a caption strip; boxes never overlap; a marker off the picture is left out', async () => {
    const drawn: { text: string; x: number; y: number }[] = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      drawn.push({ text, x, y });
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
    };
    let png: Blob;
    try {
      png = await drawPicture({
        source: grey(),
        // The stage at (10, 20) in the viewer; markers in the viewer's coordinates.
        area: { x: 10, y: 20, width: 400, height: 300 },
        markers: [
          { number: 1, title: 'Your heart', x: 110, y: 170 },
          { number: 2, title: 'Your right lung', x: 112, y: 172 },
          { number: 3, title: 'Your ribs', x: 114, y: 168 },
          { number: 4, title: 'Off the picture', x: 900, y: 170 },
        ],
        edges: { left: 'Your right', right: 'Your left' },
        scale: { widthPx: 80, label: '5 cm' },
        caption: 'X-ray of the chest, saved on 7 December 2026',
      });
    } finally {
      CanvasRenderingContext2D.prototype.fillText = fillText;
    }
    const texts = drawn.map((d) => d.text);
    expect(texts).to.include.members(['1. Your heart', '2. Your right lung', '3. Your ribs', 'Your right', 'Your left', '5 cm', 'X-ray of the chest, saved on 7 December 2026']);
    expect(texts.join(' ')).not.to.contain('Off the picture');
    const rows = drawn.filter((d) => /^\d\. /.test(d.text)).map((d) => d.y).sort((a, b) => a - b);
    for (let i = 1; i < rows.length; i++) expect(rows[i]! - rows[i - 1]!, 'text boxes 26 px tall, not on top of each other').to.be.at.least(26);

    const image = await decodeImage(png);
    expect([image.width, image.height]).to.deep.equal([400, 340]);
    // Marker 3 (drawn last, on top) at (104, 148) in the picture: yellow beside its number.
    const [r, g, b] = image.at(95, 148);
    expect(Math.abs(r! - 0xff) + Math.abs(g! - 0xeb) + Math.abs(b! - 0x3b)).to.be.below(40);
    // The picture's own grey away from everything; the caption strip white.
    expect(image.at(300, 60)).to.deep.equal([128, 128, 128]);
    expect(image.at(395, 335)).to.deep.equal([255, 255, 255]);
  });
});
