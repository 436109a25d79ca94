import { expect } from '@open-wc/testing';
import { nothing, render } from 'lit';
import { bodyMap, bodyRegionFor, type BodyRegion } from '../../src/lay/body-map.js';
import { INJECTION_CORPUS, nothingRan } from '../support/injection-corpus.js';

const REGIONS: readonly BodyRegion[] = ['head', 'neck', 'chest', 'abdomen', 'pelvis', 'spine', 'arm', 'hand', 'leg', 'knee', 'foot', 'whole-body'];

/** A point well inside each region of the drawing, on the viewer's left, and its mirror where paired. */
const INSIDE: Record<BodyRegion, readonly (readonly [number, number])[]> = {
  head: [[60, 24]],
  neck: [[60, 48]],
  chest: [[48, 80]],
  abdomen: [[48, 124]],
  pelvis: [[48, 156]],
  spine: [[60, 100]],
  arm: [[24, 110], [96, 110]],
  hand: [[17, 162], [103, 162]],
  leg: [[47, 190], [73, 190]],
  knee: [[47, 224], [73, 224]],
  foot: [[46, 285], [74, 285]],
  'whole-body': [[60, 24], [48, 124], [24, 110], [46, 285]],
};

const mounted: HTMLElement[] = [];
function draw(region: BodyRegion | undefined, label = 'Drawing of a body'): HTMLDivElement {
  const div = document.createElement('div');
  document.body.append(div);
  mounted.push(div);
  render(bodyMap(region, label), div);
  return div;
}

function svgIn(div: HTMLElement): SVGSVGElement {
  const svg = div.querySelector('svg');
  expect(svg, 'an <svg> was drawn').to.be.instanceOf(SVGSVGElement);
  return svg!;
}

function pointIn(path: SVGGeometryElement, [x, y]: readonly [number, number]): boolean {
  const point = path.ownerSVGElement!.createSVGPoint();
  point.x = x;
  point.y = y;
  return path.isPointInFill(point);
}

afterEach(() => {
  for (const div of mounted.splice(0)) div.remove();
});

describe('bodyRegionFor', () => {
  const BY_CODE: [string, BodyRegion][] = [
    ['HEAD', 'head'], ['BRAIN', 'head'], ['SKULL', 'head'], ['IAC', 'head'],
    ['NECK', 'neck'], ['CSPINE', 'neck'], ['THYROID', 'neck'],
    ['CHEST', 'chest'], ['THORAX', 'chest'], ['LUNG', 'chest'], ['HEART', 'chest'], ['BREAST', 'chest'],
    ['ABDOMEN', 'abdomen'], ['LIVER', 'abdomen'], ['KIDNEY', 'abdomen'],
    ['PELVIS', 'pelvis'], ['HIP', 'pelvis'], ['BLADDER', 'pelvis'],
    ['SPINE', 'spine'], ['TSPINE', 'spine'], ['LSPINE', 'spine'], ['SACRUM', 'spine'],
    ['SHOULDER', 'arm'], ['ARM', 'arm'], ['ELBOW', 'arm'], ['HUMERUS', 'arm'],
    ['WRIST', 'hand'], ['HAND', 'hand'], ['FINGER', 'hand'],
    ['LEG', 'leg'], ['FEMUR', 'leg'], ['TIBIA', 'leg'],
    ['KNEE', 'knee'], ['PATELLA', 'knee'],
    ['ANKLE', 'foot'], ['FOOT', 'foot'], ['TOE', 'foot'],
    ['WHOLEBODY', 'whole-body'],
  ];
  for (const [code, region] of BY_CODE) {
    it(`${code} is the ${region}`, () => {
      expect(bodyRegionFor(code)).to.equal(region);
    });
  }

  it('reads codes written with spaces, hyphens or lower case', () => {
    expect(bodyRegionFor('L-SPINE')).to.equal('spine');
    expect(bodyRegionFor('C SPINE')).to.equal('neck');
    expect(bodyRegionFor('Whole Body')).to.equal('whole-body');
    expect(bodyRegionFor('knee')).to.equal('knee');
    expect(bodyRegionFor('R KNEE')).to.equal('knee');
  });

  it('uses words from label titles when the body part is empty or unknown', () => {
    expect(bodyRegionFor('', ['right lung'])).to.equal('chest');
    expect(bodyRegionFor('', ['Medial meniscus'])).to.equal('knee');
    expect(bodyRegionFor('XYZ', ['left kidney'])).to.equal('abdomen');
    expect(bodyRegionFor('', ['Shoulder blade'])).to.equal('arm');
    expect(bodyRegionFor('', ['Gall bladder'])).to.equal('abdomen');
    expect(bodyRegionFor('', ['Back of the knee'])).to.equal('knee');
  });

  it('goes with most of the words, and the first named on a tie', () => {
    expect(bodyRegionFor('', ['Liver', 'Right lung', 'Left lung', 'Heart'])).to.equal('chest');
    expect(bodyRegionFor('', ['Liver', 'Heart'])).to.equal('abdomen');
  });

  it('prefers the body part to the words', () => {
    expect(bodyRegionFor('CHEST', ['liver', 'spleen', 'kidney'])).to.equal('chest');
  });

  it('returns undefined for unknown, mixed or strange input, and never throws', () => {
    expect(bodyRegionFor('')).to.equal(undefined);
    expect(bodyRegionFor('XYZ')).to.equal(undefined);
    expect(bodyRegionFor('XYZ', ['arrow', 'measurement 1'])).to.equal(undefined);
    // More than one region: marking only one would be untrue.
    expect(bodyRegionFor('CHESTABDPELVIS')).to.equal(undefined);
    expect(bodyRegionFor('ABDOMENPELVIS')).to.equal(undefined);
    // Not own properties of the lookup tables.
    expect(bodyRegionFor('CONSTRUCTOR')).to.equal(undefined);
    expect(bodyRegionFor('', ['constructor', '__proto__', 'toString'])).to.equal(undefined);
    expect(bodyRegionFor(undefined as unknown as string)).to.equal(undefined);
    expect(bodyRegionFor(42 as unknown as string, [null, 7, {}] as unknown as string[])).to.equal(undefined);
    expect(bodyRegionFor('', 'lung' as unknown as string[])).to.equal(undefined);
  });

  it('finds no body part in any injection payload', () => {
    for (const payload of INJECTION_CORPUS) {
      expect(bodyRegionFor(payload, [payload]), payload.slice(0, 80)).to.equal(undefined);
    }
  });
});

describe('bodyMap', () => {
  it('renders nothing when the region is not known', () => {
    expect(bodyMap(undefined, 'Drawing of a body')).to.equal(nothing);
    const div = draw(undefined);
    expect(div.querySelector('svg')).to.equal(null);
    expect(div.textContent?.trim()).to.equal('');
  });

  it('is an image named by the label, with the shapes hidden from assistive technology', async () => {
    const div = draw('chest', 'Drawing of a body with the chest marked');
    const svg = svgIn(div);
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('Drawing of a body with the chest marked');
    expect(svg.getAttribute('viewBox')).to.equal('0 0 120 300');
    expect(svg.children.length).to.be.greaterThan(0);
    for (const child of svg.children) expect(child.getAttribute('aria-hidden'), child.tagName).to.equal('true');
    // Nothing inside the drawing is text a screen reader could read out of order.
    expect(svg.textContent?.trim()).to.equal('');
    await expect(div).to.be.accessible();
  });

  for (const region of REGIONS) {
    it(`marks the ${region} with a fill and a thicker dashed line, not colour alone`, () => {
      const svg = svgIn(draw(region));
      expect(svg.dataset.region).to.equal(region);
      const outline = svg.querySelector<SVGPathElement>('path.outline')!;
      const marked = svg.querySelector<SVGGElement>(`g.region[data-region="${region}"]`)!;
      expect(marked, 'the marked region').to.be.instanceOf(SVGGElement);

      const fill = marked.querySelector<SVGPathElement>('.region-fill')!;
      const ring = marked.querySelector<SVGPathElement>('.region-ring')!;
      expect(getComputedStyle(fill).fill).to.equal('rgb(0, 94, 184)');
      const ringStyle = getComputedStyle(ring);
      expect(ringStyle.stroke).to.equal('rgb(0, 94, 184)');
      expect(ringStyle.strokeDasharray).to.not.equal('none');
      expect(parseFloat(ringStyle.strokeWidth)).to.be.greaterThan(parseFloat(getComputedStyle(outline).strokeWidth));
      expect(ring.getAttribute('d')).to.equal(fill.getAttribute('d'));

      // The whole outline is there, in grey, and the region sits inside it.
      expect(getComputedStyle(outline).stroke).to.equal('rgb(76, 98, 114)');
      expect(getComputedStyle(outline).fill).to.equal('rgb(255, 255, 255)');
      for (const point of INSIDE[region]) {
        expect(pointIn(fill, point), `${region} covers ${point}`).to.equal(true);
        expect(pointIn(outline, point), `the outline covers ${point}`).to.equal(true);
      }
    });
  }

  it('marks only the region: no other region’s middle is covered', () => {
    for (const region of REGIONS) {
      if (region === 'whole-body') continue;
      const fill = svgIn(draw(region)).querySelector<SVGPathElement>('.region-fill')!;
      for (const other of REGIONS) {
        if (other === region || other === 'whole-body') continue;
        // The spine runs down the middle of the neck and the body; the knee is part of the leg.
        const overlaps = [region, other].includes('spine') ? ['neck', 'chest', 'abdomen', 'pelvis'].includes(region === 'spine' ? other : region) : false;
        const kneeInLeg = region === 'leg' && other === 'knee';
        if (overlaps || kneeInLeg) continue;
        for (const point of INSIDE[other]) {
          expect(pointIn(fill, point), `${region} does not cover the ${other} at ${point}`).to.equal(false);
        }
      }
    }
  });

  it('marks paired limbs on both sides', () => {
    for (const region of ['arm', 'hand', 'leg', 'knee', 'foot'] as const) {
      const fill = svgIn(draw(region)).querySelector<SVGPathElement>('.region-fill')!;
      expect(fill.getAttribute('d')!.match(/M/g)!.length, region).to.equal(2);
      const [left, right] = INSIDE[region];
      expect(left![0] + right![0], `${region} points mirror each other`).to.equal(120);
      expect(pointIn(fill, left!) && pointIn(fill, right!), region).to.equal(true);
    }
  });

  it('has no holes where the pieces of the outline overlap', () => {
    const outline = svgIn(draw('whole-body')).querySelector<SVGPathElement>('path.outline')!;
    // Shoulders (arm over chest), neck (into head and chest), hips (legs into pelvis), ankles (feet into legs).
    for (const point of [[36, 62], [84, 62], [60, 40], [60, 55], [45, 169], [75, 169], [48, 272], [72, 272]] as const) {
      expect(pointIn(outline, point), `${point}`).to.equal(true);
    }
  });

  it('takes its colours from the host’s custom properties', () => {
    const div = draw('knee');
    div.style.setProperty('--_body-outline', 'rgb(1, 2, 3)');
    div.style.setProperty('--_body-fill', 'rgb(4, 5, 6)');
    div.style.setProperty('--_body-highlight', 'rgb(7, 8, 9)');
    const svg = svgIn(div);
    expect(getComputedStyle(svg.querySelector('path.outline')!).stroke).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(svg.querySelector('path.outline')!).fill).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(svg.querySelector('.region-fill')!).fill).to.equal('rgb(7, 8, 9)');
    expect(getComputedStyle(svg.querySelector('.region-ring')!).stroke).to.equal('rgb(7, 8, 9)');
  });

  it('takes colours passed in, and then reads none of its own properties', () => {
    const div = document.createElement('div');
    document.body.append(div);
    mounted.push(div);
    div.style.setProperty('--_body-highlight', 'rgb(7, 8, 9)');
    render(bodyMap('knee', 'Drawing of a body with the knees marked', { outline: 'rgb(10, 11, 12)', fill: 'rgb(13, 14, 15)', highlight: 'var(--page-own, rgb(16, 17, 18))' }), div);
    const svg = svgIn(div);
    expect(getComputedStyle(svg.querySelector('path.outline')!).stroke).to.equal('rgb(10, 11, 12)');
    expect(getComputedStyle(svg.querySelector('path.outline')!).fill).to.equal('rgb(13, 14, 15)');
    expect(getComputedStyle(svg.querySelector('.region-fill')!).fill).to.equal('rgb(16, 17, 18)');
    expect(getComputedStyle(svg.querySelector('.region-fill')!).stroke).to.equal('rgb(13, 14, 15)');
    expect(getComputedStyle(svg.querySelector('.region-ring')!).stroke).to.equal('rgb(16, 17, 18)');
    expect(svg.outerHTML).to.not.contain('--_body');
  });

  it('uses no style attributes, so a strict Content Security Policy allows it', () => {
    const svg = svgIn(draw('spine'));
    expect(svg.querySelectorAll('[style]').length).to.equal(0);
    expect(svg.hasAttribute('style')).to.equal(false);
  });

  it('updates in place when the region changes', () => {
    const div = draw('head', 'Drawing of a body with the head marked');
    const svg = svgIn(div);
    render(bodyMap('foot', 'Drawing of a body with the feet marked'), div);
    expect(svgIn(div)).to.equal(svg);
    expect(svg.dataset.region).to.equal('foot');
    expect(svg.getAttribute('aria-label')).to.equal('Drawing of a body with the feet marked');
    render(bodyMap(undefined, ''), div);
    expect(div.querySelector('svg')).to.equal(null);
  });

  it('keeps any label as text: no payload adds an element or runs', async () => {
    for (const payload of INJECTION_CORPUS) {
      const div = draw('chest', payload);
      const svg = svgIn(div);
      expect(svg.getAttribute('aria-label')).to.equal(payload);
      expect(div.querySelectorAll('*').length, payload.slice(0, 80)).to.equal(6);
      expect(div.querySelector('script, img, iframe, object, style, foreignObject, a, animate')).to.equal(null);
      div.remove();
    }
    // Give event handlers (onerror, onload, ontoggle) a chance to fire if anything got through.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(nothingRan()).to.equal(true);
  });
});
