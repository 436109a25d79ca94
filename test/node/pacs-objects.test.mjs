/**
 * The PACS objects the editor's tests open (scripts/pacs-objects.mjs, written with dcmjs) are
 * real DICOM as DCMTK reads them: dsrdump reads the SR (TID 1500) and the KOS, dcmdump the GSPS.
 * Skipped, saying so, where DCMTK is not installed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GSPS_TEXT, OBSERVER_NAME, SR_FINDING, SR_SITE, XR_SOP, makeGsps, makeKos, makeSr } from '../../scripts/pacs-objects.mjs';

const has = (tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const dcmtk = has('dsrdump') && has('dcmdump');
const dir = mkdtempSync(join(tmpdir(), 'pv-pacs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name, buffer) => {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(buffer));
  return path;
};
const run = (tool, args) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the PACS objects for the editor\u2019s tests, as DCMTK reads them', { skip: dcmtk ? false : 'DCMTK (dsrdump, dcmdump) is not installed' }, () => {
  it('the SR is a TID 1500 measurement report with a point and an ellipse on the chest X-ray, and an observer name', () => {
    const out = run('dsrdump', ['-Ec', '+Pu', write('sr.dcm', makeSr())]);
    assert.match(out, /Comprehensive SR Document/);
    assert.match(out, /"Imaging Measurement Report"/);
    assert.match(out, new RegExp(`"${SR_FINDING}"`));
    assert.match(out, new RegExp(`"${SR_SITE}"`));
    assert.match(out, /POINT,160\/256/);
    assert.match(out, /ELLIPSE,216\/338/);
    assert.ok(out.includes(XR_SOP), 'the SCOORDs reference the chest X-ray');
    assert.ok(out.includes(OBSERVER_NAME), 'the SR names a person (the editor must never show it)');
    const tags = run('dcmdump', [join(dir, 'sr.dcm')]);
    assert.match(tags, /\[1500\]\s+#.*TemplateIdentifier/);
  });

  it('the KOS names the chest X-ray as a key image', () => {
    const out = run('dsrdump', ['-Ec', '+Pu', write('kos.dcm', makeKos())]);
    assert.match(out, /Key Object Selection Document/);
    assert.ok(out.includes(XR_SOP));
  });

  it('the GSPS has an arrow and a text on the chest X-ray', () => {
    const out = run('dcmdump', [write('gsps.dcm', makeGsps())]);
    assert.match(out, /GraphicAnnotationSequence/);
    assert.ok(out.includes(GSPS_TEXT));
    assert.match(out, /\[POLYLINE\]/);
    assert.match(out, /FL 150\\180\\110\\140/);
    assert.ok(out.includes(XR_SOP));
  });

  it('the hostile SR (an image not in the study, a point outside the image, nesting 30 deep) is still DICOM', () => {
    const out = run('dsrdump', [write('sr-hostile.dcm', makeSr({ hostile: true, depth: 30 }))]);
    assert.match(out, /Imaging Measurement Report/);
  });
});
