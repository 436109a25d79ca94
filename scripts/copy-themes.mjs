#!/usr/bin/env node
/**
 * Copies the themes (src/themes/*.css, plain stylesheets) into dist/themes, where the package
 * publishes them (`patient-image-viewer/themes/<name>.css`). Run by `npm run build:npm`.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const from = join(root, 'src', 'themes');
const to = join(root, 'dist', 'themes');
mkdirSync(to, { recursive: true });
const themes = readdirSync(from).filter((name) => name.endsWith('.css'));
for (const name of themes) copyFileSync(join(from, name), join(to, name));
console.log(`Copied ${themes.length} themes to dist/themes: ${themes.join(', ')}`);
