/**
 * Size budgets (gzip) for the script-tag build, checked by size-limit. After `npm run build`, run
 * `npm run size`; test/node/portal.test.mjs runs it on a fresh build (PV_CDN_DIR). The groups come
 * from the built files' imports (scripts/bundle-graph.mjs), so a new chunk is counted where it loads.
 *
 * Measured on 2026-11-22 (Lit 3.3, Cornerstone3D 5.14), gzip level 9: shell 18.8 kB (19.1 kB once it started the engine download early), viewer and
 * labels 81.0 kB, imaging engine 1,023.3 kB. (Before the shell was split off, the script-tag entry
 * alone was 42 kB: every element and Lit up front.) Why these limits:
 * - Shell, 25 kB: the budget for everything before the patient agrees to see an image.
 * - Viewer and labels, 90 kB: about 15% over today's; the validator (zod, 29.5 kB) and the glossary
 *   (17 kB) are most of it and load only for a page with labels.
 * - Glossary, 85 kB (added 2026-12-07, measured 75.5 kB): the glossary grew from 291 to about 1,000
 *   entries for real report language (issue 13), so its data moved to a chunk of its own that the
 *   layer and `<lay-report>` load only when they have words to explain; the layer's own chunk holds
 *   only the matcher (src/lay/term-matcher.ts). About 12% headroom for new entries.
 * - Imaging engine, 1,075 kB: about 5% over today's, for Cornerstone patch releases. It fails on the
 *   regressions seen on this platform: vtk.js's XML reader coming back (+81 kB, PLATFORM.md) or a
 *   namespace import of the Cornerstone packages (+3 MB).
 * - Study list, 8 kB (added 2026-12-07, measured 6.4 kB): a viewer given a study without a series
 *   lists its series (issue 16, src/study/); only such a viewer loads it, so it has a group of its
 *   own like the glossary. About 25% headroom.
 * - Editor, 40 kB (added 2026-12-07, issue 18): the clinicians' editor; only a page with a
 *   `<lay-annotation-editor>` loads it. What it shares with the viewer and layer is counted there.
 * 2026-12-07, issue 15: the poster frame (src/poster/) brought the shell to 24.999 kB and the viewer to
 * 89.2 kB. The consent step now carries only its own words (src/lay/messages-consent.ts, checked by
 * test/node/layers.test.mjs): shell 22.3 kB, the rest of the catalogue (3.2 kB) moving to the
 * elements; and the Welsh glossary (5.9 kB, loaded with the glossary and only on a Welsh page) is
 * counted with the glossary: elements 86.5 kB, glossary 80.4 kB.
 * 2026-12-07, issues 15-17: viewer and labels raised from 90 to 95 kB, measured 92.4 kB. What it
 *   gained: the catalogue words the consent step does not use (3.7 kB, out of the shell, which fell
 *   from 25.0 to 23.6 kB: before and after consent together, the same bytes), the poster frame
 *   (src/poster/, about 3 kB: the first picture about a third sooner on the phone profile), the NHS App, keeping a copy
 *   and sharing (src/platform/, 1.7 kB of it only when the patient saves an image), carers' words
 *   and sign-out. The next saving is the annotation validator (zod, 25.5 kB of this group): zod's
 *   `zod/mini` build would cut most of it.
 * 2026-12-07, issue 16 (small pictures): study list raised from 8 to 10 kB, measured 8.9 kB. What it
 *   gained: each small picture in its image's own proportions (the series' middle image found with
 *   one instance search, then asked for at its own shape: Orthanc squashed a 640 x 480 ultrasound to
 *   96 x 96; about 0.75 kB with the loader of the chunk below), and, for a server with neither
 *   `/rendered` nor `/thumbnail`, the image drawn in the page by the poster code (src/study/drawn-thumb.ts,
 *   0.65 kB, a chunk of its own loaded only then, counted here by scripts/bundle-graph.mjs; the
 *   poster and the file reader it uses are already in the viewer's chunk). About 12% headroom.
 * 2026-12-07, issue 16 (small pictures from a static tree's frames): study list measured 9.99 kB, within
 *   the 10 kB (9.28 kB before). The drawn-thumb chunk (0.62 to 1.35 kB) now holds the whole fallback:
 *   the file, else the instance's DICOM JSON and one frame read by the poster's own code
 *   (src/study/frame-file.ts: header values from JSON, `frameSource` in src/poster/read.ts, shared with
 *   the Part 10 path; the viewer group gained 0.17 kB for that split). No headroom is left here: the
 *   next addition to the study list needs a saving or a raised limit.
 * 2026-12-07, issue 18 merged with it: study list raised from 10 to 10.5 kB, measured 10.2 kB. The
 *   multipart reader (src/sources/multipart.ts, 0.4 kB) is now shared with the editor's drafts from
 *   DICOMweb, so it is a chunk of its own counted in both groups (the same bytes downloaded once);
 *   within drawn-thumb it was 0.2 kB. About 3% headroom.
 * The build's precompressed copies (`x.js.br`, `x.js.gz`, vite.config.ts's pv-precompress) are not
 * counted: the groups list only the `.js` files, and size-limit gzips those itself.
 */
import { join } from 'node:path';
import { cdnGroups } from './scripts/bundle-graph.mjs';

const dir = process.env.PV_CDN_DIR || 'dist/cdn';
const groups = cdnGroups(dir);
const paths = (files) => files.map((file) => join(dir, file));

export default [
  {
    name: 'Shell: everything loaded before the patient agrees to see an image',
    path: paths(groups.shell),
    gzip: true,
    limit: '25 kB',
  },
  {
    name: 'Viewer and labels: loaded once the patient agrees',
    path: paths(groups.elements),
    gzip: true,
    limit: '95 kB',
  },
  {
    name: 'Glossary: about 1,000 report words and their meanings, loaded when labels or a report need them',
    path: paths(groups.glossary),
    gzip: true,
    limit: '85 kB',
  },
  // --- issue 18 editor ---
  {
    name: 'Editor: the clinicians\u2019 <lay-annotation-editor>, never loaded by a patient\u2019s page',
    path: paths(groups.editor),
    gzip: true,
    limit: '40 kB',
  },
  {
    name: 'Study list: a study\'s series as plain choices, loaded only for a study given without a series',
    path: paths(groups.study),
    gzip: true,
    limit: '10.5 kB',
  },
  {
    name: 'Imaging engine: Cornerstone3D, DICOM loader, decode worker (no codecs)',
    path: paths(groups.imaging),
    gzip: true,
    limit: '1075 kB',
  },
];
