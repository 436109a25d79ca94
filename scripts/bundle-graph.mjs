/**
 * The script-tag build's module graph, read from the built files: which files load before the
 * patient agrees to see an image (the entry and everything it imports statically), and which
 * files a chunk pulls in with it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Relative files a built chunk imports statically (`import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`). */
export function staticImports(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const found = new Set();
  for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^'"`()]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    const target = normalize(join(dirname(file), match[1]));
    if (existsSync(join(dir, target))) found.add(relative('.', target));
  }
  return [...found];
}

/** `file` and every file it imports statically, directly or not. */
export function staticClosure(dir, file) {
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    for (const target of staticImports(dir, queue.shift())) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].sort();
}

/** The files of `dir` (relative, `/`-separated) whose path matches `pattern`. */
function filesMatching(dir, pattern) {
  return readdirSync(dir, { recursive: true })
    .map((file) => String(file).split(sep).join('/'))
    .filter((file) => pattern.test(file));
}

/** Relative files a built chunk imports dynamically (`import(\`./x.js\`)`). */
export function dynamicImports(dir, file) {
  const code = readFileSync(join(dir, file), 'utf8');
  const found = new Set();
  for (const match of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) {
    const target = normalize(join(dirname(file), match[1]));
    if (existsSync(join(dir, target))) found.add(relative('.', target));
  }
  return [...found];
}

/** Every file reachable from `roots` through static and dynamic imports, without entering `stops`. */
function reachable(dir, roots, stops) {
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const target of [...staticImports(dir, file), ...dynamicImports(dir, file)]) {
      if (!seen.has(target) && !stops.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/**
 * The script-tag build (`dist/cdn`, or `dir`) in the groups the size budget (.size-limit.mjs) checks,
 * as paths relative to `dir`:
 * - `shell`: what a page downloads before the patient agrees to see an image (the entry and its
 *   static imports);
 * - `imaging`: the imaging engine, loaded when a viewer is about to draw: Cornerstone3D core, its
 *   DICOM image loader, dicom-parser, the decode worker and our stack view (src/engine), without
 *   the codecs (each loads only for its own transfer syntax);
 * - `elements`: once the patient agrees, the viewer's and the layer's chunks and everything they
 *   load other than the imaging engine and the glossary (the message catalogue, the annotation
 *   validator, the Welsh words);
 * - `glossary`: the built-in glossary's data with `findTerms`, loaded when labels or a report have
 *   words to explain, and its Welsh meanings (loaded with it on a Welsh page);
 * - `study`: the list of a study's series (src/study/), loaded only by a viewer given a study
 *   without a series (issue 16), and the chunks only it loads (its small pictures drawn in the page);
 * - `editor`: the clinicians' `<lay-annotation-editor>` chunk and what it alone loads (issue 18). A
 *   patient's page never downloads it: it is reached from neither the viewer's nor the layer's chunk.
 */
export function cdnGroups(dir) {
  const entry = 'patient-image-viewer.js';
  if (!existsSync(join(dir, entry))) throw new Error(`No script-tag build in ${dir}: run \`npm run build\` first.`);
  const shell = staticClosure(dir, entry);
  const inShell = new Set(shell);
  const one = (pattern) => {
    const found = filesMatching(dir, pattern);
    if (found.length !== 1) throw new Error(`Expected one file matching ${pattern} in ${dir}, found ${found.length}`);
    return found[0];
  };
  const hashed = (name) => new RegExp(`^${name}-[\\w-]{8}\\.js$`);
  const imagingRoots = [
    one(hashed('chunks/cornerstone-core')),
    one(hashed('chunks/cornerstone-dicom-image-loader')),
    one(hashed('assets/decodeImageFrameWorker')),
    ...filesMatching(dir, hashed('chunks/engine')).filter((file) => !inShell.has(file)),
  ];
  const imaging = [...new Set(imagingRoots.flatMap((root) => staticClosure(dir, root)))].filter((file) => !inShell.has(file)).sort();
  const stops = new Set([...shell, ...imaging]);
  const reached = reachable(dir, [one(hashed('chunks/patient-image-viewer')), one(hashed('chunks/lay-annotation-layer'))], stops)
    .filter((file) => !stops.has(file))
    .sort();
  // The built-in glossary's data (about 1,000 entries) with findTerms: loaded only when a label
  // document or a report has words to explain, so it has a budget of its own.
  // (Named after the first module Rollup put in it: glossary.ts, or find-terms.ts.)
  const data = reached.filter((file) => hashed('chunks/glossary').test(file) || hashed('chunks/find-terms').test(file));
  if (data.length !== 1) throw new Error(`Expected one glossary chunk (chunks/glossary-*.js) in ${dir}, found ${data.length}`);
  // Its Welsh meanings (src/lay/glossary-cy.ts) load with it, and only on a Welsh page.
  const welsh = reached.filter((file) => hashed('chunks/glossary-cy').test(file));
  if (welsh.length !== 1) throw new Error(`Expected one Welsh glossary chunk (chunks/glossary-cy-*.js) in ${dir}, found ${welsh.length}`);
  const glossary = [...data, ...welsh];
  // The study list's chunk and what only it loads (src/study/drawn-thumb.ts): not counted with the elements.
  const studyChunk = reached.filter((file) => hashed('chunks/study-controller').test(file));
  const withoutStudy = new Set(reachable(dir, [one(hashed('chunks/patient-image-viewer')), one(hashed('chunks/lay-annotation-layer'))], new Set([...stops, ...studyChunk])));
  const study = reached.filter((file) => studyChunk.includes(file) || !withoutStudy.has(file));
  const elements = reached.filter((file) => !glossary.includes(file) && !study.includes(file));
  // --- issue 18 editor: what the editor's chunk loads beyond what a patient's page already has ---
  const patient = new Set([...stops, ...reached]);
  const editor = reachable(dir, [one(hashed('chunks/lay-annotation-editor'))], patient)
    .filter((file) => !patient.has(file))
    .sort();
  return { shell, elements, glossary, study, imaging, editor };
}
