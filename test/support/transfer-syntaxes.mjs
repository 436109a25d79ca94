/**
 * Copies of the synthetic radiograph in every transfer syntax DCMTK (Debian's `dcmtk`) can write,
 * for the decoding tests. Each copy names the uncompressed file it must look like.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const VARIANTS = [
  { name: 'ts-implicit.dcm', uid: '1.2.840.10008.1.2', what: 'Implicit VR Little Endian', tool: 'dcmconv', args: ['+ti'], base: 'chest-xray.dcm' },
  { name: 'ts-big-endian.dcm', uid: '1.2.840.10008.1.2.2', what: 'Explicit VR Big Endian', tool: 'dcmconv', args: ['+tb'], base: 'chest-xray.dcm' },
  { name: 'ts-deflate.dcm', uid: '1.2.840.10008.1.2.1.99', what: 'Deflated Explicit VR Little Endian', tool: 'dcmconv', args: ['+td'], base: 'chest-xray.dcm' },
  { name: 'ts-jpeg-baseline.dcm', uid: '1.2.840.10008.1.2.4.50', what: 'JPEG Baseline (8-bit)', tool: 'dcmcjpeg', args: ['+eb'], base: 'chest-xray-8bit.dcm' },
  { name: 'ts-jpeg-extended.dcm', uid: '1.2.840.10008.1.2.4.51', what: 'JPEG Extended (12-bit)', tool: 'dcmcjpeg', args: ['+ee'], base: 'chest-xray.dcm' },
  { name: 'ts-jpeg-lossless.dcm', uid: '1.2.840.10008.1.2.4.57', what: 'JPEG Lossless', tool: 'dcmcjpeg', args: ['+el'], base: 'chest-xray.dcm' },
  { name: 'ts-jpeg-lossless-sv1.dcm', uid: '1.2.840.10008.1.2.4.70', what: 'JPEG Lossless, first-order prediction', tool: 'dcmcjpeg', args: ['+e1'], base: 'chest-xray.dcm' },
  { name: 'ts-jpeg-ls.dcm', uid: '1.2.840.10008.1.2.4.80', what: 'JPEG-LS Lossless', tool: 'dcmcjpls', args: ['+el'], base: 'chest-xray.dcm' },
  { name: 'ts-jpeg-ls-near.dcm', uid: '1.2.840.10008.1.2.4.81', what: 'JPEG-LS Near-lossless', tool: 'dcmcjpls', args: ['+en'], base: 'chest-xray.dcm' },
  { name: 'ts-rle.dcm', uid: '1.2.840.10008.1.2.5', what: 'RLE Lossless', tool: 'dcmcrle', args: [], base: 'chest-xray.dcm' },
];

/** Write the copies into `dir` (which holds the uncompressed bases). */
export function writeTransferSyntaxVariants(dir) {
  const missing = [...new Set(VARIANTS.map((v) => v.tool))].filter((tool) => spawnSync('which', [tool]).status !== 0);
  if (missing.length > 0) {
    return { available: false, reason: `DCMTK is not installed (no ${missing.join(', ')}). Install it with: sudo apt-get install -y dcmtk`, variants: [] };
  }
  const made = [];
  for (const variant of VARIANTS) {
    const out = join(dir, variant.name);
    const result = spawnSync(variant.tool, [...variant.args, join(dir, variant.base), out], { encoding: 'utf8' });
    if (result.status !== 0 || !existsSync(out)) {
      throw new Error(`${variant.tool} ${variant.args.join(' ')} failed: ${result.stderr || result.stdout}`);
    }
    made.push({ name: variant.name, uid: variant.uid, what: variant.what, base: variant.base });
  }
  return { available: true, variants: made };
}
