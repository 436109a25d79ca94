// The labels benchmark's page script (served at /labels-page.js; a deferred classic script, so it runs
// before the library's module and can wrap requestAnimationFrame first). See bench/labels.mjs.
//
// ?file=NAME      the DICOM file under /dicom/ (or under &dir=/PATH/)
// &layer=1        add a <lay-annotation-layer> with a generated document (0: the viewer alone)
// &labels=50      how many labels
// &frames=180     zoom calls measured (one per animation frame)
// &phase=30       zoom calls in one direction before turning (in, then out, ...)
// &factor=1.02    zoom factor per call
//
// window.__labelsBench: ready (loaded, markers drawn), warmUp(), measure() (the raw records), steps()
// (single zoom steps: which frame things happen in), check() (where the tags ended up). bench/labels.mjs calls them in that order and makes the statistics.
(() => {
  'use strict';

  const params = new URLSearchParams(location.search);
  const number = (name, fallback) => {
    const value = Number(params.get(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const FILE = params.get('file') ?? '';
  const DIR = /^\/[\w/-]*\/$/.test(params.get('dir') ?? '') ? params.get('dir') : '/dicom/';
  const WITH_LAYER = params.get('layer') === '1';
  const LABELS = Math.round(number('labels', 50));
  const FRAMES = Math.round(number('frames', 180));
  const PHASE = Math.round(number('phase', 30));
  const FACTOR = number('factor', 1.02);
  const WARMUP = 2 * PHASE;
  /** Frames after the last zoom call, so the picture and the labels catch up inside the measurement. */
  const DRAIN = 6;

  // ------------------------------------------------------------ requestAnimationFrame accounting
  //
  // Every callback is tagged by who asked for it:
  //   bench  - this script's zoom step (the zoom call itself, and the viewer's Lit update it causes)
  //   render - asked for during the zoom call: Cornerstone drawing the picture
  //   viewer - asked for while Cornerstone drew: the viewer's once-a-frame pv-view-change
  //   layer  - asked for while pv-view-change was being dispatched (or by the layer's own callback):
  //            the layer placing markers and tags; and, when pv-view-change is sent inside a callback
  //            (the viewer sends it right after the draw, in the draw's frame, and the layer places in
  //            that frame), the rest of that callback from the event on, taken off the callback's tag
  // A second callback is queued right behind each one (a sentinel): callbacks run in the order they
  // were asked for and the microtask queue is emptied after each, so the sentinel's start is the end
  // of the callback *and of its promise chain* (the layer's placement is async: Lit update,
  // floating-ui's computePosition). Style, layout and paint that the browser does after the
  // callbacks are not in these numbers; forced (synchronous) layout inside a callback is.

  const nativeRaf = window.requestAnimationFrame.bind(window);
  const nativeCancel = window.cancelAnimationFrame.bind(window);
  const DERIVED = { bench: 'bench', render: 'viewer', viewer: 'viewer', layer: 'layer', other: 'other' };
  let explicitTag = null;
  let runningTag = null;
  /** The callback running now (pv-view-change marks when it was sent inside it). */
  let runningEntry = null;
  let currentTs = 0;
  let recording = false;
  const sentinels = new Map();
  /** ts (the frame's rAF timestamp) -> per-frame record. */
  let frames = new Map();

  /** The camera's zoom step: the index of the last zoom call (what a draw or a placement used). */
  let cameraIndex = -1;
  let lastDrawn = -1;
  let lastPlaced = -1;
  let renders = [];
  let views = [];
  let placements = [];
  let calls = [];
  /** Every recorded callback: its id (as in a DevTools trace's FireAnimationFrame) and tag. */
  let callbacks = [];

  function frameRecord(ts) {
    let record = frames.get(ts);
    if (!record) {
      record = { ts, start: Infinity, after: undefined, cost: {}, count: {}, drawn: -1, placed: -1, zoomCall: undefined };
      frames.set(ts, record);
    }
    return record;
  }

  window.requestAnimationFrame = function requestAnimationFrame(callback) {
    const tag = explicitTag ?? (runningTag ? DERIVED[runningTag] : 'other');
    const entry = { tag, id: 0, ts: 0, start: 0, end: 0, index: -1 };
    const id = nativeRaf((ts) => {
      currentTs = ts;
      runningTag = tag;
      runningEntry = entry;
      entry.ts = ts;
      entry.index = cameraIndex;
      entry.start = performance.now();
      callback(ts);
    });
    const sentinel = nativeRaf(() => {
      entry.end = performance.now();
      runningTag = null;
      runningEntry = null;
      sentinels.delete(id);
      if (!recording) return;
      const frame = frameRecord(entry.ts);
      frame.start = Math.min(frame.start, entry.start);
      // pv-view-change sent inside this callback (after the draw, in the same frame): what follows it,
      // up to the end of the callback's microtasks, is the layer placing its labels in that frame.
      const inFrame = WITH_LAYER && entry.viewAt !== undefined && tag !== 'layer' ? entry.end - entry.viewAt : 0;
      frame.cost[tag] = (frame.cost[tag] ?? 0) + (entry.end - entry.start) - inFrame;
      frame.count[tag] = (frame.count[tag] ?? 0) + 1;
      callbacks.push({ id: entry.id, tag, ts: entry.ts });
      if (inFrame > 0) {
        frame.cost.layer = (frame.cost.layer ?? 0) + inFrame;
        frame.count.layer = (frame.count.layer ?? 0) + 1;
        lastPlaced = entry.index;
        placements.push({ ts: entry.ts, start: entry.viewAt, end: entry.end, index: entry.index });
      }
      if (tag === 'layer') {
        lastPlaced = entry.index;
        placements.push({ ts: entry.ts, start: entry.start, end: entry.end, index: entry.index });
      }
    });
    entry.id = id;
    sentinels.set(id, sentinel);
    return id;
  };
  window.cancelAnimationFrame = function cancelAnimationFrame(id) {
    nativeCancel(id);
    const sentinel = sentinels.get(id);
    if (sentinel !== undefined) {
      nativeCancel(sentinel);
      sentinels.delete(id);
    }
  };

  // pv-view-change bubbles and is composed: a capturing listener on window runs before the layer's
  // listener on the viewer, and a bubbling one after it.
  let savedTag = null;
  window.addEventListener(
    'pv-view-change',
    () => {
      savedTag = explicitTag;
      explicitTag = 'layer';
      if (runningEntry && runningEntry.viewAt === undefined) runningEntry.viewAt = performance.now();
      // index: the zoom step of the picture it announces (the last one drawn).
      if (recording) views.push({ ts: currentTs, t: performance.now(), index: lastDrawn });
    },
    true,
  );
  window.addEventListener('pv-view-change', () => {
    explicitTag = savedTag;
  });

  // After each measured frame: a message posted from the frame's zoom step runs as a task after the
  // whole frame (callbacks, style, layout, paint and commit on the main thread).
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => {
    const frame = frames.get(event.data);
    if (!frame) return;
    frame.after = performance.now();
    frame.drawn = lastDrawn;
    frame.placed = lastPlaced;
  };

  const nextFrame = () => new Promise((resolve) => nativeRaf(() => resolve()));
  async function waitFrames(count) {
    for (let i = 0; i < count; i += 1) await nextFrame();
  }
  async function until(test, ms, what) {
    const deadline = performance.now() + ms;
    while (!test()) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await nextFrame();
    }
  }

  // ------------------------------------------------------------ the annotation document

  const PARTS = ['Rib', 'Lung', 'Heart', 'Spine', 'Shadow', 'Spot', 'Vessel', 'Edge'];
  const PLACES = ['lung', 'heart', 'ribs', 'spine', 'diaphragm'];

  /** `count` labels on a grid inside a `size` x `size` image, anatomy and finding in turn, on image 0. */
  function makeDocument(count, size = 512) {
    const columns = Math.ceil(Math.sqrt(count));
    const rows = Math.ceil(count / columns);
    const margin = 40;
    const labels = Array.from({ length: count }, (_, i) => {
      const kind = i % 2 === 0 ? 'anatomy' : 'finding';
      return {
        id: `label-${i + 1}`,
        kind,
        title: `${PARTS[i % PARTS.length]} ${i + 1}`,
        description:
          `A made-up ${kind === 'anatomy' ? 'part of the body' : 'finding'} for the benchmark, ` +
          `near the ${PLACES[i % PLACES.length]}. It is not real.`,
        target: {
          image: { index: 0 },
          point: {
            column: Math.round(margin + ((i % columns) + 0.5) * ((size - 2 * margin) / columns)),
            row: Math.round(margin + (Math.floor(i / columns) + 0.5) * ((size - 2 * margin) / rows)),
          },
        },
      };
    });
    return {
      version: 1,
      summary: 'A made-up report for the benchmark. Your chest X-ray has many labels. None of them is real.',
      labels,
    };
  }

  // ------------------------------------------------------------ the page

  const problems = [];
  window.addEventListener('error', (event) => problems.push(`error: ${event.message}`));
  window.addEventListener('unhandledrejection', (event) => problems.push(`unhandled rejection: ${event.reason}`));

  const ready = (async () => {
    const viewer = document.createElement('patient-image-viewer');
    viewer.setAttribute('loading', 'eager');
    viewer.setAttribute('alt', 'Synthetic chest X-ray (benchmark)');
    viewer.src = `${DIR}${encodeURIComponent(FILE)}`;
    let layer;
    if (WITH_LAYER) {
      layer = document.createElement('lay-annotation-layer');
      layer.annotations = makeDocument(LABELS);
      layer.addEventListener('pv-annotation-error', (event) =>
        problems.push(`pv-annotation-error: ${JSON.stringify(event.detail?.problems ?? event.detail)}`),
      );
      viewer.append(layer);
    }
    const loaded = new Promise((resolve, reject) => {
      viewer.addEventListener('pv-load', (event) => resolve(event.detail), { once: true });
      viewer.addEventListener('pv-error', (event) => reject(new Error(`pv-error: ${event.detail?.type}`)), { once: true });
    });
    document.querySelector('main').append(viewer);
    // The script-tag build defines the elements from their own chunks once one is in the page.
    await customElements.whenDefined('patient-image-viewer');
    if (WITH_LAYER) await customElements.whenDefined('lay-annotation-layer');
    const detail = await Promise.race([
      loaded,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no pv-load in 60 s')), 60_000)),
    ]);
    viewer.stage.addEventListener('CORNERSTONE_IMAGE_RENDERED', () => {
      lastDrawn = cameraIndex;
      if (recording) renders.push({ ts: currentTs, t: performance.now(), index: cameraIndex });
    });
    if (layer) {
      await until(() => layer.shadowRoot?.querySelectorAll('.marker').length === LABELS, 20_000, `${LABELS} markers`);
    }
    await waitFrames(10);
    return { viewer, layer, renderer: detail?.renderer, initialZoom: viewer._view.state().zoom };
  })();
  ready.catch(() => undefined);

  /** `count` zoom calls, one per frame (in for `PHASE` calls, out for `PHASE`, ...), then DRAIN frames. */
  function zoomFrames(viewer, count, measure) {
    const view = viewer._view;
    return new Promise((resolve) => {
      let k = 0;
      const step = (ts) => {
        if (measure) {
          frameRecord(ts);
          channel.port2.postMessage(ts);
        }
        if (k < count) {
          const factor = Math.floor(k / PHASE) % 2 === 0 ? FACTOR : 1 / FACTOR;
          const t = performance.now();
          explicitTag = 'render';
          // What the viewer's own pinch and wheel handlers do (its #act): zoom the view, then update.
          view.zoomBy(factor);
          viewer.requestUpdate();
          explicitTag = null;
          cameraIndex = measure ? k : -1;
          if (measure) {
            calls.push({ k, ts, t });
            frames.get(ts).zoomCall = k;
          }
        }
        k += 1;
        if (k < count + DRAIN) {
          explicitTag = 'bench';
          requestAnimationFrame(step);
          explicitTag = null;
        } else {
          resolve();
        }
      };
      explicitTag = 'bench';
      requestAnimationFrame(step);
      explicitTag = null;
    });
  }

  /** Where the tags are (layout reads; outside the measurement). */
  function checkTags(viewer, layer) {
    const frame = viewer.frameBox();
    const check = {
      zoom: viewer._view.state().zoom,
      fittedClass: viewer.stage?.classList.contains('fitted') ?? false,
      frameWidth: frame?.width,
      frameHeight: frame?.height,
    };
    if (!layer) return check;
    const root = layer.shadowRoot;
    const overlay = root.querySelector('.overlay');
    const box = overlay.getBoundingClientRect();
    const markers = [...root.querySelectorAll('.marker')];
    const hidden = new Set(markers.filter((m) => m.hidden).map((m) => m.dataset.id));
    const tags = [...root.querySelectorAll('.tag')].map((tag) => {
      const r = tag.getBoundingClientRect();
      return {
        id: tag.dataset.id,
        left: r.left - box.left,
        top: r.top - box.top,
        right: r.right - box.left,
        bottom: r.bottom - box.top,
      };
    });
    const visible = tags.filter((t) => t.right > 0 && t.bottom > 0 && t.left < box.width && t.top < box.height);
    // Markers at least a quarter hidden under another label's tag.
    const area = (a, b) =>
      Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
      Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    const markerBoxes = markers
      .filter((m) => !m.hidden)
      .map((m) => {
        const r = m.getBoundingClientRect();
        return { id: m.dataset.id, left: r.left - box.left, top: r.top - box.top, right: r.right - box.left, bottom: r.bottom - box.top };
      });
    const markersCovered = markerBoxes.filter((m) =>
      visible.some((t) => t.id !== m.id && area(m, t) >= 0.25 * (m.right - m.left) * (m.bottom - m.top)),
    ).length;
    let overlaps = 0;
    const overlapping = new Set();
    for (let i = 0; i < visible.length; i += 1) {
      for (let j = i + 1; j < visible.length; j += 1) {
        const a = visible[i];
        const b = visible[j];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
          overlaps += 1;
          overlapping.add(a.id);
          overlapping.add(b.id);
        }
      }
    }
    return {
      ...check,
      compact: Boolean(frame && frame.width < 480),
      markers: markers.length,
      markersShown: markers.length - hidden.size,
      tags: tags.length,
      tagsVisible: visible.length,
      tagsOverlapping: overlapping.size,
      overlapPairs: overlaps,
      orphanTags: visible.filter((t) => hidden.has(t.id)).length,
      markersCovered,
      tagsOnBottomEdge: visible.filter((t) => t.bottom >= box.height - 6).length,
    };
  }

  /** Warm-up (first draws at new sizes, JIT), not measured; then back to the fitted picture. */
  async function warmUp() {
    const { viewer } = await ready;
    await zoomFrames(viewer, WARMUP, false);
    viewer.fit();
    await waitFrames(15);
  }

  /** The measured zoom: FRAMES zoom calls, one per frame, and the raw records. */
  async function measure() {
    const { viewer, renderer } = await ready;
    frames = new Map();
    renders = [];
    views = [];
    placements = [];
    calls = [];
    callbacks = [];
    lastDrawn = -1;
    lastPlaced = -1;
    recording = true;
    const t0 = performance.now();
    await zoomFrames(viewer, FRAMES, true);
    const t1 = performance.now();
    await waitFrames(1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last frame's after-frame message
    recording = false;
    return {
      renderer,
      withLayer: WITH_LAYER,
      labels: WITH_LAYER ? LABELS : 0,
      measuredMs: t1 - t0,
      frames: [...frames.values()]
        .sort((a, b) => a.ts - b.ts)
        .map((f) => ({ ...f, start: Number.isFinite(f.start) ? f.start : undefined })),
      calls,
      renders,
      views,
      placements,
      callbacks,
      problems,
    };
  }

  /**
   * Single zoom steps, as the Zoom in / Zoom out buttons make them (viewer.zoomIn(), zoomOut()), with
   * idle frames between: in which frame after the call the picture is drawn, pv-view-change fires
   * and the labels are placed for the new zoom.
   */
  async function steps(count = 6, gap = 12) {
    const { viewer } = await ready;
    viewer.fit();
    await waitFrames(10);
    const ticks = [];
    let ticking = true;
    const tick = (ts) => {
      ticks.push(ts);
      if (ticking) nativeRaf(tick);
    };
    nativeRaf(tick);
    frames = new Map();
    renders = [];
    views = [];
    placements = [];
    callbacks = [];
    lastDrawn = -1;
    lastPlaced = -1;
    recording = true;
    const made = [];
    for (let i = 0; i < count; i += 1) {
      await new Promise((resolve) => {
        explicitTag = 'bench';
        requestAnimationFrame((ts) => {
          const t = performance.now();
          explicitTag = 'render';
          if (i % 2 === 0) viewer.zoomIn();
          else viewer.zoomOut();
          explicitTag = null;
          cameraIndex = 1000 + i;
          made.push({ index: cameraIndex, ts, t });
          resolve();
        });
        explicitTag = null;
      });
      await waitFrames(gap);
    }
    recording = false;
    ticking = false;
    cameraIndex = -1;
    const frameOf = (ts) => ticks.indexOf(ts);
    return made.map((step) => {
      const at = frameOf(step.ts);
      const draw = renders.find((r) => r.index >= step.index);
      const view = views.find((v) => v.index >= step.index);
      const placed = placements.find((p) => p.index >= step.index);
      return {
        draw: draw ? frameOf(draw.ts) - at : undefined,
        view: view ? frameOf(view.ts) - at : undefined,
        placed: placed ? frameOf(placed.ts) - at : undefined,
        drawMs: draw ? draw.t - step.t : undefined,
        placedMs: placed ? placed.end - step.t : undefined,
      };
    });
  }

  /** Where the tags are, fitted and zoomed in 2x (layout reads; after the measurement). */
  async function check() {
    const { viewer, layer } = await ready;
    viewer.fit();
    await waitFrames(8);
    const fitted = checkTags(viewer, layer);
    viewer._view.zoomBy(2);
    viewer.requestUpdate();
    await waitFrames(8);
    const zoomed = checkTags(viewer, layer);
    viewer.fit();
    await waitFrames(2);
    const { initialZoom } = await ready;
    return { initialZoom, fitted, zoomed, problems };
  }

  window.__labelsBench = {
    ready: ready.then(({ renderer }) => ({ renderer, problems })),
    warmUp,
    measure,
    steps,
    check,
    problems,
  };
})();
