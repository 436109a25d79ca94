/**
 * The awkward-but-valid DICOM files real archives hold (issue 14), made when the test server starts
 * from synthetic pixels (dcmjs) and DCMTK/GDCM/libjxl tools, each with DCMTK's own rendering of it
 * (dcmj2pnm, with the file's own window or VOI LUT function) written beside it as a PNG. Nothing
 * here is committed as a binary; every value is made up.
 *
 * Each case: { name, what, reference?: PNG name, error?: the pv-error type expected, tools: [...] }.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { SYNTHETIC_PATIENT } from '../../scripts/synthetic.mjs';

const { DicomDict, DicomMetaDictionary } = dcmjs.data;
const ROOT = '2.25.99887766554433221100';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
let uidCount = 0;
const uid = () => `${ROOT}.${++uidCount}`;

/** A Part 10 file from a naturalized dataset (dcmjs), in Explicit VR Little Endian. */
function part10(dataset, transferSyntax = EXPLICIT_LE) {
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: transferSyntax,
    ImplementationClassUID: `${ROOT}.99`,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

function base(extra) {
  return {
    ...SYNTHETIC_PATIENT,
    SpecificCharacterSet: 'ISO_IR 100',
    StudyInstanceUID: uid(),
    SeriesInstanceUID: uid(),
    SOPInstanceUID: uid(),
    StudyDate: '20260101',
    InstanceNumber: '1',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    PixelRepresentation: 0,
    BurnedInAnnotation: 'NO',
    ...extra,
  };
}

/** A chest-like grey picture, `rows` x `columns`, values 0..1 (asymmetric, so flips show). */
function chest(columns, rows) {
  const out = new Float32Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const u = x / columns;
      const v = y / rows;
      let g = 0.1;
      const bx = (u - 0.5) / 0.42;
      const by = (v - 0.55) / 0.46;
      if (bx * bx + by * by < 1) g = 0.55;
      for (const side of [-1, 1]) {
        const lx = (u - 0.5 - side * 0.19) / 0.14;
        const ly = (v - 0.48) / 0.3;
        if (lx * lx + ly * ly < 1) g = 0.25 + 0.1 * v;
      }
      const hx = (u - 0.56) / 0.12;
      const hy = (v - 0.66) / 0.13;
      if (hx * hx + hy * hy < 1) g = 0.7;
      if (Math.abs(u - 0.5) < 0.03) g = 0.85;
      if (u > 0.8 && v < 0.12) g = 1; // a bright block top right (tells left from right)
      out[y * columns + x] = g;
    }
  }
  return out;
}

/** A colour picture: red, green, blue and yellow blocks over a grey gradient. */
function colour(columns, rows) {
  const rgb = new Uint8Array(rows * columns * 3);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const u = x / columns;
      const v = y / rows;
      let c = [Math.round(40 + 150 * u), Math.round(40 + 150 * u), Math.round(40 + 150 * u)];
      if (u > 0.1 && u < 0.4 && v > 0.1 && v < 0.4) c = [220, 30, 30];
      if (u > 0.6 && u < 0.9 && v > 0.1 && v < 0.4) c = [30, 200, 40];
      if (u > 0.1 && u < 0.4 && v > 0.6 && v < 0.9) c = [30, 40, 220];
      if (u > 0.6 && u < 0.9 && v > 0.6 && v < 0.9) c = [230, 220, 30];
      rgb.set(c, (y * columns + x) * 3);
    }
  }
  return rgb;
}

const US_IMAGE = '1.2.840.10008.5.1.4.1.1.6.1';
const US_MULTIFRAME = '1.2.840.10008.5.1.4.1.1.3.1';
const DX_IMAGE = '1.2.840.10008.5.1.4.1.1.1.1';
const CT_IMAGE = '1.2.840.10008.5.1.4.1.1.2';
const MG_IMAGE = '1.2.840.10008.5.1.4.1.1.1.2';

function grey8(columns, rows, extra = {}) {
  const g = chest(columns, rows);
  return base({
    SOPClassUID: US_IMAGE,
    Modality: 'US',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelData: Uint8Array.from(g, (v) => Math.round(v * 255)).buffer,
    _vrMap: { PixelData: 'OB' },
    ...extra,
  });
}

function grey12(columns, rows, extra = {}) {
  const g = chest(columns, rows);
  return base({
    SOPClassUID: DX_IMAGE,
    Modality: 'DX',
    Rows: rows,
    Columns: columns,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    WindowCenter: '2048',
    WindowWidth: '4096',
    PixelData: Uint16Array.from(g, (v) => Math.round(200 + v * 3600)).buffer,
    _vrMap: { PixelData: 'OW' },
    ...extra,
  });
}

function rgbImage(columns, rows, extra = {}) {
  return base({
    SOPClassUID: US_IMAGE,
    Modality: 'US',
    Rows: rows,
    Columns: columns,
    SamplesPerPixel: 3,
    PhotometricInterpretation: 'RGB',
    PlanarConfiguration: 0,
    BitsAllocated: 8,
    BitsStored: 8,
    HighBit: 7,
    PixelData: colour(columns, rows).buffer,
    _vrMap: { PixelData: 'OB' },
    ...extra,
  });
}

/** Native YBR_FULL_422: Y1 Y2 Cb Cr for each pair of pixels in a row (PS3.5 8.2.1), 2 bytes a pixel. */
function ybrFull422(columns, rows) {
  const rgb = colour(columns, rows);
  const out = new Uint8Array(rows * columns * 2);
  const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
  let o = 0;
  for (let i = 0; i < rows * columns; i += 2) {
    const y = [];
    let cb = 0;
    let cr = 0;
    for (const p of [i, i + 1]) {
      const [r, g, b] = [rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]];
      y.push(clamp(0.299 * r + 0.587 * g + 0.114 * b));
      cb += (-0.1687 * r - 0.3313 * g + 0.5 * b + 128) / 2;
      cr += (0.5 * r - 0.4187 * g - 0.0813 * b + 128) / 2;
    }
    out[o++] = y[0];
    out[o++] = y[1];
    out[o++] = clamp(cb);
    out[o++] = clamp(cr);
  }
  return out;
}

/** Replace the file's Pixel Data (the last element) with encapsulated fragments, and its transfer syntax. */
function encapsulate(dataset, transferSyntax, fragments) {
  const { PixelData: _omit, ...rest } = dataset;
  const head = part10({ ...rest, _vrMap: {} }, transferSyntax);
  const parts = [head];
  const element = new DataView(new ArrayBuffer(12));
  element.setUint16(0, 0x7fe0, true);
  element.setUint16(2, 0x0010, true);
  element.setUint8(4, 0x4f); // O
  element.setUint8(5, 0x42); // B
  element.setUint32(8, 0xffffffff, true);
  parts.push(new Uint8Array(element.buffer));
  const item = (length) => {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint16(0, 0xfffe, true);
    view.setUint16(2, 0xe000, true);
    view.setUint32(4, length, true);
    return new Uint8Array(view.buffer);
  };
  parts.push(item(0)); // empty Basic Offset Table
  for (const fragment of fragments) {
    const even = fragment.length % 2 ? Uint8Array.from([...fragment, 0]) : fragment;
    parts.push(item(even.length), even);
  }
  const end = new DataView(new ArrayBuffer(8));
  end.setUint16(0, 0xfffe, true);
  end.setUint16(2, 0xe0dd, true);
  parts.push(new Uint8Array(end.buffer));
  return Buffer.concat(parts);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function run(tool, args) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result;
}

/** Tools each case needs, by Debian package. */
const PACKAGES = { dcmconv: 'dcmtk', dcmcjpeg: 'dcmtk', dcmcjpls: 'dcmtk', dcmj2pnm: 'dcmtk', gdcmraw: 'libgdcm-tools', gdcmconv: 'libgdcm-tools', cjxl: 'libjxl-tools' };

/**
 * Write every case file and its reference rendering into `dir`. A case whose tool is missing is
 * listed with `missing` (its tests say so and skip).
 */
export function writeDicomCases(dir) {
  const has = Object.fromEntries(Object.keys(PACKAGES).map((tool) => [tool, spawnSync('which', [tool]).status === 0]));
  const cases = [];
  const file = (name) => join(dir, name);
  const write = (name, bytes) => writeFileSync(file(name), bytes);
  /** DCMTK's rendering: dcmj2pnm with `args` (the file's own first window by default) to PNG. */
  const reference = (name, from, args = ['+Wi', '1']) => {
    run('dcmj2pnm', ['+on', '-il', ...args, file(from), file(name)]);
    return name;
  };
  const add = (entry, tools, make) => {
    const missing = tools.filter((tool) => !has[tool]).map((tool) => `${tool} (Debian package ${PACKAGES[tool]})`);
    if (missing.length > 0) {
      cases.push({ ...entry, missing: `not installed: ${missing.join(', ')}` });
      return;
    }
    cases.push({ ...entry, ...make() });
  };

  // --- RT Image: a portal X-ray, with a tiny rescale slope and no window.
  const rtImage = (extra = {}) => {
    const g = chest(256, 256);
    return part10(
      base({
        ...extra,
        SOPClassUID: '1.2.840.10008.5.1.4.1.1.481.1',
        Modality: 'RTIMAGE',
        RTImageLabel: 'PORTAL',
        RTImagePlane: 'NORMAL',
        ImageType: ['ORIGINAL', 'PRIMARY', 'PORTAL'],
        Rows: 256,
        Columns: 256,
        BitsAllocated: 16,
        BitsStored: 16,
        HighBit: 15,
        RescaleSlope: '5.6E-06',
        RescaleIntercept: '0',
        RescaleType: 'US',
        PixelData: Uint16Array.from(g, (v) => Math.round(8000 + v * 50000)).buffer,
        _vrMap: { PixelData: 'OW' },
      }),
    );
  };
  const part10RtWithWindow = () => rtImage({ WindowCenter: '0.18', WindowWidth: '0.25' });
  add({ name: 'rt-image.dcm', what: 'RT Image (portal X-ray), rescale slope 5.6E-06, no window' }, ['dcmj2pnm'], () => {
    write('rt-image.dcm', rtImage());
    // DCMTK's own min-max window refuses a width under 1 (here 0.28) and draws black; the stored
    // values drawn min-max are the same picture (the slope is positive, the intercept 0).
    return { reference: reference('rt-image.png', 'rt-image.dcm', ['-M', '+Wm']) };
  });

  // ...and one with a window in its rescaled units (0.18 / 0.25: under 1 wide). DCMTK refuses such a
  // window; its rendering of the stored values with the same window in stored units is the picture.
  add({ name: 'rt-image-window.dcm', what: 'RT Image with a window under 1 wide (centre 0.18, width 0.25)' }, ['dcmj2pnm'], () => {
    write('rt-image-window.dcm', part10RtWithWindow());
    return { reference: reference('rt-image-window.png', 'rt-image-window.dcm', ['-M', '+Ww', String(0.18 / 5.6e-6), String(0.25 / 5.6e-6)]) };
  });

  // --- Retired JPEG processes (12-bit spectral selection .53, progressive .55).
  write('chest-12.dcm', part10(grey12(256, 256)));
  reference('chest-12.png', 'chest-12.dcm');
  for (const [name, flag, ts] of [
    ['jpeg-53.dcm', '+es', '1.2.840.10008.1.2.4.53'],
    ['jpeg-55.dcm', '+ep', '1.2.840.10008.1.2.4.55'],
  ]) {
    add({ name, what: `retired JPEG ${ts}`, transferSyntax: ts }, ['dcmcjpeg', 'dcmj2pnm'], () => {
      run('dcmcjpeg', [flag, file('chest-12.dcm'), file(name)]);
      return { reference: reference(name.replace('.dcm', '.png'), name) };
    });
  }

  // --- JPEG XL (.110 lossless, .111 JPEG recompression, .112 lossy), encoded by libjxl's cjxl.
  write('chest-8.dcm', part10(grey8(256, 256, { SOPClassUID: DX_IMAGE, Modality: 'DX' })));
  if (has.dcmj2pnm) reference('chest-8.png', 'chest-8.dcm', ['+Wm']);
  for (const [name, ts, source, args] of [
    ['jpeg-xl-110.dcm', '1.2.840.10008.1.2.4.110', 'pgm', ['-d', '0']],
    ['jpeg-xl-111.dcm', '1.2.840.10008.1.2.4.111', 'jpg', ['--lossless_jpeg=1']],
    ['jpeg-xl-112.dcm', '1.2.840.10008.1.2.4.112', 'pgm', ['-d', '1']],
  ]) {
    add({ name, what: `JPEG XL ${ts}`, transferSyntax: ts, reference: 'chest-8.png' }, ['cjxl', 'dcmj2pnm', 'dcmcjpeg', 'gdcmraw'], () => {
      const input = file(`chest-8.${source}`);
      if (source === 'pgm') run('dcmj2pnm', ['-W', file('chest-8.dcm'), input]);
      else {
        run('dcmcjpeg', ['+eb', file('chest-8.dcm'), file('chest-8-jpeg.dcm')]);
        run('gdcmraw', ['-i', file('chest-8-jpeg.dcm'), '-o', input, '-t', '7fe0,0010']);
      }
      run('cjxl', [input, file(`${name}.jxl`), ...args, '--quiet']);
      const codestream = new Uint8Array(readFileSync(file(`${name}.jxl`)));
      write(name, encapsulate(grey8(256, 256, { SOPClassUID: DX_IMAGE, Modality: 'DX' }), ts, [codestream]));
      return {};
    });
  }

  // --- Native YBR_FULL_422: 2 bytes a pixel.
  add({ name: 'ybr-full-422.dcm', what: 'native YBR_FULL_422 colour ultrasound' }, ['dcmj2pnm'], () => {
    write(
      'ybr-full-422.dcm',
      part10(
        base({
          SOPClassUID: US_IMAGE,
          Modality: 'US',
          Rows: 192,
          Columns: 256,
          SamplesPerPixel: 3,
          PhotometricInterpretation: 'YBR_FULL_422',
          PlanarConfiguration: 0,
          BitsAllocated: 8,
          BitsStored: 8,
          HighBit: 7,
          PixelData: ybrFull422(256, 192).buffer,
          _vrMap: { PixelData: 'OB' },
        }),
      ),
    );
    return { reference: reference('ybr-full-422.png', 'ybr-full-422.dcm', []) };
  });

  // --- Bits above High Bit: 12 bits stored in 16, with bits 12-15 set over a block (as old overlay
  // writers did), and no window (so the picture's own range decides the brightness).
  add({ name: 'high-bits.dcm', what: '12 bits stored with bits 12-15 set (no window)' }, ['dcmj2pnm'], () => {
    const dataset = grey12(256, 256, { WindowCenter: undefined, WindowWidth: undefined });
    const pixels = new Uint16Array(dataset.PixelData);
    for (let y = 20; y < 60; y++) for (let x = 20; x < 120; x++) pixels[y * 256 + x] |= (x + y) % 7 < 3 ? 0xf000 : 0x3000;
    delete dataset.WindowCenter;
    delete dataset.WindowWidth;
    write('high-bits.dcm', part10(dataset));
    return { reference: reference('high-bits.png', 'high-bits.dcm', ['+Wm', '-O']) };
  });

  // --- Pixel Aspect Ratio 4\3 with no Pixel Spacing (pixels a third taller than wide), and a
  // bright dot at column 200, row 40, for labels.
  add({ name: 'aspect-4-3.dcm', what: 'ultrasound with Pixel Aspect Ratio 4\\3, no Pixel Spacing', dot: [200, 40] }, ['dcmj2pnm'], () => {
    const dataset = grey8(256, 192, { PixelAspectRatio: ['4', '3'] });
    const pixels = new Uint8Array(dataset.PixelData);
    for (let y = 37; y <= 43; y++) for (let x = 197; x <= 203; x++) pixels[y * 256 + x] = 255;
    for (let y = 30; y <= 50; y++) for (let x = 190; x <= 210; x++) if (pixels[y * 256 + x] !== 255) pixels[y * 256 + x] = 0;
    write('aspect-4-3.dcm', part10(dataset));
    return { reference: reference('aspect-4-3.png', 'aspect-4-3.dcm', ['+a', '+Sxv', '256']) };
  });

  // --- Deflated with a trailer (CRC-32 and size) after the deflate stream, and a deflated SR likewise.
  add({ name: 'deflate-trailer.dcm', what: 'deflated, with a CRC and size after the deflate stream', reference: 'chest-12.png' }, ['dcmconv'], () => {
    run('dcmconv', ['+td', file('chest-12.dcm'), file('chest-12-deflated.dcm')]);
    const deflated = readFileSync(file('chest-12-deflated.dcm'));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(readFileSync(file('chest-12.dcm'))), 0);
    trailer.writeUInt32LE(deflated.length, 4);
    write('deflate-trailer.dcm', Buffer.concat([deflated, trailer]));
    return {};
  });
  add({ name: 'deflate-trailer-sr.dcm', what: 'a deflated report (no picture), with a trailer', error: 'not-an-image' }, ['dcmconv'], () => {
    write(
      'sr.dcm',
      part10(
        base({
          SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.11',
          Modality: 'SR',
          ValueType: 'CONTAINER',
          CompletionFlag: 'COMPLETE',
          VerificationFlag: 'UNVERIFIED',
          ContentSequence: [{ RelationshipType: 'CONTAINS', ValueType: 'TEXT', TextValue: 'No abnormality.' }],
        }),
      ),
    );
    run('dcmconv', ['+td', file('sr.dcm'), file('sr-deflated.dcm')]);
    write('deflate-trailer-sr.dcm', Buffer.concat([readFileSync(file('sr-deflated.dcm')), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]));
    return {};
  });

  // --- No Part 10 header (ACR-NEMA style): the data set alone, implicit VR little endian; and one
  // cut short in its pixel data.
  add({ name: 'no-header.dcm', what: 'no Part 10 header, implicit VR little endian', reference: 'chest-12.png' }, ['dcmconv'], () => {
    run('dcmconv', ['-F', '+ti', file('chest-12.dcm'), file('no-header.dcm')]);
    return {};
  });
  add({ name: 'no-header-explicit.dcm', what: 'no Part 10 header, explicit VR little endian', reference: 'chest-12.png' }, ['dcmconv'], () => {
    run('dcmconv', ['-F', '+te', file('chest-12.dcm'), file('no-header-explicit.dcm')]);
    return {};
  });
  add({ name: 'no-preamble.dcm', what: 'a file meta group but no preamble or "DICM" (JPEG baseline)', reference: 'chest-8.png' }, ['dcmcjpeg'], () => {
    run('dcmcjpeg', ['+eb', file('chest-8.dcm'), file('chest-8-jpeg-for-preamble.dcm')]);
    write('no-preamble.dcm', readFileSync(file('chest-8-jpeg-for-preamble.dcm')).subarray(132));
    return {};
  });
  add({ name: 'no-header-cut.dcm', what: 'no Part 10 header, cut short in its pixel data', error: 'corrupt-file' }, ['dcmconv'], () => {
    const whole = readFileSync(file('no-header.dcm'));
    write('no-header-cut.dcm', whole.subarray(0, whole.length - 40000));
    return {};
  });

  // --- An ultrasound cine clip stored as MPEG-4 video: a real picture we cannot play yet.
  add({ name: 'cine-mpeg4.dcm', what: 'ultrasound cine clip in MPEG-4 AVC/H.264', error: 'unsupported-video' }, [], () => {
    const dataset = rgbImage(64, 48, { SOPClassUID: US_MULTIFRAME, NumberOfFrames: '30', PhotometricInterpretation: 'YBR_PARTIAL_420' });
    // An H.264 stream starts with an access unit delimiter; the rest is not decoded by anyone here.
    const stream = Uint8Array.from({ length: 400 }, (_, i) => (i < 6 ? [0, 0, 0, 1, 9, 0xf0][i] : (i * 37) & 0xff));
    write('cine-mpeg4.dcm', encapsulate(dataset, '1.2.840.10008.1.2.4.102', [stream]));
    return {};
  });

  // --- VOI LUT Function: a mammogram-like 12-bit picture with a narrow window, drawn with each
  // function DCMTK knows (SIGMOID bends the ends, LINEAR_EXACT has no half-pixel offset).
  for (const fn of ['SIGMOID', 'LINEAR_EXACT', 'LINEAR']) {
    const name = `voi-${fn.toLowerCase().replace('_', '-')}.dcm`;
    add({ name, what: `VOI LUT Function ${fn}, window 1500/1200`, voiFunction: fn }, ['dcmj2pnm'], () => {
      write(
        name,
        part10(
          grey12(256, 256, {
            SOPClassUID: MG_IMAGE,
            Modality: 'MG',
            PresentationIntentType: 'FOR PRESENTATION',
            WindowCenter: '1500',
            WindowWidth: '1200',
            VOILUTFunction: fn,
          }),
        ),
      );
      return { reference: reference(name.replace('.dcm', '.png'), name) };
    });
  }

  // --- A VOI LUT Sequence (a curve instead of a window, as CR, DX and MG images carry): gamma 2.2.
  for (const [name, photometric] of [['voi-lut-sequence.dcm', 'MONOCHROME2'], ['voi-lut-sequence-mono1.dcm', 'MONOCHROME1']]) {
    add({ name, what: `VOI LUT Sequence (a gamma curve), no window, ${photometric}` }, ['dcmj2pnm'], () => {
      const lut = new Uint16Array(4096);
      for (let i = 0; i < 4096; i++) lut[i] = Math.round(4095 * Math.pow(i / 4095, 2.2));
      const dataset = grey12(256, 256, {
        SOPClassUID: MG_IMAGE,
        Modality: 'MG',
        PhotometricInterpretation: photometric,
        VOILUTSequence: [{ LUTDescriptor: [4096, 0, 12], LUTExplanation: 'GAMMA', LUTData: lut.buffer, _vrMap: { LUTData: 'OW' } }],
      });
      delete dataset.WindowCenter;
      delete dataset.WindowWidth;
      write(name, part10(dataset));
      return { reference: reference(name.replace('.dcm', '.png'), name, ['+Wl', '1']) };
    });
  }

  // --- Enhanced CT (two frames): rescale and window in the shared functional groups, and frame 2
  // with its own window in its per-frame group. DCMTK does not draw enhanced CT: the reference is
  // DCMTK's rendering of a classic CT twin of each frame with that frame's rescale and window.
  add({ name: 'enhanced-ct.dcm', what: 'enhanced CT, window and rescale in the functional groups', references: ['enhanced-ct-1.png', 'enhanced-ct-2.png'], windows: [[40, 400], [300, 1500]] }, ['dcmj2pnm'], () => {
    const size = 128;
    const frames = [0, 1].map((k) => {
      const px = new Int16Array(size * size);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const dx = (x - 64) / (44 - 4 * k);
          const dy = (y - 64) / 54;
          const r = Math.sqrt(dx * dx + dy * dy);
          let hu = -1000;
          if (r < 1) hu = 1200;
          if (r < 0.88) hu = 30 + 25 * Math.sin(x / 6) * Math.sin(y / 9);
          if (((x - 80) / 8) ** 2 + ((y - 50) / 8) ** 2 < 1) hu = 250 + 100 * k; // a bright lesion
          px[y * size + x] = hu + 1024;
        }
      }
      return px;
    });
    const all = new Int16Array(size * size * 2);
    all.set(frames[0], 0);
    all.set(frames[1], size * size);
    const common = { Modality: 'CT', Rows: size, Columns: size, BitsAllocated: 16, BitsStored: 16, HighBit: 15, PixelRepresentation: 1 };
    write(
      'enhanced-ct.dcm',
      part10(
        base({
          ...common,
          SOPClassUID: '1.2.840.10008.5.1.4.1.1.2.1',
          ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL', 'NONE'],
          NumberOfFrames: '2',
          SharedFunctionalGroupsSequence: [
            {
              PixelMeasuresSequence: [{ PixelSpacing: [0.8, 0.8], SliceThickness: '5' }],
              PlaneOrientationSequence: [{ ImageOrientationPatient: [1, 0, 0, 0, 1, 0] }],
              PixelValueTransformationSequence: [{ RescaleIntercept: '-1024', RescaleSlope: '1', RescaleType: 'HU' }],
              FrameVOILUTSequence: [{ WindowCenter: '40', WindowWidth: '400' }],
            },
          ],
          PerFrameFunctionalGroupsSequence: [
            { PlanePositionSequence: [{ ImagePositionPatient: [-51, -51, 0] }], FrameContentSequence: [{ InStackPositionNumber: 1 }] },
            {
              PlanePositionSequence: [{ ImagePositionPatient: [-51, -51, 5] }],
              FrameContentSequence: [{ InStackPositionNumber: 2 }],
              FrameVOILUTSequence: [{ WindowCenter: '300', WindowWidth: '1500' }],
            },
          ],
          PixelData: all.buffer,
          _vrMap: { PixelData: 'OW' },
        }),
      ),
    );
    const windows = [['40', '400'], ['300', '1500']];
    frames.forEach((px, k) => {
      const twin = `enhanced-ct-${k + 1}-classic.dcm`;
      write(
        twin,
        part10(
          base({
            ...common,
            SOPClassUID: CT_IMAGE,
            RescaleIntercept: '-1024',
            RescaleSlope: '1',
            WindowCenter: windows[k][0],
            WindowWidth: windows[k][1],
            PixelData: px.buffer,
            _vrMap: { PixelData: 'OW' },
          }),
        ),
      );
      reference(`enhanced-ct-${k + 1}.png`, twin);
    });
    return {};
  });

  // --- JPEG-LS colour, interleave mode 0 (each colour plane after the other).
  write('colour.dcm', part10(rgbImage(256, 192)));
  if (has.dcmj2pnm) reference('colour.png', 'colour.dcm', []);
  add({ name: 'jpeg-ls-planar.dcm', what: 'JPEG-LS colour, interleave mode 0 (planes one after another)', reference: 'colour.png' }, ['dcmcjpls', 'dcmj2pnm'], () => {
    run('dcmcjpls', ['+in', file('colour.dcm'), file('jpeg-ls-planar.dcm')]);
    return {};
  });

  // --- A transfer syntax that says JPEG lossless over a baseline JPEG stream, and the reverse.
  const retag = (from, to, fromTs, toTs) => {
    const bytes = readFileSync(file(from));
    const at = bytes.indexOf(Buffer.from(fromTs));
    if (at < 0 || at > 400) throw new Error(`no ${fromTs} in the meta header of ${from}`);
    Buffer.from(toTs).copy(bytes, at);
    write(to, bytes);
  };
  add({ name: 'lossless-says-baseline.dcm', what: 'transfer syntax JPEG Lossless SV1 over a baseline JPEG stream', reference: 'chest-8.png' }, ['dcmcjpeg', 'dcmj2pnm'], () => {
    run('dcmcjpeg', ['+eb', file('chest-8.dcm'), file('chest-8-baseline.dcm')]);
    retag('chest-8-baseline.dcm', 'lossless-says-baseline.dcm', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.70');
    return {};
  });
  add({ name: 'baseline-says-lossless.dcm', what: 'transfer syntax JPEG Baseline over a lossless JPEG stream', reference: 'chest-12.png' }, ['dcmcjpeg', 'dcmj2pnm'], () => {
    run('dcmcjpeg', ['+e1', file('chest-12.dcm'), file('chest-12-lossless.dcm')]);
    retag('chest-12-lossless.dcm', 'baseline-says-lossless.dcm', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.50');
    return {};
  });

  // ...and JPEG 2000 and JPEG swapped (GDCM writes the JPEG 2000 copy).
  add({ name: 'jpeg-says-j2k.dcm', what: 'transfer syntax JPEG Lossless SV1 over a JPEG 2000 codestream', reference: 'chest-12.png' }, ['gdcmconv', 'dcmj2pnm'], () => {
    run('gdcmconv', ['--j2k', file('chest-12.dcm'), file('chest-12-j2k.dcm')]);
    retag('chest-12-j2k.dcm', 'jpeg-says-j2k.dcm', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.70');
    return {};
  });
  add({ name: 'j2k-says-jpeg.dcm', what: 'transfer syntax JPEG 2000 Lossless over a lossless JPEG stream', reference: 'chest-12.png' }, ['dcmcjpeg', 'dcmj2pnm'], () => {
    retag('chest-12-lossless.dcm', 'j2k-says-jpeg.dcm', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.90');
    return {};
  });

  // --- Explicit VR Big Endian with sequences and items of undefined length.
  add({ name: 'big-endian-sequences.dcm', what: 'Explicit VR Big Endian with undefined-length sequences', reference: 'chest-12.png' }, ['dcmconv'], () => {
    write(
      'chest-12-sequences.dcm',
      part10(
        grey12(256, 256, {
          AnatomicRegionSequence: [{ CodeValue: 'T-D3000', CodingSchemeDesignator: 'SRT', CodeMeaning: 'Chest' }],
          ReferencedStudySequence: [{ ReferencedSOPClassUID: '1.2.840.10008.3.1.2.3.1', ReferencedSOPInstanceUID: uid() }],
        }),
      ),
    );
    run('dcmconv', ['+tb', '-e', file('chest-12-sequences.dcm'), file('big-endian-sequences.dcm')]);
    return {};
  });
  // ...and with a private undefined-length UN element holding (CP-246) an implicit VR little endian
  // sequence, as archives write: the case dicom-parser fails on ("item tag (FFFE,E000) not found").
  add({ name: 'big-endian-un-sequence.dcm', what: 'Explicit VR Big Endian with an undefined-length UN sequence (CP-246)', reference: 'chest-12.png' }, ['dcmconv'], () => {
    const be = readFileSync(file('big-endian-sequences.dcm'));
    const u16 = (v, little = false) => { const b = Buffer.alloc(2); little ? b.writeUInt16LE(v) : b.writeUInt16BE(v); return b; };
    const u32 = (v, little = false) => { const b = Buffer.alloc(4); little ? b.writeUInt32LE(v) : b.writeUInt32BE(v); return b; };
    const creator = Buffer.concat([u16(0x0009), u16(0x0010), Buffer.from('LO'), u16(4), Buffer.from('PRIV')]);
    const inner = Buffer.concat([u16(0x0009, true), u16(0x1011, true), u32(4, true), Buffer.from('ABCD')]);
    const un = Buffer.concat([
      u16(0x0009), u16(0x1010), Buffer.from('UN'), Buffer.alloc(2), u32(0xffffffff),
      u16(0xfffe, true), u16(0xe000, true), u32(0xffffffff, true), inner, u16(0xfffe, true), u16(0xe00d, true), u32(0, true),
      u16(0xfffe, true), u16(0xe0dd, true), u32(0, true),
    ]);
    // Before Patient's Name (0010,0010), the first element after group 0009.
    const at = be.indexOf(Buffer.from([0x00, 0x10, 0x00, 0x10, 0x50, 0x4e]));
    if (at < 0) throw new Error('no Patient Name in the big endian file');
    write('big-endian-un-sequence.dcm', Buffer.concat([be.subarray(0, at), creator, un, be.subarray(at)]));
    return {};
  });

  // --- An overlay plane (60xx,3000): a box and a cross a radiologist drew, stored beside the pixels.
  add({ name: 'overlay.dcm', what: 'overlay plane 6000 (a box and a cross)', overlayReference: 'overlay.png', reference: 'overlay-hidden.png' }, ['dcmj2pnm'], () => {
    const size = 256;
    const bits = new Uint8Array((size * size) / 8);
    const set = (x, y) => (bits[(y * size + x) >> 3] |= 1 << ((y * size + x) & 7));
    for (let i = 150; i < 230; i++) for (const t of [0, 1, 2]) {
      set(i, 150 + t);
      set(i, 227 - t);
      set(150 + t, i);
      set(227 - t, i);
    }
    for (let i = 30; i < 90; i++) for (const t of [0, 1, 2]) {
      set(i, 58 + t);
      set(58 + t, i);
    }
    write(
      'overlay.dcm',
      part10(
        grey12(size, size, {
          OverlayRows: size,
          OverlayColumns: size,
          OverlayType: 'G',
          OverlayOrigin: [1, 1],
          OverlayBitsAllocated: 1,
          OverlayBitPosition: 0,
          OverlayDescription: 'Marks',
          OverlayData: bits.buffer,
          _vrMap: { PixelData: 'OW', OverlayData: 'OW' },
        }),
      ),
    );
    reference('overlay-hidden.png', 'overlay.dcm', ['+Wi', '1', '-O']);
    return { overlayPng: reference('overlay.png', 'overlay.dcm', ['+Wi', '1', '+O', '0']) };
  });

  // --- An overlay kept in the pixel data's bit 12 (retired, but in archives), 12 bits stored.
  add({ name: 'overlay-in-pixels.dcm', what: 'overlay in bit 12 of the pixel data', overlayPng: 'overlay-in-pixels.png', reference: 'overlay-in-pixels-hidden.png' }, ['dcmj2pnm'], () => {
    const size = 256;
    const dataset = grey12(size, size, {
      OverlayRows: size,
      OverlayColumns: size,
      OverlayType: 'G',
      OverlayOrigin: [1, 1],
      OverlayBitsAllocated: 16,
      OverlayBitPosition: 12,
      OverlayDescription: 'Marks',
    });
    const pixels = new Uint16Array(dataset.PixelData);
    for (let i = 30; i < 90; i++) for (const t of [0, 1, 2]) {
      pixels[(58 + t) * size + i] |= 1 << 12;
      pixels[i * size + 58 + t] |= 1 << 12;
    }
    write('overlay-in-pixels.dcm', part10(dataset));
    reference('overlay-in-pixels-hidden.png', 'overlay-in-pixels.dcm', ['+Wi', '1', '-O']);
    reference('overlay-in-pixels.png', 'overlay-in-pixels.dcm', ['+Wi', '1', '+O', '0']);
    return {};
  });

  return { available: true, cases };
}

export { part10, base, grey8, grey12, rgbImage, chest, colour, encapsulate, US_IMAGE, CT_IMAGE, MG_IMAGE };
