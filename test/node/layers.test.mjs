/**
 * How the code is laid out (README, "How the code is laid out"): the arrows between the parts of
 * `src/` point down, and the "nevers" hold. Read from the import statements of every file in `src/`
 * (static, `export ... from` and dynamic `import()`, type-only ones too), with a regex: no build.
 *
 *   entries (index.ts, define.ts, cdn.ts, clear-all.ts, cdn/)
 *     -> components/ (the elements)
 *       -> controllers/
 *         -> engine/ sources/ annotations/ disclosure/ questions/ events/ lay/ report/ styles/
 *
 * - Only `engine/` imports Cornerstone (`@cornerstonejs/*`), at run time only by dynamic import, all
 *   from one file (type imports are free: they vanish from the build).
 * - Controllers never import elements.
 * - `lay/`, `sources/`, `annotations/`, `events/` (and every other part below the controllers) never
 *   import elements or controllers; nothing below imports upward.
 * - Only entries and controllers import `engine/`: a page that shows only text never loads it.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

/** Each part of `src/` and its floor: an import may go to the same floor or lower, never higher. */
const FLOORS = {
  entry: 3,
  components: 2,
  // Issue 16: the study list a viewer loads (dynamic import) when given a study alone; the elements' floor.
  study: 2,
  controllers: 1,
  engine: 0,
  sources: 0,
  annotations: 0,
  disclosure: 0,
  questions: 0,
  events: 0,
  lay: 0,
  report: 0,
  styles: 0,
  // The poster frame (issue 15): a first picture drawn without the engine.
  poster: 0,
  // The NHS App (issue 17): finding its script, saving files, its back button; drawing a saved picture.
  platform: 0,
  // Registration's guard (tolerates the library loaded twice), used by the elements' define.ts files.
  'define-once': 0,
};

/**
 * Imports that break a rule today, each with its reason, to be removed when fixed. The check fails
 * when one of these no longer happens, so the list cannot go stale.
 */
/** @type {Map<string, string>} */
const KNOWN = new Map([]);

/** The part of `src/` a file belongs to. */
function partOf(file) {
  const [first, ...rest] = relative(src, file).split(sep);
  if (rest.length === 0) {
    if (['index.ts', 'define.ts', 'cdn.ts', 'clear-all.ts'].includes(first)) return 'entry';
    return first.replace(/\.ts$/, '');
  }
  if (first === 'cdn') return 'entry';
  // CSS themes import nothing.
  if (first === 'themes') return 'styles';
  return first;
}

function sourceFiles(dir = src) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every import in a file: where to, whether only types, whether dynamic. Comment lines are skipped. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  // `import ... from 'x'`, `export ... from 'x'` and `import 'x'`, written at the start of a line.
  const STATIC = /^[ \t]*(import|export)\s+(type\s+)?(?:([^;'"]*?)\s*from\s*)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(STATIC)) {
    // `export const x = ...` and the like are not imports.
    if (match[1] === 'export' && match[3] === undefined) continue;
    const names = match[3] ?? '';
    const typeOnly = Boolean(match[2]) || (/^\{[^}]*\}$/.test(names.trim()) && names.split(',').every((n) => /^\s*\{?\s*(type\s|\}|$)/.test(n)));
    found.push({ specifier: match[4], typeOnly, dynamic: false });
  }
  for (const line of text.split('\n')) {
    if (/^\s*(\*|\/\/|\/\*)/.test(line)) continue;
    for (const match of line.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: match[1], typeOnly: false, dynamic: true });
  }
  return found;
}

const name = (file) => relative(root, file).split(sep).join('/');

/** Every import of a file in src/ to another file in src/ or to a package. */
function graph() {
  return sourceFiles().flatMap((file) =>
    importsOf(file).map(({ specifier, typeOnly, dynamic }) => {
      const local = specifier.startsWith('.');
      const target = local ? join(dirname(file), specifier).replace(/\.js$/, '.ts') : undefined;
      return { from: file, fromPart: partOf(file), specifier, target, toPart: target ? partOf(target) : undefined, typeOnly, dynamic };
    }),
  );
}

const edges = graph();

/** The broken rules: `from -> to` with the rule, less the known ones (checked apart). */
function check(rule, broken) {
  const found = broken.map((e) => `${name(e.from)} -> ${e.target ? name(e.target) : e.specifier}`);
  const unknown = found.filter((edge) => !KNOWN.has(edge));
  assert.deepEqual(unknown, [], `${rule}:\n  ${unknown.join('\n  ')}`);
  return found;
}

const seenKnown = new Set();

test('the import graph was read: every file of src/ in a known part', () => {
  assert.ok(edges.length > 100, `only ${edges.length} imports found: the regex no longer reads the code`);
  const parts = new Set(sourceFiles().map(partOf));
  const unplaced = [...parts].filter((part) => !(part in FLOORS));
  assert.deepEqual(unplaced, [], `a new part of src/ (${unplaced.join(', ')}): give it a floor in FLOORS here, and a line in the README`);
});

test('only engine/ imports Cornerstone, at run time by dynamic import only, from one file', () => {
  const cornerstone = edges.filter((e) => e.specifier.startsWith('@cornerstonejs/'));
  assert.ok(cornerstone.length > 0, 'no Cornerstone import found at all');
  check('Cornerstone imported outside src/engine/', cornerstone.filter((e) => e.fromPart !== 'engine'));
  check('Cornerstone imported statically (a page would download it at once)', cornerstone.filter((e) => !e.typeOnly && !e.dynamic));
  const loaders = new Set(cornerstone.filter((e) => e.dynamic).map((e) => name(e.from)));
  assert.equal(loaders.size, 1, `Cornerstone is loaded from more than one place: ${[...loaders].join(', ')}`);
});

test('controllers never import elements', () => {
  const broken = check(
    'a controller imports an element (use a small interface such as ViewerLike, or a context)',
    edges.filter((e) => e.fromPart === 'controllers' && e.toPart === 'components'),
  );
  for (const edge of broken) seenKnown.add(edge);
});

test('lay/, sources/, annotations/, events/ and every part below the controllers never import elements or controllers', () => {
  check(
    'a lower part imports an element or a controller',
    edges.filter((e) => e.target && FLOORS[e.fromPart] === 0 && (e.toPart === 'components' || e.toPart === 'controllers')),
  );
});

test('nothing imports upward: entries, then elements, then controllers, then the rest', () => {
  const broken = check(
    'an import goes up a floor',
    edges.filter((e) => e.target && FLOORS[e.toPart] !== undefined && FLOORS[e.fromPart] < FLOORS[e.toPart]),
  );
  for (const edge of broken) seenKnown.add(edge);
});

test('only entries and controllers import engine/ (so a page of text never loads the imaging engine)', () => {
  check(
    'engine/ imported by a part that should not know it',
    edges.filter((e) => e.toPart === 'engine' && !['entry', 'controllers', 'engine'].includes(e.fromPart)),
  );
});

test('every known exception still happens (remove the ones that were fixed)', () => {
  const stale = [...KNOWN.keys()].filter((edge) => !seenKnown.has(edge));
  assert.deepEqual(stale, [], 'fixed: remove from KNOWN in test/node/layers.test.mjs');
});

test('the shell (src/cdn.ts and what it imports at once) never imports the whole message catalogue', () => {
  // The consent step loads before the patient agrees, in a 25 kB shell: it carries only its own
  // words (lay/messages-consent.ts); the rest of the catalogue (lay/messages.ts) comes with the elements.
  const catalogue = join(src, 'lay', 'messages.ts');
  const seen = new Set([join(src, 'cdn.ts')]);
  const queue = [...seen];
  const path = new Map();
  while (queue.length > 0) {
    const file = queue.shift();
    for (const e of edges) {
      if (e.from !== file || !e.target || e.typeOnly || e.dynamic || seen.has(e.target)) continue;
      seen.add(e.target);
      path.set(e.target, file);
      queue.push(e.target);
    }
  }
  assert.ok(seen.has(join(src, 'components', 'finding-disclosure', 'finding-disclosure.ts')), 'the shell graph was read: it holds the consent step');
  const chain = [];
  for (let at = catalogue; at && seen.has(catalogue); at = path.get(at)) chain.unshift(name(at));
  assert.deepEqual(chain, [], `the shell imports lay/messages.ts: ${chain.join(' <- ')}`);
});
