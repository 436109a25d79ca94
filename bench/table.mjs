#!/usr/bin/env node
/**
 * Markdown tables from a `npm run bench` result, for READMEs:
 *
 *   node bench/table.mjs [bench/results/latest.json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? fileURLToPath(new URL('./results/latest.json', import.meta.url));
const result = JSON.parse(readFileSync(file, 'utf8'));
const { rows, ratios } = result;

const find = (q) => rows.find((r) => Object.entries(q).every(([k, v]) => r[k] === v));
const cell = (r, digits = 0) => {
  if (!r) return '-';
  if (r.median === undefined) return `failed${r.failure ? ` (${r.failure.replace(/\s*\(first run; not run again\)/, '').slice(0, 70)})` : ''}`;
  const f = (x) => x.toFixed(digits);
  return r.n > 1 ? `${f(r.median)} (${f(r.min)}–${f(r.max)})` : f(r.median);
};
const ratio = (name) => {
  const r = ratios.find((x) => x.name === name);
  if (!r || r.value === undefined) return '-';
  return `${r.value.toFixed(2)}${r.target === undefined ? '' : r.met ? ' ✓' : ' ✗'}`;
};
const FILES = { 'RG1_J2KI.dcm': 'chest X-ray, JPEG 2000', '693_UNCR.dcm': 'CT 512×512', 'MR2_UNCR.dcm': 'MR 1024×1024' };
const profiles = result.settings.profiles.map((p) => p.name);
const out = [];
const line = (cells) => out.push(`| ${cells.join(' | ')} |`);

out.push('**Time to first image**, ms, median (min–max) of ' + result.settings.runs + ' runs. Cold: navigation start → first frame, nothing cached. Warm: element added → first frame, engine loaded.');
out.push('');
line(['profile', 'file', 'phase', 'ours', 'bare Cornerstone3D', 'DWV', 'fetch + decode', 'ours / CS', 'ours / DWV', 'ours / lower bound']);
line(Array(10).fill('---'));
for (const profile of profiles) {
  for (const f of result.settings.files) {
    const lower = find({ section: 'lower-bound', file: f, profile, measure: 'fetch + parse + decode' });
    for (const phase of ['cold', 'warm']) {
      const q = (viewer) => find({ section: 'first-image', viewer, file: f, profile, phase });
      line([
        profile,
        `${f} (${FILES[f] ?? ''})`,
        phase,
        cell(q('ours')),
        cell(q('cornerstone')),
        cell(q('dwv')),
        cell(lower),
        ratio(`${profile} ${f} ${phase}: ours / Cornerstone3D`),
        ratio(`${profile} ${f} ${phase}: ours / DWV`),
        phase === 'warm' ? ratio(`${profile} ${f} warm: ours / lower bound`) : '',
      ]);
    }
  }
}
out.push('');
out.push('**First picture and interactive** (issue 15), ms, median (min–max). First picture: ours `pv-first-picture` (a poster frame drawn before the engine, or the live view for files with no poster); the others, their first draw. Interactive: ours `pv-load` with the engine drawn (the cold/warm rows above).');
out.push('');
line(['profile', 'file', 'phase', 'ours first picture', 'ours interactive', 'poster shown', 'bare Cornerstone3D', 'DWV', 'first picture ours / CS', 'first picture ours / DWV', 'interactive ours / CS']);
line(Array(11).fill('---'));
for (const profile of profiles) {
  for (const f of result.settings.files) {
    for (const phase of ['cold', 'warm']) {
      const q = (viewer, p = `${phase} first picture`) => find({ section: 'first-image', viewer, file: f, profile, phase: p });
      const poster = find({ section: 'first-image', viewer: 'ours', file: f, profile, phase: 'cold', measure: 'poster shown (share of runs)' });
      line([
        profile,
        `${f} (${FILES[f] ?? ''})`,
        phase,
        cell(q('ours')),
        cell(q('ours', phase)),
        phase === 'cold' && poster?.median !== undefined ? `${Math.round(poster.median * 100)}%` : '',
        cell(q('cornerstone')),
        cell(q('dwv')),
        phase === 'cold' ? ratio(`${profile} ${f} cold first picture: ours / Cornerstone3D`) : '',
        phase === 'cold' ? ratio(`${profile} ${f} cold first picture: ours / DWV`) : '',
        phase === 'cold' ? ratio(`${profile} ${f} cold interactive: ours / Cornerstone3D`) : '',
      ]);
    }
  }
}
out.push('');
out.push('✓ / ✗: the target (cold: ours/CS ≤ 0.6, ours/DWV ≤ 0.8; warm: ours/lower bound ≤ 1.3; scrolling: ours/CS ≥ 1; interactive: ours/CS ≤ 1).');
out.push('');
out.push(`**Scrolling** the ${result.settings.slices}-slice CT series, images cached, frames per second; **labels** (${result.settings.labels} labels, continuous zoom), ms per frame; phone = CPU 4×.`);
out.push('');
line(['profile', 'measure', 'ours', 'bare Cornerstone3D', 'ours / CS']);
line(Array(5).fill('---'));
for (const profile of profiles) {
  line([
    profile,
    'scrolling, frames per second',
    cell(find({ section: 'scroll', viewer: 'ours', profile, measure: 'frames per second' }), 1),
    cell(find({ section: 'scroll', viewer: 'cornerstone', profile, measure: 'frames per second' }), 1),
    ratio(`${profile} scrolling fps: ours / Cornerstone3D`),
  ]);
  for (const r of rows.filter((x) => x.section === 'labels' && x.profile === profile)) line([profile, `labels: ${r.measure}${r.unit === 'fps' ? '' : ' (ms)'}`, cell(r, 1), '', '']);
}
out.push('');
out.push('**Memory and bytes** (desktop)');
out.push('');
line(['measure', 'value']);
line(['---', '---']);
for (const r of rows.filter((x) => x.section === 'memory')) line([`${r.measure} (${r.unit})`, cell(r, 1)]);
for (const r of rows.filter((x) => x.section === 'bytes')) {
  const who = { ours: 'ours', cornerstone: 'bare Cornerstone3D', dwv: 'DWV' }[r.viewer] ?? r.viewer;
  line([`${who}: ${r.measure}${r.file !== '-' ? `, ${r.file}` : ''} (KiB, gzip)`, cell(r, 1)]);
}
const dicomweb = result.settings.dicomweb;
if (dicomweb?.skipped) {
  out.push('');
  out.push(`**DICOMweb**: skipped (${dicomweb.skipped}).`);
} else if (dicomweb) {
  out.push('');
  out.push(
    `**DICOMweb** (Orthanc ${dicomweb.orthanc}, DICOMweb plugin ${dicomweb.plugin ?? '?'}), ms, median (min–max) of ${result.settings.runs} runs: ours by study and series UID, ` +
      'from Orthanc with rendered pictures (R: the poster is the server\'s `.../frames/1/rendered`) and from the same server answering 404 to `.../rendered` (N); bare Cornerstone3D (wadors) from Orthanc. ' +
      'Cold: navigation start →; warm: element added → (engine loaded). Requests and KiB: before the first picture, medians (R / N).',
  );
  out.push('');
  line(['profile', 'series', 'phase', 'first picture R', 'first picture N', 'R / N', 'interactive R', 'interactive N', 'bare Cornerstone3D', 'poster shown R', 'requests R / N', 'DICOMweb requests R / N', 'KiB R / N', 'DICOMweb KiB R / N']);
  line(Array(14).fill('---'));
  const dw = (file, profile, server, phase, measure, viewer = 'ours') => find({ section: 'dicomweb', viewer, file, profile, server, phase, measure });
  const med = (r) => (r?.median === undefined ? '-' : r.median.toFixed(0));
  for (const profile of profiles) {
    for (const c of dicomweb.cases) {
      for (const phase of ['cold', 'warm']) {
        const from = phase === 'cold' ? 'navigation start' : 'element added';
        const r = dw(c.name, profile, 'rendered', phase, `${from} -> first picture`);
        const n = dw(c.name, profile, 'no rendered', phase, `${from} -> first picture`);
        const pair = (measure) => `${med(dw(c.name, profile, 'rendered', phase, measure))} / ${med(dw(c.name, profile, 'no rendered', phase, measure))}`;
        const poster = dw(c.name, profile, 'rendered', phase, 'poster shown (share of runs)');
        line([
          profile,
          `${c.name} (${c.label})`,
          phase,
          cell(r),
          cell(n),
          r?.median !== undefined && n?.median ? (r.median / n.median).toFixed(2) : '-',
          cell(dw(c.name, profile, 'rendered', phase, `${from} -> interactive`)),
          cell(dw(c.name, profile, 'no rendered', phase, `${from} -> interactive`)),
          cell(dw(c.name, profile, 'rendered', phase, `${from} -> interactive`, 'cornerstone')),
          poster?.median === undefined ? '-' : `${Math.round(poster.median * 100)}%`,
          pair('requests before first picture'),
          pair('DICOMweb requests before first picture'),
          pair('KiB before first picture'),
          pair('DICOMweb KiB before first picture'),
        ]);
      }
    }
  }
}
out.push('');
out.push(`Machine: ${result.machine.cores} cores (${result.machine.cpu}), ${result.machine.memoryGiB} GiB, no GPU (WebGL through SwiftShader), Node ${result.machine.node}, ${result.machine.chromium}; ${Math.round(result.seconds)} s in all.`);
out.push(`Load: \`${result.machine.uptimeBefore}\` before, \`${result.machine.uptimeAfter}\` after.`);
console.log(out.join('\n'));
