/**
 * The hazard log (docs/clinical-safety/hazard-log.md) and the tests agree: every hazard names at
 * least one test; every named test exists in the file named, with the hazard's id in its title;
 * and every hazard id used in a test title is in the log.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const log = readFileSync(join(root, 'docs/clinical-safety/hazard-log.md'), 'utf8');

/** `## HAZ-001 Title` sections, each with its `- \`file\` › \`test title\`` lines. */
function hazards() {
  const sections = log.split(/^## (?=HAZ-\d{3}\b)/m).slice(1);
  return sections.map((section) => {
    const id = section.slice(0, 7);
    const title = section.split('\n', 1)[0].slice(8).trim();
    const tests = [...section.matchAll(/^- `(test\/[^`]+)` › `([^`]+)`\s*$/gm)].map((m) => ({ file: m[1], name: m[2] }));
    return { id, title, tests };
  });
}

function testFiles(dir = join(root, 'test')) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

test('the log has hazards, numbered in order without gaps', () => {
  const ids = hazards().map((h) => h.id);
  assert.ok(ids.length >= 7, `only ${ids.length} hazards`);
  ids.forEach((id, i) => assert.equal(id, `HAZ-${String(i + 1).padStart(3, '0')}`));
});

test('every hazard names at least one test', () => {
  for (const hazard of hazards()) assert.ok(hazard.tests.length > 0, `${hazard.id} (${hazard.title}) has no test`);
});

test('every test the log names exists, with the hazard id in its title', () => {
  for (const hazard of hazards()) {
    for (const { file, name } of hazard.tests) {
      let source;
      try {
        source = readFileSync(join(root, file), 'utf8');
      } catch {
        assert.fail(`${hazard.id}: ${file} does not exist`);
      }
      assert.ok(name.includes(`[${hazard.id}]`), `${hazard.id}: the test "${name}" does not carry [${hazard.id}] in its title`);
      // The title (or the fixed start of a generated one) as a test's first argument in that file.
      const calls = [...source.matchAll(/\bit\(\s*(['`"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2]);
      assert.ok(calls.some((title) => title.startsWith(name)), `${hazard.id}: no test in ${file} is titled "${name}…"`);
    }
  }
});

test('every hazard id in a test title is in the log', () => {
  const known = new Set(hazards().map((h) => h.id));
  for (const path of testFiles()) {
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/\bit\(\s*(['`"])((?:\\.|(?!\1).)*)\1/g)) {
      for (const id of match[2].matchAll(/\[(HAZ-\d{3})\]/g)) {
        assert.ok(known.has(id[1]), `${relative(root, path)}: "${match[2]}" names ${id[1]}, which is not in the hazard log`);
      }
    }
  }
});
