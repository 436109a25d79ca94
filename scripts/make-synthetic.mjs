#!/usr/bin/env node
/** Writes the synthetic study to demo/data/ (or the folder given). Safe to run again. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeChestRadiograph, makeCtSeries } from './synthetic.mjs';

/** Bumped when the pictures change, so an older study in demo/data is written again. */
const SYNTHETIC_VERSION = 2;

export function writeSyntheticStudy(dir = 'demo/data', { force = false } = {}) {
  const marker = join(dir, 'manifest.json');
  if (!force && existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8'));
    if (kept.version === SYNTHETIC_VERSION) return kept;
  }
  mkdirSync(dir, { recursive: true });
  const ct = makeCtSeries();
  for (const file of ct) writeFileSync(join(dir, file.name), new Uint8Array(file.buffer));
  const xr = makeChestRadiograph();
  writeFileSync(join(dir, xr.name), new Uint8Array(xr.buffer));
  const manifest = { version: SYNTHETIC_VERSION, ct: ct.map((f) => f.name), xray: xr.name };
  writeFileSync(marker, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'demo/data';
  const manifest = writeSyntheticStudy(dir, { force: true });
  console.log(`Wrote ${manifest.ct.length} CT slices and 1 radiograph to ${dir}`);
}
