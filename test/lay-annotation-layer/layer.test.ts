import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import chestDoc from '../../examples/annotations/chest-xray.json';
import journeyDoc from '../../demo/annotations/chest-journey.json';
import type { LayAnnotationLayer, PatientImageViewer, PvAnnotationErrorEvent } from '../../src/index.js';
import { box, centreOf, cleanup, loaded, nextEvent, nextFrame, serverInfo, touchPinch, touchSwipe, until } from '../support/helpers.js';
import { INJECTION_CORPUS, nothingRan } from '../support/injection-corpus.js';
import { mountWithLayer, settleLayout } from './support.js';

/** Centre of a marker, in the viewer's coordinates. */
function markerCentre(viewer: PatientImageViewer, layer: LayAnnotationLayer, id: string): { x: number; y: number } {
  const marker = layer.shadowRoot!.querySelector<HTMLElement>(`.marker[data-id="${id}"]`)!;
  const rect = marker.getBoundingClientRect();
  const outer = viewer.getBoundingClientRect();
  return { x: rect.left + rect.width / 2 - outer.left, y: rect.top + rect.height / 2 - outer.top };
}

function expectedCentre(viewer: PatientImageViewer, column: number, row: number): { x: number; y: number } {
  const frame = viewer.frameBox()!;
  const point = viewer.imageToFrame(column, row)!;
  return { x: frame.x + point.x, y: frame.y + point.y };
}

describe('<lay-annotation-layer>', () => {
  afterEach(cleanup);

  it('[HAZ-007] pins each marker to its point and keeps it there through zoom and moves', async () => {
    const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const labels = chestDoc.labels.filter((l) => 'index' in l.target.image);
    expect(layer.shadowRoot!.querySelectorAll('.marker').length).to.equal(labels.length);
    const check = () => {
      const frame = viewer.frameBox()!;
      for (const label of labels) {
        const want = expectedCentre(viewer, label.target.point.column, label.target.point.row);
        const marker = layer.shadowRoot!.querySelector<HTMLElement>(`.marker[data-id="${label.id}"]`)!;
        const inside = want.x >= frame.x && want.x <= frame.x + frame.width && want.y >= frame.y && want.y <= frame.y + frame.height;
        // A point moved out of the picture box has its marker hidden, not drawn over the edge.
        expect(marker.hidden, `${label.id} hidden when outside`).to.equal(!inside);
        if (!inside) continue;
        if (marker.hasAttribute('data-moved')) {
          // Moved off an orientation word or another marker: its pointer line ends on the point.
          const line = layer.shadowRoot!.querySelector<SVGLineElement>(`.pointers line.line[data-id="${label.id}"]`)!;
          expect(line.style.display, `${label.id} pointer shown`).to.equal('');
          expect(frame.x + Number(line.getAttribute('x2')), `${label.id} pointer x`).to.be.closeTo(want.x, 1.5);
          expect(frame.y + Number(line.getAttribute('y2')), `${label.id} pointer y`).to.be.closeTo(want.y, 1.5);
          continue;
        }
        const got = markerCentre(viewer, layer, label.id);
        expect(got.x, `${label.id} x`).to.be.closeTo(want.x, 1.5);
        expect(got.y, `${label.id} y`).to.be.closeTo(want.y, 1.5);
      }
    };
    check();
    viewer.zoomIn();
    viewer.zoomIn();
    await settleLayout();
    check();
    viewer._view!.panBy(-40, 25);
    await settleLayout();
    check();
  });

  it('tags never cover their own marker, and do not overlap each other', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const tags = [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.tag')].map((t) => ({ id: t.dataset.id!, rect: t.getBoundingClientRect() }));
    expect(tags.length).to.be.greaterThan(1);
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const tag of tags) {
      const marker = layer.shadowRoot!.querySelector<HTMLElement>(`.marker[data-id="${tag.id}"]`)!.getBoundingClientRect();
      expect(overlaps(tag.rect, marker), `${tag.id} covers its marker`).to.equal(false);
      for (const other of tags) if (other !== tag) expect(overlaps(tag.rect, other.rect), `${tag.id} and ${other.id}`).to.equal(false);
    }
  });

  describe('markers never hide what they mark', () => {
    /** The demo's chest labels, its small finding shown as routine, and one label right under "Your right". */
    const crowded = () => {
      const doc = structuredClone(journeyDoc) as typeof journeyDoc;
      const labels = doc.labels.map((label) => ({ ...label, sensitivity: 'routine' }));
      labels.push({
        ...labels[0]!,
        id: 'edge-rib',
        title: 'A rib at the edge',
        target: { image: { index: 0 }, point: { column: 2, row: 256 } },
      } as (typeof labels)[number]);
      return { ...doc, labels };
    };
    const rect = (el: Element) => el.getBoundingClientRect();
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    for (const [width, height] of [[390, 420], [640, 480]] as const) {
      it(`[HAZ-007] at ${width} px: a small outline stays in view beside its marker, with a pointer line; no marker covers "Your right" or "Head"`, async () => {
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, crowded(), [width, height]);
        const root = layer.shadowRoot!;
        const markers = [...root.querySelectorAll<HTMLElement>('.marker')].filter((m) => !m.hidden);
        const edges = [...root.querySelectorAll<HTMLElement>('.edge')];
        expect(edges.map((e) => e.textContent!.trim())).to.include.members(['Your right', 'Your left', 'Head']);
        for (const marker of markers) {
          for (const edge of edges) {
            expect(overlaps(rect(marker), rect(edge)), `marker ${marker.textContent!.trim()} covers "${edge.textContent!.trim()}"`).to.equal(false);
          }
        }
        // The small shadow's outline (about 34 px across here at most) is not under any marker.
        const outline = root.querySelector<SVGEllipseElement>('.outlines ellipse.line[data-id="demo-shadow"]')!;
        const ring = rect(outline);
        expect(ring.width).to.be.greaterThan(5);
        for (const marker of markers) expect(overlaps(rect(marker), ring), `marker ${marker.textContent!.trim()} on the small outline`).to.equal(false);
        // What is at the outline's centre and on its edge is the picture, not a marker.
        const centre = [ring.left + ring.width / 2, ring.top + ring.height / 2] as const;
        for (const [x, y] of [centre, [ring.left + 1, centre[1]], [ring.right - 1, centre[1]], [centre[0], ring.top + 1], [centre[0], ring.bottom - 1]]) {
          expect(root.elementFromPoint(x, y)?.classList.contains('marker') ?? false, `a marker at ${x},${y}`).to.equal(false);
        }
        // Its marker is beside it, joined to its edge by a pointer line.
        const marker = root.querySelector<HTMLElement>('.marker[data-id="demo-shadow"]')!;
        expect(marker.hasAttribute('data-moved')).to.equal(true);
        const line = root.querySelector<SVGLineElement>('.pointers line.line[data-id="demo-shadow"]')!;
        expect(line.style.display).to.equal('');
        const overlay = rect(root.querySelector('.overlay')!);
        const m = rect(marker);
        const start = { x: overlay.left + Number(line.getAttribute('x1')), y: overlay.top + Number(line.getAttribute('y1')) };
        const end = { x: overlay.left + Number(line.getAttribute('x2')), y: overlay.top + Number(line.getAttribute('y2')) };
        expect(start.x).to.be.within(m.left, m.right);
        expect(start.y).to.be.within(m.top, m.bottom);
        expect(end.x).to.be.within(ring.left - 1.5, ring.right + 1.5);
        expect(end.y).to.be.within(ring.top - 1.5, ring.bottom + 1.5);
        expect(Math.hypot(end.x - start.x, end.y - start.y), 'the marker is near it').to.be.lessThan(80);
      });
    }

    it('at 200% page zoom (a 640 x 450 window, a short picture box) tags never pile up or overlap, and a box partly scrolled away places them the same', async () => {
      await setViewport({ width: 640, height: 450 });
      const spacer = document.createElement('div');
      try {
        const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, crowded(), [620, 270]);
        spacer.style.height = '2000px';
        document.body.append(spacer);
        const root = layer.shadowRoot!;
        const visibleTags = () => [...root.querySelectorAll<HTMLElement>('.tag')].filter((t) => !t.hidden);
        const check = () => {
          const overlay = rect(root.querySelector('.overlay')!);
          const tags = visibleTags().map((t) => ({ id: t.dataset.id, r: rect(t) }));
          for (const tag of tags) {
            expect(tag.r.top, `${tag.id} inside the box`).to.be.at.least(overlay.top - 0.5);
            expect(tag.r.bottom, `${tag.id} inside the box`).to.be.at.most(overlay.bottom + 0.5);
            for (const other of tags) if (other !== tag) expect(overlaps(tag.r, other.r), `${tag.id} and ${other.id} overlap`).to.equal(false);
          }
          // Either the words fit on the picture, or it shows numbers only (the words are in the list).
          if (tags.length === 0) expect(root.querySelectorAll('.marker').length).to.be.greaterThan(0);
          return tags.map((t) => [t.id, Math.round(t.r.left - overlay.left), Math.round(t.r.top - overlay.top)]);
        };
        window.scrollTo(0, 0);
        await settleLayout();
        const inView = check();
        // The picture box half scrolled off the top of the window, and placed again there (on scroll,
        // and after a zoom in and back): the same places, not squeezed into the part on screen.
        const overlayTop = rect(root.querySelector('.overlay')!).top + window.scrollY;
        window.scrollTo(0, overlayTop + 150);
        await settleLayout();
        viewer.zoomIn();
        await settleLayout();
        viewer.fit();
        await settleLayout();
        await settleLayout();
        expect(check()).to.deep.equal(inView);
        window.scrollTo(0, 0);
        await settleLayout();
        expect(check()).to.deep.equal(inView);
        cleanup();

        // A shorter box still: the seven tags cannot all fit. Never piled up at the bottom edge.
        const short = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, crowded(), [620, 170]);
        await settleLayout();
        const shortRoot = short.layer.shadowRoot!;
        const tags = [...shortRoot.querySelectorAll<HTMLElement>('.tag')].filter((t) => !t.hidden).map((t) => ({ id: t.dataset.id, r: rect(t) }));
        for (const tag of tags) for (const other of tags) if (other !== tag) expect(overlaps(tag.r, other.r), `${tag.id} and ${other.id} overlap`).to.equal(false);
      } finally {
        spacer.remove();
        window.scrollTo(0, 0);
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('numbers only when the words cannot all fit; zoomed in so they can, the words come back; fitted again, numbers only', async () => {
      const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, crowded(), [620, 170]);
      await settleLayout();
      const root = layer.shadowRoot!;
      const shownTags = () => [...root.querySelectorAll<HTMLElement>('.tag')].filter((t) => !t.hidden && t.style.visibility !== 'hidden');
      const shownMarkers = () => [...root.querySelectorAll<HTMLElement>('.marker')].filter((m) => !m.hidden);
      expect(shownTags(), 'the seven words do not fit a 170 px box: numbers only').to.have.length(0);
      expect(shownMarkers().length, 'the numbered markers show').to.be.greaterThan(3);
      // Zoomed in: fewer labels are on the part of the picture in view, and they are further apart.
      for (let i = 0; i < 6; i++) viewer.zoomIn();
      await settleLayout();
      await settleLayout();
      const tags = shownTags().map((t) => ({ id: t.dataset.id, r: rect(t) }));
      expect(tags.length, 'words back beside the markers in view').to.be.greaterThan(0);
      expect(tags.length, 'a word for each marker in view').to.equal(shownMarkers().length);
      const overlay = rect(root.querySelector('.overlay')!);
      for (const tag of tags) {
        expect(tag.r.bottom, `${tag.id} inside the box`).to.be.at.most(overlay.bottom + 0.5);
        for (const other of tags) if (other !== tag) expect(overlaps(tag.r, other.r), `${tag.id} and ${other.id} overlap`).to.equal(false);
      }
      viewer.fit();
      await settleLayout();
      await settleLayout();
      expect(shownTags(), 'fitted again: numbers only').to.have.length(0);
    });

    it('outlines, pointer and leader lines are two-tone: over any grey, one of the two tones has 3:1 contrast (WCAG 1.4.11)', async () => {
      const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, crowded());
      const root = layer.shadowRoot!;
      const luminance = (colour: string) => {
        const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const groups = ['.outlines:not(.pointers):not(.leaders)', '.pointers', '.leaders'];
      for (const group of groups) {
        const lines = [...root.querySelectorAll<SVGElement>(`${group} .line`)];
        expect(lines.length, `${group} drawn`).to.be.greaterThan(0);
        for (const line of lines) {
          const casing = root.querySelector<SVGElement>(`${group} .casing[data-id="${line.dataset.id}"]`);
          expect(casing, `${group} ${line.dataset.id} has a casing`).to.exist;
          const light = luminance(getComputedStyle(line).stroke);
          const dark = luminance(getComputedStyle(casing!).stroke);
          expect(parseFloat(getComputedStyle(casing!).strokeWidth)).to.be.greaterThan(parseFloat(getComputedStyle(line).strokeWidth));
          for (let grey = 0; grey <= 255; grey += 5) {
            const behind = luminance(`rgb(${grey}, ${grey}, ${grey})`);
            expect(Math.max(contrast(light, behind), contrast(dark, behind)), `${group} over grey ${grey}`).to.be.at.least(3);
          }
        }
      }
    });
  });

  it('lists every label; choosing one selects its marker and announces it', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const items = layer.shadowRoot!.querySelectorAll('ol > li');
    expect(items.length).to.equal(chestDoc.labels.length);
    const select = nextEvent(layer, 'pv-label-select');
    layer.shadowRoot!.querySelector<HTMLButtonElement>('ol > li button.choose')!.click();
    expect((await select).detail.id).to.equal(chestDoc.labels[0]!.id);
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelector(`.marker[data-id="${chestDoc.labels[0]!.id}"]`)!.getAttribute('aria-pressed')).to.equal('true');
    expect(layer.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain(chestDoc.labels[0]!.title);
  });

  it('[HAZ-002] says which side is the patient\'s right on a chest X-ray, and shows a body drawing', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const edge = (side: string) => layer.shadowRoot!.querySelector(`.edge.${side}`)?.textContent?.trim();
    expect(edge('left')).to.equal('Your right');
    expect(edge('right')).to.equal('Your left');
    expect(edge('top')).to.equal('Head');
    expect(layer.shadowRoot!.querySelector('.body-map svg')?.getAttribute('aria-label')).to.contain('chest');
  });

  it('explains a hard word in a popover that Escape closes, returning focus', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, {
      version: 1,
      summary: 'There is no pleural effusion.',
      labels: chestDoc.labels.slice(0, 1),
    });
    const term = layer.shadowRoot!.querySelector<HTMLButtonElement>('button.term')!;
    expect(term.textContent).to.equal('pleural effusion');
    term.click();
    await layer.updateComplete;
    await nextFrame();
    const popover = layer.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(popover.textContent).to.contain('pleural effusion');
    expect(popover.querySelector('a')!.getAttribute('rel')).to.equal('noopener noreferrer');
    await sendKeys({ press: 'Escape' });
    await layer.updateComplete;
    expect(layer.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);
    expect(layer.shadowRoot!.activeElement).to.equal(term);
  });

  it("[HAZ-017] titles a word's explanation with the words as written, never the headword of the entry an alias belongs to", async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, {
      version: 1,
      summary: 'There are some fibrotic changes at the bottom of your lungs.',
      labels: chestDoc.labels.slice(0, 1),
    });
    const term = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.term')].find((b) => /fibrotic/.test(b.textContent!))!;
    expect(term.textContent).to.equal('fibrotic changes');
    term.click();
    await layer.updateComplete;
    const popover = layer.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(popover.getAttribute('aria-label')).to.equal('fibrotic changes');
    expect(popover.querySelector('strong')!.textContent).to.equal('fibrotic changes');
    expect(popover.textContent).not.to.contain('fibrosis:');
  });

  it('a bad label is left out and reported with its field; the rest still show', async () => {
    const broken = {
      version: 1,
      labels: [
        chestDoc.labels[0],
        { ...chestDoc.labels[1], id: 'bad', target: { image: { index: 0 }, point: { column: 'left', row: 3 } } },
      ],
    };
    const viewer = document.createElement('patient-image-viewer');
    viewer.loading = 'eager';
    viewer.src = '/__synthetic/chest-xray.dcm';
    const layer = document.createElement('lay-annotation-layer');
    const reported = nextEvent(layer, 'pv-annotation-error');
    layer.annotations = broken;
    viewer.append(layer);
    box(640, 480).append(viewer);
    const problems = (await reported).detail.problems;
    expect(problems.some((p) => p.path === 'labels[1].target.point.column' && p.labelId === 'bad')).to.equal(true);
    await loaded(viewer);
    await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length === 1, 5000, 'one label listed');
  });

  it('[HAZ-007] labels on other slices are hinted, with a way to go to them', async () => {
    const { synthetic } = await serverInfo();
    const doc = {
      version: 1,
      labels: [
        { id: 'a', kind: 'finding', title: 'Spot on slice 1', target: { image: { index: 0 }, point: { column: 100, row: 100 } } },
        { id: 'b', kind: 'finding', title: 'Spot on slice 8', target: { image: { index: 7 }, point: { column: 120, row: 90 } } },
      ],
    };
    const { viewer, layer } = await mountWithLayer({ urls: synthetic.ct.slice(0, 10).map((n) => `/__synthetic/${n}`) }, doc);
    expect(layer.shadowRoot!.textContent).to.contain('1 more label is on another image');
    const go = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.goto')].find((b) => b.textContent!.includes('Show image 8'))!;
    go.click();
    await until(() => viewer.index === 7, 5000, 'slice 8');
    await until(() => Boolean(layer.shadowRoot!.querySelector('.marker[data-id="b"]')), 5000, 'marker b');
    await settleLayout();
    const got = markerCentre(viewer, layer, 'b');
    const want = expectedCentre(viewer, 120, 90);
    expect(got.x).to.be.closeTo(want.x, 1.5);
    expect(layer.shadowRoot!.querySelector('.marker[data-id="a"]')).to.equal(null);
    // A scale bar from the CT's 1 mm pixel spacing, and CT orientation words.
    expect(layer.shadowRoot!.querySelector('.scale')?.textContent).to.match(/\d+ (mm|cm)/);
    expect(layer.shadowRoot!.querySelector('.edge.top')?.textContent?.trim()).to.equal('Front');
  });

  it('"Show image N" far below the picture brings the changed picture into view (at once with reduced motion) and says so', async () => {
    const { synthetic } = await serverInfo();
    const doc = {
      version: 1,
      labels: [
        { id: 'a', kind: 'finding', title: 'Spot on slice 1', target: { image: { index: 0 }, point: { column: 100, row: 100 } } },
        { id: 'b', kind: 'finding', title: 'Spot on slice 8', target: { image: { index: 7 }, point: { column: 120, row: 90 } } },
      ],
    };
    const { viewer, layer } = await mountWithLayer({ urls: synthetic.ct.slice(0, 10).map((n) => `/__synthetic/${n}`) }, doc, [360, 300]);
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const picture = () => layer.shadowRoot!.querySelector('.overlay')!.getBoundingClientRect();
      // In view already: choosing a label leaves the page where it is.
      window.scrollTo(0, 0);
      layer.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="a"] button.choose')!.click();
      await nextFrame();
      expect(window.scrollY).to.equal(0);
      // The list scrolled to, the picture well above the screen.
      window.scrollTo(0, window.scrollY + picture().bottom + 40);
      await nextFrame();
      expect(picture().bottom, 'the picture is off screen').to.be.lessThan(0);
      const go = [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.goto')].find((b) => b.textContent!.includes('Show image 8'))!;
      go.click();
      await until(() => viewer.index === 7, 5000, 'slice 8');
      await nextFrame();
      const rect = picture();
      expect(rect.top, 'picture top on screen').to.be.at.least(-1);
      expect(rect.bottom, 'picture bottom on screen').to.be.at.most(window.innerHeight + 1);
      expect(layer.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Image 8 is now in view.');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('passes axe with labels, list and popover', async () => {
    const { layer, viewer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    await expect(viewer).to.be.accessible();
    const term = layer.shadowRoot!.querySelector<HTMLButtonElement>('button.term');
    if (term) {
      term.click();
      await layer.updateComplete;
      await expect(viewer).to.be.accessible();
    }
  });

  it('on a narrow phone, labels become numbered markers with the words in the list', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc, [320, 300]);
    expect(layer.shadowRoot!.querySelectorAll('.marker').length).to.be.greaterThan(0);
    expect(layer.shadowRoot!.querySelectorAll('.tag').length).to.equal(0);
    expect(layer.shadowRoot!.querySelectorAll('ol > li').length).to.equal(chestDoc.labels.length);
    const marker = layer.shadowRoot!.querySelector<HTMLElement>('.marker')!;
    expect(marker.textContent!.trim()).to.equal('1');
    expect(marker.getAttribute('aria-label')).to.equal(`Label 1: ${chestDoc.labels[0]!.title}`);
  });

  it('on a 320 px phone, every marker\'s words open inside the picture box, even where there is no room above or below the marker', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc, [320, 360]);
    const root = layer.shadowRoot!;
    for (const label of chestDoc.labels) {
      const marker = root.querySelector<HTMLElement>(`.marker[data-id="${label.id}"]`);
      if (!marker || marker.hidden) continue;
      const [x, y] = centreOf(marker);
      await touchSwipe([x, y], [x, y]);
      await until(() => root.querySelector('.marker-card') !== null, 3000, `the words of ${label.id}`);
      await settleLayout();
      const c = root.querySelector<HTMLElement>('.marker-card')!.getBoundingClientRect();
      const frame = root.querySelector('.overlay')!.getBoundingClientRect();
      if (c.height <= frame.height) {
        expect(c.top, `${label.id}: the card's top inside the picture box`).to.be.at.least(frame.top - 0.5);
        expect(c.bottom, `${label.id}: the card's bottom inside the picture box`).to.be.at.most(frame.bottom + 0.5);
      } else {
        expect(c.top, `${label.id}: a card taller than the box starts at its top`).to.be.at.least(frame.top - 0.5);
      }
      root.querySelector<HTMLButtonElement>('.marker-card button:last-of-type')!.click();
      await until(() => root.querySelector('.marker-card') === null, 3000, 'closed');
    }
  });

  it('on a narrow phone, tapping a marker opens its words beside it; Escape or Close shuts them and focus goes back', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc, [320, 360]);
    const root = layer.shadowRoot!;
    const label = chestDoc.labels[2]!;
    const marker = root.querySelector<HTMLElement>(`.marker[data-id="${label.id}"]`)!;
    expect(root.querySelector('.marker-card')).to.equal(null);
    // A real tap (touch through the DevTools protocol).
    const [x, y] = centreOf(marker);
    await touchSwipe([x, y], [x, y]);
    await until(() => root.querySelector('.marker-card') !== null, 3000, 'the words open');
    await settleLayout();
    const card = root.querySelector<HTMLElement>('.marker-card')!;
    expect(card.textContent).to.contain(label.title);
    expect(card.textContent).to.contain(label.description);
    expect(root.activeElement).to.equal(card);
    expect(marker.getAttribute('aria-expanded')).to.equal('true');
    // Next to its marker, and inside the picture box.
    const c = card.getBoundingClientRect();
    const m = marker.getBoundingClientRect();
    const frame = root.querySelector('.overlay')!.getBoundingClientRect();
    const gap = Math.max(c.top - m.bottom, m.top - c.bottom, c.left - m.right, m.left - c.right);
    expect(gap, 'beside the marker').to.be.within(0, 24);
    expect(c.left).to.be.at.least(frame.left - 0.5);
    expect(c.right).to.be.at.most(frame.right + 0.5);
    expect(c.top).to.be.at.least(frame.top - 0.5);
    expect(c.bottom).to.be.at.most(frame.bottom + 0.5);
    await expect(layer).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await layer.updateComplete;
    expect(root.querySelector('.marker-card')).to.equal(null);
    expect(root.activeElement).to.equal(marker);

    // Again, then "Show in the list": the same label in the list, focused.
    marker.click();
    await until(() => root.querySelector('.marker-card') !== null, 3000, 'the words open again');
    [...root.querySelectorAll<HTMLButtonElement>('.marker-card button')].find((b) => b.textContent!.trim() === 'Show in the list')!.click();
    await layer.updateComplete;
    expect(root.querySelector('.marker-card')).to.equal(null);
    expect(root.activeElement?.closest('li')?.getAttribute('data-id')).to.equal(label.id);

    marker.click();
    await until(() => root.querySelector('.marker-card') !== null, 3000, 'the words open a third time');
    [...root.querySelectorAll<HTMLButtonElement>('.marker-card button')].find((b) => b.textContent!.trim() === 'Close')!.click();
    await layer.updateComplete;
    expect(root.querySelector('.marker-card')).to.equal(null);
    expect(root.activeElement).to.equal(marker);
  });

  it('gestures that start on a marker reach the picture: a drag moves it, a pinch zooms it (not the page); a tap still chooses', async () => {
    const { viewer, layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const marker = () => layer.shadowRoot!.querySelector<HTMLElement>('.marker[data-id="heart"]')!;
    // A tap chooses the label.
    const select = nextEvent(layer, 'pv-label-select');
    const [tx, ty] = centreOf(marker());
    await touchSwipe([tx, ty], [tx, ty]);
    expect((await select).detail.id).to.equal('heart');

    // A sideways drag from the marker moves the picture.
    const before = viewer._view!.imageBox()!;
    const [x, y] = centreOf(marker());
    await touchSwipe([x, y], [x - 90, y]);
    await nextFrame();
    expect(viewer._view!.imageBox()!.x, 'the picture moved left').to.be.lessThan(before.x - 40);
    viewer.fit();
    await settleLayout();

    // A pinch with one finger on the marker zooms the picture, and the page stays at its own size.
    const fitted = viewer._view!.imageBox()!.width;
    const [px, py] = centreOf(marker());
    await touchPinch([px + 30, py], 60, 180);
    await nextFrame();
    expect(viewer._view!.imageBox()!.width, 'the picture zoomed').to.be.greaterThan(fitted * 1.5);
    expect(window.visualViewport?.scale ?? 1, 'the page did not zoom').to.equal(1);
  });

  it('keyboard: Tab reaches the markers; Enter chooses one', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const marker = layer.shadowRoot!.querySelector<HTMLButtonElement>('.marker')!;
    expect(marker.tabIndex).to.equal(0);
    marker.focus();
    const select = nextEvent(layer, 'pv-label-select');
    await sendKeys({ press: 'Enter' });
    expect((await select).detail.id).to.equal(marker.dataset.id);
  });

  it('[HAZ-009] shows hostile text from every field as text: nothing runs, nothing is parsed as markup', async () => {
    const short = INJECTION_CORPUS.filter((p) => p.length <= 80 && p.trim().length > 0);
    const doc = {
      version: 1,
      summary: INJECTION_CORPUS.filter((p) => p.length < 200).join(' ').slice(0, 3900),
      labels: short.map((payload, i) => ({
        id: `${i}-${payload}`.slice(0, 64),
        kind: i % 2 ? 'finding' : 'anatomy',
        title: payload,
        description: payload,
        terms: [payload],
        links: [{ title: payload, url: payload }],
        target: { image: { index: 0 }, point: { column: 20 + (i * 13) % 470, row: 20 + (i * 29) % 470 } },
      })),
      glossary: short.map((payload, i) => ({ id: `hostile-${i}`, term: payload, definition: payload, url: 'https://www.nhs.uk/' })),
    };
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, doc, [640, 480]);
    const root = layer.shadowRoot!;
    await until(() => root.querySelectorAll('ol > li').length > 0, 5000, 'the list');
    // Open every word explanation once: their text is hostile too.
    for (const term of [...root.querySelectorAll<HTMLButtonElement>('button.term')].slice(0, 20)) {
      term.click();
      await layer.updateComplete;
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(nothingRan(), 'no payload ran').to.equal(true);
    const text = root.textContent ?? '';
    for (const payload of short.slice(0, 20)) expect(text, 'the payload shows as text').to.contain(payload.trim().slice(0, 20));
    for (const el of root.querySelectorAll('*')) {
      expect(['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'STYLE', 'TEMPLATE'], el.tagName).not.to.include(el.tagName);
      for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).to.equal(false);
      if (el instanceof HTMLAnchorElement) expect(el.href.startsWith('https://'), el.href).to.equal(true);
    }
  });

  it('"Ask a question about this": suggested or own words, sent as pv-question with its context', async () => {
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, chestDoc);
    const root = layer.shadowRoot!;
    const item = root.querySelector<HTMLElement>(`ol > li[data-id="${chestDoc.labels[2]!.id}"]`)!;
    item.querySelector<HTMLButtonElement>('button.ask')!.click();
    await layer.updateComplete;
    const form = root.querySelector<HTMLFormElement>('.composer')!;
    expect(root.activeElement?.tagName).to.equal('TEXTAREA');
    // Nothing chosen or written: a plain message, nothing sent.
    let sent = 0;
    layer.addEventListener('pv-question', () => sent++);
    form.requestSubmit();
    await layer.updateComplete;
    expect(sent).to.equal(0);
    expect(root.textContent).to.contain('Write a question, or choose one');
    const question = nextEvent(layer, 'pv-question');
    root.querySelectorAll<HTMLInputElement>('.composer input[type="radio"]')[1]!.click();
    root.querySelector<HTMLFormElement>('.composer')!.requestSubmit();
    const detail = (await question).detail;
    expect(detail).to.include({ question: 'Do I need any more tests?', about: 'label', labelId: chestDoc.labels[2]!.id, imageIndex: 0 });
    await layer.updateComplete;
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('sent to your care team');
    expect(root.activeElement?.textContent?.trim()).to.equal('Ask a question about this');
    // Own words, about the summary.
    root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
    await layer.updateComplete;
    root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = 'Can I still go running?';
    const own = nextEvent(layer, 'pv-question');
    root.querySelector<HTMLFormElement>('.composer')!.requestSubmit();
    expect((await own).detail).to.include({ question: 'Can I still go running?', about: 'summary' });
    await expect(layer).to.be.accessible();
  });

  it('"When to get help" shows as an NHS care card, its level in words; a bad card is reported and left out', async () => {
    const careCard = { level: 'emergency', heading: 'Call 999 if:', text: 'You suddenly cannot move one side of your body.' };
    const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, { ...chestDoc, careCard });
    const card = layer.shadowRoot!.querySelector('[part="care-card"]')!;
    expect(card.classList.contains('emergency')).to.equal(true);
    expect(card.textContent!.replace(/\s+/g, ' ')).to.contain('Immediate action required: Call 999 if:');
    expect(card.textContent).to.contain('cannot move one side');
    await expect(layer).to.be.accessible();
    cleanup();
    const viewer = document.createElement('patient-image-viewer');
    viewer.loading = 'eager';
    viewer.src = '/__synthetic/chest-xray.dcm';
    const bad = document.createElement('lay-annotation-layer');
    const reported = nextEvent(bad, 'pv-annotation-error');
    bad.annotations = { ...chestDoc, careCard: { ...careCard, level: 'very' } };
    viewer.append(bad);
    box(640, 480).append(viewer);
    expect((await reported).detail.problems.some((p) => p.path === 'careCard.level')).to.equal(true);
    await loaded(viewer);
    await until(() => bad.shadowRoot!.querySelectorAll('ol > li').length === chestDoc.labels.length, 5000, 'labels still shown');
    expect(bad.shadowRoot!.querySelector('[part="care-card"]')).to.equal(null);
  });

  it('"Questions for my appointment": saved with the study, removable, kept across a reload', async () => {
    const make = async () => {
      const viewer = document.createElement('patient-image-viewer');
      viewer.loading = 'eager';
      viewer.src = '/__synthetic/chest-xray.dcm';
      const layer = document.createElement('lay-annotation-layer');
      layer.studyKey = 'questions-study';
      layer.storage = 'session';
      layer.annotations = chestDoc;
      viewer.append(layer);
      box(640, 480).append(viewer);
      await loaded(viewer);
      await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length > 0, 5000, 'list');
      return layer;
    };
    const saveQuestion = async (layer: LayAnnotationLayer, text: string) => {
      const root = layer.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[data-ask="summary"] button.ask')!.click();
      await layer.updateComplete;
      root.querySelector<HTMLTextAreaElement>('.composer textarea')!.value = text;
      [...root.querySelectorAll<HTMLButtonElement>('.composer button')].find((b) => b.textContent!.includes('Save for my appointment'))!.click();
      await until(() => root.textContent!.includes(text), 3000, 'saved');
    };
    const layer = await make();
    await saveQuestion(layer, 'How long will it take to heal?');
    await saveQuestion(layer, 'Can I drive?');
    const saved = () => [...layer.shadowRoot!.querySelectorAll('[part="questions"] li span')].map((s) => s.textContent);
    expect(saved()).to.deep.equal(['How long will it take to heal?', 'Can I drive?']);
    layer.shadowRoot!.querySelector<HTMLButtonElement>('[aria-label="Remove: Can I drive?"]')!.click();
    await until(() => saved().length === 1, 3000, 'removed');
    await expect(layer).to.be.accessible();
    cleanup();
    const again = await make();
    await until(() => again.shadowRoot!.querySelectorAll('[part="questions"] li').length === 1, 3000, 'kept');
    sessionStorage.clear();
  });

  it('portals with no way to route questions can hide them', async () => {
    const viewer = document.createElement('patient-image-viewer');
    viewer.loading = 'eager';
    viewer.src = '/__synthetic/chest-xray.dcm';
    const layer = document.createElement('lay-annotation-layer');
    layer.noQuestions = true;
    layer.annotations = chestDoc;
    viewer.append(layer);
    box(640, 480).append(viewer);
    await loaded(viewer);
    await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length > 0, 5000, 'list');
    expect(layer.shadowRoot!.querySelector('button.ask')).to.equal(null);
  });

  describe('sensitive findings', () => {
    const docWith = (extra: Record<string, unknown> = {}) => ({
      version: 1,
      summary: 'There is a small shadow in the right lung. Your care team will talk to you about it.',
      labels: [
        chestDoc.labels[0],
        chestDoc.labels[2],
        {
          id: 'shadow',
          kind: 'finding',
          sensitivity: 'sensitive',
          title: 'A small shadow',
          description: 'A small shadow in your right lung.',
          target: { image: { index: 0 }, point: { column: 150, row: 220 } },
          ...extra,
        },
      ],
    });
    const text = (layer: LayAnnotationLayer) => layer.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    const press = (layer: LayAnnotationLayer, label: string) =>
      [...layer.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);

    it('[HAZ-001] are hidden from the image, the list and the summary until the patient chooses; the way back is one step', async () => {
      const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith());
      expect(layer.shadowRoot!.querySelectorAll('ol > li').length).to.equal(2);
      expect(layer.shadowRoot!.querySelector('.marker[data-id="shadow"]')).to.equal(null);
      expect(text(layer)).not.to.contain('shadow');
      expect(text(layer)).to.contain('There is something in your report your care team wants to talk through with you');
      expect(text(layer)).to.contain('Your report summary will show here');
      await expect(layer).to.be.accessible();

      const request = nextEvent(layer, 'pv-disclosure-request');
      const reveal = nextEvent(layer, 'pv-reveal');
      press(layer, 'Show me now')!.click();
      expect((await request).detail.scope).to.equal('finding');
      expect((await reveal).detail.scope).to.equal('finding');
      await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length === 3, 3000, 'revealed');
      await settleLayout();
      expect(layer.shadowRoot!.querySelector('.marker[data-id="shadow"]')).to.exist;
      expect(text(layer)).to.contain('small shadow in the right lung');
      expect(layer.shadowRoot!.activeElement?.textContent?.trim()).to.equal('A small shadow');
      await expect(layer).to.be.accessible();

      press(layer, 'Hide it again')!.click();
      await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length === 2, 3000, 'hidden again');
      expect(text(layer)).not.to.contain('small shadow');
    });

    it('[HAZ-001] the portal can veto; "I\'ll wait" keeps it hidden and says so', async () => {
      const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith());
      layer.addEventListener('pv-disclosure-request', (e) => e.preventDefault(), { once: true });
      press(layer, 'Show me now')!.click();
      await layer.updateComplete;
      expect(layer.shadowRoot!.querySelectorAll('ol > li').length).to.equal(2);
      const defer = nextEvent(layer, 'pv-defer');
      press(layer, "I'll wait to talk to my care team")!.click();
      expect((await defer).detail.scope).to.equal('finding');
      await layer.updateComplete;
      expect(text(layer)).to.contain('You chose to wait');
      expect(layer.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Show me now');
    });

    it('[HAZ-001] cannot be revealed before the date the portal set, and the patient is told when', async () => {
      const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith({ notBefore: '2099-12-01' }));
      expect(press(layer, 'Show me now')).to.equal(undefined);
      expect(text(layer)).to.contain('You can choose to see it from 1 December 2099');
      expect(layer.shadowRoot!.querySelectorAll('ol > li').length).to.equal(2);
    });

    describe('more than one', () => {
      const second = (extra: Record<string, unknown> = {}) => ({
        id: 'nodule',
        kind: 'finding',
        sensitivity: 'sensitive',
        title: 'A tiny spot',
        description: 'A tiny spot near the top of your left lung.',
        target: { image: { index: 0 }, point: { column: 300, row: 120 } },
        ...extra,
      });
      const docWithTwo = (first: Record<string, unknown> = {}, other: Record<string, unknown> = {}) => {
        const doc = docWith(first);
        return { ...doc, labels: [...doc.labels, second(other)] };
      };
      const shownIds = (layer: LayAnnotationLayer) =>
        [...layer.shadowRoot!.querySelectorAll<HTMLElement>('ol > li')].map((li) => li.dataset.id);

      it('[HAZ-001] can be seen one at a time, each hidden again on its own, without saying what they are first', async () => {
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo());
        expect(text(layer)).to.contain('There are 2 things in your report your care team wants to talk through with you');
        expect(text(layer)).not.to.contain('shadow');
        expect(text(layer)).not.to.contain('spot');
        expect(press(layer, 'Show part 1')).to.exist;
        expect(press(layer, 'Show part 2')).to.exist;
        await expect(layer).to.be.accessible();

        const request = nextEvent(layer, 'pv-disclosure-request');
        const reveal = nextEvent(layer, 'pv-reveal');
        press(layer, 'Show part 2')!.click();
        expect((await request).detail.findings).to.deep.equal(['nodule']);
        expect((await reveal).detail.findings).to.deep.equal(['nodule']);
        await until(() => shownIds(layer).includes('nodule'), 3000, 'second shown');
        await settleLayout();
        expect(shownIds(layer)).not.to.include('shadow');
        expect(text(layer)).to.contain('A tiny spot');
        expect(text(layer)).not.to.contain('shadow');
        // The summary may speak of any of them: it waits until every one is shown.
        expect(text(layer)).to.contain('Your report summary will show here');
        expect(layer.shadowRoot!.activeElement?.textContent?.trim()).to.equal('A tiny spot');
        await expect(layer).to.be.accessible();

        press(layer, 'Show part 1')!.click();
        await until(() => shownIds(layer).includes('shadow'), 3000, 'first shown');
        expect(text(layer)).to.contain('small shadow in the right lung');

        const defer = nextEvent(layer, 'pv-defer');
        press(layer, 'Hide part 2 again')!.click();
        expect((await defer).detail.findings).to.deep.equal(['nodule']);
        await until(() => !shownIds(layer).includes('nodule'), 3000, 'second hidden');
        await settleLayout();
        expect(shownIds(layer)).to.include('shadow');
        // Focus stays with that finding, whose button is now the way back.
        expect(layer.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Show part 2');
      });

      it('[HAZ-001] "Show me all of them now" shows every finding that may be shown; a dated one stays hidden and says when', async () => {
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo({}, { notBefore: '2099-12-01' }));
        expect(press(layer, 'Show part 2')).to.equal(undefined);
        expect(text(layer)).to.contain('You can choose to see this from 1 December 2099');
        // Only one can be shown now, so there is no "all" choice.
        expect(press(layer, 'Show me all of them now')).to.equal(undefined);
        press(layer, 'Show part 1')!.click();
        await until(() => shownIds(layer).includes('shadow'), 3000, 'first shown');
        expect(shownIds(layer)).not.to.include('nodule');
        expect(text(layer)).not.to.contain('spot');
        expect(text(layer)).to.contain('Your report summary will show here');
      });

      it('"I\'ll wait" holds them all back; "Show me all of them now" shows them together', async () => {
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo());
        const defer = nextEvent(layer, 'pv-defer');
        press(layer, "I'll wait to talk to my care team")!.click();
        expect((await defer).detail.findings).to.deep.equal(['shadow', 'nodule']);
        await layer.updateComplete;
        expect(text(layer)).to.contain('You chose to wait');
        const reveal = nextEvent(layer, 'pv-reveal');
        press(layer, 'Show me all of them now')!.click();
        expect((await reveal).detail.findings).to.deep.equal(['shadow', 'nodule']);
        await until(() => shownIds(layer).length === 4, 3000, 'all shown');
        expect(text(layer)).to.contain('small shadow in the right lung');
        expect(press(layer, 'Show me all of them now')).to.equal(undefined);
      });

      it('each choice is remembered on its own (local storage)', async () => {
        const first = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo());
        first.layer.studyKey = 'study-43';
        first.layer.storage = 'local';
        await first.layer.updateComplete;
        press(first.layer, 'Show part 2')!.click();
        await until(() => shownIds(first.layer).includes('nodule'), 3000, 'revealed');
        cleanup();
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo(), undefined, (l) => {
          l.studyKey = 'study-43';
          l.storage = 'local';
        });
        await until(() => shownIds(layer).includes('nodule'), 3000, 'remembered');
        expect(shownIds(layer)).not.to.include('shadow');
        // Nothing about the finding itself is kept: only hashed keys and the choice.
        const kept = Object.keys(localStorage).map((key) => key + localStorage.getItem(key)).join(' ');
        expect(kept).not.to.contain('nodule');
        expect(kept).not.to.contain('study-43');
        localStorage.clear();
      });

      it('a study key set after the document still finds what was remembered under it', async () => {
        const first = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo(), undefined, (l) => {
          l.studyKey = 'study-44';
          l.storage = 'local';
        });
        press(first.layer, 'Show part 1')!.click();
        await until(() => shownIds(first.layer).includes('shadow'), 3000, 'revealed');
        cleanup();
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWithTwo(), undefined, (l) => {
          l.storage = 'local';
        });
        expect(shownIds(layer)).not.to.include('shadow');
        layer.studyKey = 'study-44';
        await until(() => shownIds(layer).includes('shadow'), 3000, 'remembered once the key is set');
        localStorage.clear();
      });
    });

    describe('one finding, one mark: a finding id shared with the page', () => {
      /** A wrapped report paragraph about the finding, as a portal puts it on the page. */
      const wrapped = (attrs: Record<string, string>) => {
        const step = document.createElement('finding-disclosure');
        step.setAttribute('scope', 'finding');
        for (const [k, v] of Object.entries(attrs)) step.setAttribute(k, v);
        step.innerHTML = '<p class="report">There is a small shadow in your right lung.</p>';
        box(640, 200).append(step);
        return step;
      };
      const onScreen = (step: HTMLElement) => step.querySelector('p')!.getClientRects().length > 0;
      const stepButton = (step: HTMLElement, label: string) =>
        [...step.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
      const ids = (layer: LayAnnotationLayer) => [...layer.shadowRoot!.querySelectorAll<HTMLElement>('ol > li')].map((li) => li.dataset.id);
      /** The shadow label, not marked sensitive, showing the finding "marked-9". */
      const routineShadow = { sensitivity: 'routine', findingId: 'marked-9' };

      it('[HAZ-001] a label of a finding the page wraps waits with it, even when not marked sensitive; the mismatch is reported', async () => {
        const step = wrapped({ 'study-key': 'study-50', 'finding-id': 'marked-9' });
        const problems: PvAnnotationErrorEvent[] = [];
        const listen = (e: PvAnnotationErrorEvent) => problems.push(e);
        document.addEventListener('pv-annotation-error', listen);
        try {
          const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith(routineShadow), undefined, (l) => {
            l.studyKey = 'study-50';
          });
          await until(() => stepButton(step, 'Show me now') !== undefined, 3000, 'the wrapped step');
          // Held in the layer: not on the picture, not in the list, and the summary (which speaks of it) waits.
          expect(ids(layer)).not.to.include('shadow');
          expect(layer.shadowRoot!.querySelector('.marker[data-id="shadow"]')).to.equal(null);
          expect(text(layer)).not.to.contain('shadow');
          expect(text(layer)).to.contain('Your report summary will show here');
          await until(() => problems.length > 0, 3000, 'the mismatch report');
          const problem = problems.flatMap((e) => e.detail.problems).find((p) => p.code === 'finding-sensitivity-mismatch');
          expect(problem?.findingId).to.equal('marked-9');
          expect(problem?.labelId).to.equal('shadow');

          // "I'll wait" on the page: the layer says so too, and still shows nothing of it.
          stepButton(step, "I'll wait to talk to my care team")!.click();
          await until(() => text(layer).includes('You chose to wait'), 3000, 'the layer follows the wait');
          expect(text(layer)).not.to.contain('shadow');
          expect(onScreen(step)).to.equal(false);

          // "Show me now" on the page shows it in the layer, and the summary with it.
          stepButton(step, 'Show me now')!.click();
          await until(() => ids(layer).includes('shadow'), 3000, 'the layer follows the reveal');
          expect(onScreen(step)).to.equal(true);
          expect(text(layer)).to.contain('small shadow in the right lung');
          await settleLayout();
          expect(layer.shadowRoot!.querySelector('.marker[data-id="shadow"]')).to.exist;

          // And the other way: "Hide it again" in the layer takes the page's paragraph away too.
          press(layer, 'Hide it again')!.click();
          await until(() => !onScreen(step), 3000, 'the page follows the layer');
          expect(ids(layer)).not.to.include('shadow');
        } finally {
          document.removeEventListener('pv-annotation-error', listen);
        }
      });

      it('[HAZ-001] one remembered choice: shown on the page, shown by a layer opened later; another study is not', async () => {
        const step = wrapped({ 'study-key': 'study-51', 'finding-id': 'marked-9', storage: 'local' });
        await until(() => stepButton(step, 'Show me now') !== undefined, 3000, 'the wrapped step');
        stepButton(step, 'Show me now')!.click();
        await until(() => onScreen(step), 3000, 'shown');
        cleanup();
        const sensitiveShadow = { findingId: 'marked-9' };
        const other = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith(sensitiveShadow), undefined, (l) => {
          l.studyKey = 'study-52';
          l.storage = 'local';
        });
        const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith(sensitiveShadow), undefined, (l) => {
          l.studyKey = 'study-51';
          l.storage = 'local';
        });
        await until(() => ids(layer).includes('shadow'), 3000, 'remembered under the finding id');
        expect(ids(other.layer)).not.to.include('shadow');
        expect(text(other.layer)).not.to.contain('shadow');
        localStorage.clear();
      });

      it('[HAZ-001] in one document: two labels of one finding, one not marked sensitive, wait together; the mismatch is reported', async () => {
        const doc = docWith({ findingId: 'marked-3' });
        const copy = { ...doc.labels[2], id: 'shadow-side', findingId: 'marked-3', sensitivity: 'routine', title: 'The shadow from the side' };
        const problems: PvAnnotationErrorEvent[] = [];
        const listen = (e: PvAnnotationErrorEvent) => problems.push(e);
        document.addEventListener('pv-annotation-error', listen);
        try {
          const { layer } = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, { ...doc, labels: [...doc.labels, copy] });
          expect(ids(layer)).to.deep.equal([chestDoc.labels[0]!.id, chestDoc.labels[2]!.id]);
          expect(text(layer)).not.to.contain('shadow');
          await until(() => problems.length > 0, 3000, 'the mismatch report');
          expect(problems[0]!.detail.problems[0]).to.include({ code: 'finding-sensitivity-mismatch', findingId: 'marked-3', labelId: 'shadow-side' });
          // One finding, labelled twice: the patient is told of one, and chooses once.
          expect(text(layer)).to.contain('There is something in your report your care team wants to talk through with you');
          press(layer, 'Show me now')!.click();
          // One choice: the finding is shown wherever it is labelled.
          await until(() => ids(layer).includes('shadow') && ids(layer).includes('shadow-side'), 3000, 'both shown');
        } finally {
          document.removeEventListener('pv-annotation-error', listen);
        }
      });
    });

    it('the choice is remembered for the study (session storage)', async () => {
      const first = await mountWithLayer({ src: '/__synthetic/chest-xray.dcm' }, docWith());
      first.layer.studyKey = 'study-42';
      first.layer.storage = 'session';
      press(first.layer, 'Show me now')!.click();
      await until(() => first.layer.shadowRoot!.querySelectorAll('ol > li').length === 3, 3000, 'revealed');
      cleanup();
      const viewer = document.createElement('patient-image-viewer');
      viewer.loading = 'eager';
      viewer.src = '/__synthetic/chest-xray.dcm';
      const layer = document.createElement('lay-annotation-layer');
      layer.studyKey = 'study-42';
      layer.storage = 'session';
      layer.annotations = docWith();
      viewer.append(layer);
      box(640, 480).append(viewer);
      await loaded(viewer);
      await until(() => layer.shadowRoot!.querySelectorAll('ol > li').length === 3, 3000, 'remembered');
      sessionStorage.clear();
    });
  });
});
