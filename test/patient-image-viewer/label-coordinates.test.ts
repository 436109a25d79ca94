import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import readme from '../../README.md?raw';
import type { PatientImageViewer } from '../../src/index.js';
import { cleanup, loaded, nextFrame, viewer } from '../support/helpers.js';

/**
 * The README's way for a clinician or integrator to find a label's `column` and `row` on a real
 * image: paste its snippet into the console and click the spot. The snippet is taken from the
 * README as written and run against real clicks (DevTools input) on known image pixels, fitted and
 * zoomed, so the README cannot drift from what the viewer does.
 */
function readmeSnippet(name: string): string {
  const pattern = new RegExp(`<!-- readme-snippet: ${name.replace(/\./g, '\\.')} -->\\r?\\n\`\`\`[\\w-]*\\r?\\n([\\s\\S]*?)\\r?\\n\`\`\``);
  const code = pattern.exec(readme)?.[1];
  if (!code) throw new Error(`README.md has no snippet ${name}`);
  return code;
}

/** Click, for real, where image pixel (column, row) is on screen now. */
async function clickPixel(el: PatientImageViewer, column: number, row: number): Promise<void> {
  const box = el.getBoundingClientRect();
  const frame = el.frameBox()!;
  const at = el.imageToFrame(column, row)!;
  await sendMouse({ type: 'click', position: [Math.round(box.left + frame.x + at.x), Math.round(box.top + frame.y + at.y)] });
}

describe('the README: finding a label\u2019s coordinates on a real image', () => {
  const realLog = console.log;
  let printed: string[] = [];

  beforeEach(() => {
    printed = [];
    console.log = (...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    };
  });
  afterEach(async () => {
    console.log = realLog;
    await resetMouse();
    cleanup();
  });

  it('the snippet prints the image index and the pixel clicked, fitted and zoomed in', async () => {
    // The synthetic chest X-ray is 512 x 512: at 400 x 400 px on screen, a pixel is under 1 CSS px
    // fitted; zoomed in, several.
    const el = viewer({ src: '/__synthetic/chest-xray.dcm' }, [400, 400]);
    await loaded(el);
    new Function(readmeSnippet('label-coordinates.js'))();

    const read = () => JSON.parse(printed.at(-1) ?? 'null') as { image: { index: number }; point: { column: number; row: number } } | null;
    await clickPixel(el, 160, 256);
    const fitted = read();
    expect(fitted, 'printed').to.not.equal(null);
    expect(fitted!.image).to.deep.equal({ index: 0 });
    // Fitted, one CSS pixel covers more than one image pixel: within 2.
    expect(Math.abs(fitted!.point.column - 160), `column ${fitted!.point.column}`).to.be.at.most(2);
    expect(Math.abs(fitted!.point.row - 256), `row ${fitted!.point.row}`).to.be.at.most(2);

    el.zoomIn();
    el.zoomIn();
    await nextFrame();
    await nextFrame();
    const target = { column: 300, row: 200 };
    await clickPixel(el, target.column, target.row);
    const zoomed = read();
    expect(zoomed!.point, 'zoomed in, exact').to.deep.equal(target);
  });
});
