/**
 * Issue 16, small pictures from a static DICOMweb tree: an instance's DICOM JSON and one frame's bytes
 * made into the poster's input (src/study/frame-file.ts), read by the poster's own code
 * (src/poster/read.ts `frameSource`, pixels.ts), as a Part 10 file with the same values is. Uncompressed only; compressed frames, sizes no phone should
 * download and frames of the wrong length are refused (the plain box).
 */
import { expect } from '@open-wc/testing';
import { posterOf, posterRgba } from '../../src/poster/index.js';
import { readPart } from '../../src/sources/multipart.js';
import { drawImage } from '../../src/study/drawn-thumb.js';
import { frameSize, jsonFrame, partSyntax } from '../../src/study/frame-file.js';
import { loadThumb } from '../../src/study/thumbs.js';
import { readPosterSource } from '../../src/poster/read.js';
import { dicomFile } from '../components/hostile-dicom.js';

const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';
const RLE = '1.2.840.10008.1.2.5';

/** One instance's DICOM JSON, as a static tree's series metadata holds it. */
function meta(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const json: Record<string, unknown> = {
    '00080018': { vr: 'UI', Value: ['1.2.3'] },
    '00280002': { vr: 'US', Value: [1] },
    '00280004': { vr: 'CS', Value: ['MONOCHROME2'] },
    '00280010': { vr: 'US', Value: [3] },
    '00280011': { vr: 'US', Value: [4] },
    '00280100': { vr: 'US', Value: [16] },
    '00280101': { vr: 'US', Value: [12] },
    '00280102': { vr: 'US', Value: [11] },
    '00280103': { vr: 'US', Value: [1] },
    '00281050': { vr: 'DS', Value: [40] },
    '00281051': { vr: 'DS', Value: [400] },
    '00281052': { vr: 'DS', Value: [-1024] },
    '00281053': { vr: 'DS', Value: [1] },
    '00083002': { vr: 'UI', Value: [EXPLICIT] },
    '7FE00010': { vr: 'OW', BulkDataURI: 'instances/1.2.3/frames' },
  };
  for (const [tag, value] of Object.entries(fields)) {
    if (value === undefined) delete json[tag];
    else json[tag] = value;
  }
  return json;
}

/** 3 x 4 signed 12-bit samples (two's complement in 16 bits), little endian. */
const SAMPLES = [-2048, -5, 0, 900, 1000, 1024, 1064, 1100, 1200, 1264, 2047, 1050];
function frame16(values = SAMPLES): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((v, i) => view.setUint16(i * 2, v & 0xfff, true));
  return new Uint8Array(view.buffer);
}

/** The poster's picture of a frame source: its RGBA pixels. */
async function drawn(source: Parameters<typeof posterOf>[0]): Promise<number[] | undefined> {
  const poster = await posterOf(source);
  if (!poster) return undefined;
  const { columns, rows } = poster.shape;
  return [...poster.image.getContext('2d')!.getImageData(0, 0, columns, rows).data];
}

describe('small pictures from a frame: DICOM JSON and frame bytes to the poster input (issue 16)', () => {
  it('a signed 12-bit CT frame: read by the poster exactly as a Part 10 file with the same values (rescale, window, sign)', async () => {
    const source = jsonFrame(meta(), frame16(), EXPLICIT);
    expect(source?.kind).to.equal('frame');
    if (source?.kind !== 'frame') return;
    expect(source.shape).to.include({ rows: 3, columns: 4 });
    expect(source.frame).to.include({ rows: 3, columns: 4, photometric: 'MONOCHROME2', samples: 1, slope: 1, intercept: -1024 });
    expect(source.frame.window).to.deep.equal({ centre: 40, width: 400, fn: undefined });
    expect(Array.from(source.frame.data)).to.deep.equal(SAMPLES);
    // The same file as Part 10, read by the poster's own parse.
    const file = dicomFile(
      {
        Rows: 3, Columns: 4, SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', BitsAllocated: 16, BitsStored: 12, HighBit: 11,
        PixelRepresentation: 1, WindowCenter: '40', WindowWidth: '400', RescaleIntercept: '-1024', RescaleSlope: '1',
      },
      { pixels: frame16().slice().buffer },
    );
    const fromFile = await readPosterSource(file, {}, undefined);
    expect(fromFile?.kind === 'frame' && { ...fromFile.frame, data: Array.from(fromFile.frame.data) }).to.deep.equal({ ...source.frame, data: SAMPLES });
    expect(fromFile?.shape).to.deep.equal(source.shape);
    // The poster's own mapping draws it: not one colour.
    const pixels = (await drawn(source))!;
    expect(pixels).to.deep.equal([...posterRgba(source.frame)]);
    expect(new Set(pixels.filter((_, i) => i % 4 === 0)).size).to.be.greaterThan(3);
  });

  it('implicit little endian frames are the same bytes; 8-bit MONOCHROME1 and RGB colour read by the poster', async () => {
    const implicit = jsonFrame(meta({ '00083002': { vr: 'UI', Value: [IMPLICIT] } }), frame16(), IMPLICIT);
    expect(implicit?.kind === 'frame' && Array.from(implicit.frame.data)).to.deep.equal(SAMPLES);
    const grey8 = meta({
      '00280010': { vr: 'US', Value: [3] },
      '00280011': { vr: 'US', Value: [3] },
      '00280100': { vr: 'US', Value: [8] },
      '00280101': { vr: 'US', Value: [8] },
      '00280102': { vr: 'US', Value: [7] },
      '00280103': { vr: 'US', Value: [0] },
      '00280004': { vr: 'CS', Value: ['MONOCHROME1'] },
      '00281050': undefined,
      '00281051': undefined,
      '00281052': undefined,
      '00281053': undefined,
    });
    // Nine bytes and a padding byte: one frame.
    const inverted = (await drawn(jsonFrame(grey8, Uint8Array.from([0, 32, 64, 96, 128, 160, 192, 224, 255, 0]), EXPLICIT)))!;
    expect([inverted[0], inverted[32]]).to.deep.equal([255, 0]);
    const rgb = meta({
      '00280002': { vr: 'US', Value: [3] },
      '00280004': { vr: 'CS', Value: ['RGB'] },
      '00280006': { vr: 'US', Value: [0] },
      '00280010': { vr: 'US', Value: [1] },
      '00280011': { vr: 'US', Value: [2] },
      '00280100': { vr: 'US', Value: [8] },
      '00280101': { vr: 'US', Value: [8] },
      '00280102': { vr: 'US', Value: [7] },
      '00280103': { vr: 'US', Value: [0] },
    });
    expect(await drawn(jsonFrame(rgb, Uint8Array.from([255, 0, 0, 0, 0, 255]), EXPLICIT))).to.deep.equal([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('refuses compressed frames: stored compressed (not even downloaded), a compressed part, an unknown type', () => {
    expect(frameSize(meta())).to.equal(24);
    expect(frameSize(meta({ '00083002': { vr: 'UI', Value: [RLE] } }))).to.equal(0);
    expect(frameSize(meta({ '00083002': { vr: 'UI', Value: ['1.2.840.10008.1.2.4.80'] } }))).to.equal(0);
    expect(jsonFrame(meta(), frame16(), RLE)).to.equal(undefined);
    expect(jsonFrame(meta(), frame16(), '1.2.840.10008.1.2.4.50')).to.equal(undefined);
    expect(jsonFrame(meta(), frame16(), '1.2.840.10008.1.2.2'), 'big endian').to.equal(undefined);
    expect(jsonFrame(meta(), frame16(), undefined)).to.equal(undefined);
    // The part's own type says what was sent.
    expect(partSyntax('application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1')).to.equal(EXPLICIT);
    expect(partSyntax('application/octet-stream;transfer-syntax="1.2.840.10008.1.2.4.50"')).to.equal('1.2.840.10008.1.2.4.50');
    expect(partSyntax('image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5')).to.equal(RLE);
    expect(partSyntax('image/jls')).to.equal(undefined);
    expect(partSyntax('application/octet-streamer')).to.equal(undefined);
    // No parameter: PS3.18's default for octet-stream (and for a bare body).
    expect(partSyntax('application/octet-stream')).to.equal(EXPLICIT);
    expect(partSyntax(undefined)).to.equal(EXPLICIT);
  });

  it('refuses absurd sizes, frames of the wrong length, and images the poster must leave to the engine', async () => {
    const size = (rows: unknown, columns: unknown) => frameSize(meta({ '00280010': { vr: 'US', Value: [rows] }, '00280011': { vr: 'US', Value: [columns] } }));
    expect(size(3, 4)).to.equal(24);
    expect(size(2048, 2048)).to.equal(2048 * 2048 * 2);
    expect(size(2049, 2048), 'over 2,048 x 2,048').to.equal(0);
    expect(size(1e9, 1)).to.equal(0);
    expect(size('x', 4)).to.equal(0);
    expect(frameSize(meta({ '00280010': undefined }))).to.equal(0);
    // Values no US can hold: the poster is given none, and refuses.
    const rows = (value: unknown) => jsonFrame(meta({ '00280010': { vr: 'US', Value: [value] } }), frame16(), EXPLICIT);
    expect(rows(0)).to.equal(undefined);
    expect(rows(-3)).to.equal(undefined);
    expect(rows(2.5)).to.equal(undefined);
    expect(rows('3')).to.equal(undefined);
    expect(jsonFrame(meta({ '00280100': { vr: 'US', Value: [12] } }), frame16(), EXPLICIT), '12 bits allocated').to.equal(undefined);
    expect(jsonFrame(meta({ '00280002': { vr: 'US', Value: [2] } }), frame16(), EXPLICIT), 'two samples').to.equal(undefined);
    expect(frameSize(meta({ '60003000': { vr: 'OW', InlineBinary: 'AA==' } })), 'an overlay').to.equal(0);
    expect(frameSize(meta({ '52009230': { vr: 'SQ', Value: [] } })), 'an enhanced image').to.equal(0);
    expect(frameSize(null)).to.equal(0);
    expect(frameSize('metadata')).to.equal(0);
    // A frame of the wrong length is not this frame.
    expect(jsonFrame(meta(), frame16().subarray(0, 22), EXPLICIT), 'short').to.equal(undefined);
    expect(jsonFrame(meta(), new Uint8Array(48), EXPLICIT), 'two frames').to.equal(undefined);
    // Lookup tables the engine applies, and palettes: refused by the poster, as in a file.
    expect(jsonFrame(meta({ '00283010': { vr: 'SQ', Value: [{}] } }), frame16(), EXPLICIT)).to.equal(undefined);
    expect(jsonFrame(meta({ '20500010': { vr: 'SQ' } }), frame16(), EXPLICIT)).to.equal(undefined);
    expect(jsonFrame(meta({ '00280004': { vr: 'CS', Value: ['PALETTE COLOR'] } }), frame16(), EXPLICIT)).to.equal(undefined);
  });

  it('reads the part and its type from a multipart answer', () => {
    const enc = new TextEncoder();
    const body = Uint8Array.from([1, 2, 3, 4]);
    const head = enc.encode('--b1\r\nContent-Type: application/octet-stream;transfer-syntax=1.2.840.10008.1.2.1\r\n\r\n');
    const whole = new Uint8Array([...head, ...body, ...enc.encode('\r\n--b1--')]);
    const part = readPart(whole);
    expect([...part.body]).to.deep.equal([1, 2, 3, 4]);
    expect(part.type).to.equal('application/octet-stream;transfer-syntax=1.2.840.10008.1.2.1');
    expect(readPart(body)).to.deep.equal({ body });
  });

  describe('what is asked for', () => {
    const notFound = () => Promise.reject(new Error('404'));
    const multipart = (type: string, body: Uint8Array) =>
      new Uint8Array([...new TextEncoder().encode(`--x\r\nContent-Type: ${type}\r\n\r\n`), ...body, ...new TextEncoder().encode('\r\n--x--')]).buffer;

    it('no /rendered, /thumbnail or file: the list metadata and the one frame, as stored; a picture in the image proportions', async () => {
      const asked: string[] = [];
      const blob = await loadThumb({
        series: 'https://pacs/studies/1/series/2',
        image: { instance: '1.2.3', frame: 1, rows: 3, columns: 4 },
        json: (url) => (asked.push(url), notFound()),
        bytes: (url, accept) => {
          asked.push(`${url} ${accept}`);
          return url.endsWith('/frames/1') ? Promise.resolve(multipart(`application/octet-stream; transfer-syntax=${EXPLICIT}`, frame16())) : notFound();
        },
        metadata: () => Promise.resolve([meta({ '00080018': { vr: 'UI', Value: ['1.2.9'] } }), meta()]),
        signal: new AbortController().signal,
      });
      expect(asked.map((url) => url.replace(/\?.*/, '').split('/instances/')[1])).to.deep.equal([
        '1.2.3/frames/1/rendered',
        '1.2.3/thumbnail',
        '1.2.3 multipart/related; type="application/dicom"; transfer-syntax=*',
        '1.2.3/frames/1 multipart/related; type="application/octet-stream"; transfer-syntax=*',
      ]);
      expect(blob?.type).to.equal('image/png');
      const bitmap = await createImageBitmap(blob!);
      expect(bitmap.width / bitmap.height).to.be.closeTo(4 / 3, 0.02);
    });

    it('stored compressed or too large, as the metadata says: no frame downloaded; not in the metadata: the plain box', async () => {
      const asked: string[] = [];
      const request = (stored: string, rows = 3, instance = '1.2.3') => ({
        series: 'https://pacs/studies/1/series/2',
        path: 'https://pacs/studies/1/series/2/instances/1.2.3',
        image: { instance, frame: 2, rows, columns: rows + 1 },
        metadata: () => (asked.push('metadata'), Promise.resolve([meta({ '00083002': { vr: 'UI', Value: [stored] }, '00280010': { vr: 'US', Value: [rows] }, '00280011': { vr: 'US', Value: [rows + 1] } })])),
        json: notFound,
        bytes: (url: string) => (asked.push(url), notFound()),
        signal: new AbortController().signal,
      });
      expect(await drawImage(request(RLE), 96)).to.equal(undefined);
      expect(await drawImage(request(EXPLICIT, 4000), 96)).to.equal(undefined);
      expect(await drawImage(request(EXPLICIT, 3, '1.2.4'), 96)).to.equal(undefined);
      expect(asked).to.deep.equal(['metadata', 'metadata', 'metadata']);
    });
  });
});
