/**
 * Code blocks the README offers to copy, so a check can run them exactly as written and the two can
 * never drift apart. A snippet is a fenced block directly after a marker line:
 *
 *     <!-- readme-snippet: vite.config.js -->
 *     ```js
 *     ...
 *     ```
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/platform.mjs';

/** Every marked snippet in README.md, by name. */
export function readmeSnippets(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const snippets = new Map();
  const pattern = /<!-- readme-snippet: ([^\s]+) -->\r?\n```[\w-]*\r?\n([\s\S]*?)\r?\n```/g;
  for (const [, name, code] of readme.matchAll(pattern)) {
    if (snippets.has(name)) throw new Error(`README.md has two snippets named ${name}`);
    snippets.set(name, `${code}\n`);
  }
  return snippets;
}

/** One snippet; throws when the README has none by that name. */
export function readmeSnippet(name) {
  const code = readmeSnippets().get(name);
  if (code === undefined) throw new Error(`README.md has no snippet marked <!-- readme-snippet: ${name} -->`);
  return code;
}
