#!/usr/bin/env node
/**
 * `npm run measure:glossary`: how well the glossary reads the report corpus in test/lay/corpus/.
 * Prints coverage (share of report jargon explained), the jargon left unexplained, and every
 * misread of the hand-labelled phrases. test/lay/corpus.unit.test.ts asserts the same numbers in Chromium;
 * this is the readable printout. The TypeScript sources are bundled on the fly with esbuild (already
 * installed with Vite).
 */
import { build } from 'esbuild';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, 'test/lay/corpus');
const dir = mkdtempSync(join(tmpdir(), 'measure-glossary-'));
try {
  const outfile = join(dir, 'measure.mjs');
  await build({
    stdin: {
      contents: `export * from './measure.ts'; export { LABELLED } from './labelled.ts';`,
      resolveDir: corpus,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
  });
  const { measureCoverage, misreadsIn, LABELLED } = await import(pathToFileURL(outfile).href);
  const sentences = readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => readFileSync(join(corpus, name), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const coverage = measureCoverage(sentences);
  console.log(`Corpus: ${coverage.sentences} report sentences, ${coverage.jargon} jargon words.`);
  console.log(`Explained: ${coverage.explained} (${(coverage.share * 100).toFixed(1)}%).`);
  const left = [...coverage.unexplained].sort((a, b) => b[1] - a[1]);
  console.log(`Unexplained (${left.length} words): ${left.map(([w, n]) => (n > 1 ? `${w} ×${n}` : w)).join(', ')}`);
  let misreads = 0;
  for (const item of LABELLED) {
    for (const problem of misreadsIn(item)) {
      misreads++;
      console.log(`MISREAD in "${item.text}": ${problem}`);
    }
  }
  console.log(`Labelled phrases: ${LABELLED.length} cases, ${misreads} misreads.`);
  process.exitCode = misreads ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
