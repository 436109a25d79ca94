/**
 * Issue 16, the study list's small pictures: which image of a series is drawn small (the middle
 * one), and at what shape (the image's own proportions). The pure parts; the real Orthanc ones are
 * in study.test.ts.
 */
import { expect } from '@open-wc/testing';
import { firstPart } from '../../src/sources/multipart.js';
import { loadThumb, middleOffset, pickRow, thumbGrid, thumbImage, thumbLongest, type ThumbRequest } from '../../src/study/thumbs.js';

/** One row of a QIDO-RS instance search. */
function row(uid: string, fields: { number?: number; rows?: number; columns?: number; frames?: number } = {}): Record<string, unknown> {
  const entry: Record<string, unknown> = { '00080018': { vr: 'UI', Value: [uid] } };
  if (fields.number !== undefined) entry['00200013'] = { vr: 'IS', Value: [fields.number] };
  if (fields.rows !== undefined) entry['00280010'] = { vr: 'US', Value: [fields.rows] };
  if (fields.columns !== undefined) entry['00280011'] = { vr: 'US', Value: [fields.columns] };
  if (fields.frames !== undefined) entry['00280008'] = { vr: 'IS', Value: [fields.frames] };
  return entry;
}

describe('small pictures: the middle image and its shape (issue 16)', () => {
  it('reads an image and its shape from a search row; a row without a usable UID is none', () => {
    expect(thumbImage(row('1.2.3', { rows: 480, columns: 640, frames: 1 }))).to.deep.equal({ instance: '1.2.3', frame: 1, rows: 480, columns: 640, frames: 1 });
    expect(thumbImage(row('1.2.3'))).to.deep.equal({ instance: '1.2.3', frame: 1, frames: 1 });
    expect(thumbImage(row('1.2.3', { rows: 0, columns: 640 }))).to.not.have.property('rows');
    expect(thumbImage(row('<script>'))).to.equal(undefined);
    expect(thumbImage({})).to.equal(undefined);
    expect(thumbImage(null)).to.equal(undefined);
  });

  it('picks the middle row by Instance Number, whatever order the server sent them in', () => {
    const rows = [5, 1, 4, 2, 3].map((n) => row(`1.2.${n}`, { number: n }));
    expect(pickRow(rows)?.instance).to.equal('1.2.3');
    // An even count: the later of the two middle ones (offset count / 2).
    expect(pickRow([4, 3, 2, 1].map((n) => row(`1.2.${n}`, { number: n })))?.instance).to.equal('1.2.3');
    // One row: a server that kept to limit=1 (and offset) sent the middle one already.
    expect(pickRow([row('1.2.9', { number: 9 })])?.instance).to.equal('1.2.9');
    expect(pickRow([])).to.equal(undefined);
    expect(pickRow({ not: 'a list' })).to.equal(undefined);
  });

  it('the offset of the middle image agrees with the middle of the whole list', () => {
    for (const count of [1, 2, 3, 4, 5, 200]) {
      const rows = Array.from({ length: count }, (_, i) => row(`1.2.${i + 1}`, { number: i + 1 }));
      expect(pickRow(rows)?.instance, `${count} images`).to.equal(`1.2.${middleOffset(count) + 1}`);
    }
    expect(middleOffset(0)).to.equal(0);
  });

  it('a named image is found by its UID, even when the server ignores the filter and sends every row', () => {
    const rows = [1, 2, 3, 4, 5].map((n) => row(`1.2.${n}`, { number: n, rows: 60, columns: 80 }));
    expect(pickRow(rows, '1.2.5')).to.deep.include({ instance: '1.2.5', rows: 60, columns: 80 });
    expect(pickRow(rows, '1.2.77')).to.equal(undefined);
  });

  it('keeps the image proportions, the longer side at the size asked for, never larger than the image', () => {
    expect(thumbGrid({ columns: 640, rows: 480 }, 96)).to.deep.equal({ columns: 96, rows: 72 });
    expect(thumbGrid({ columns: 480, rows: 640 }, 96)).to.deep.equal({ columns: 72, rows: 96 });
    expect(thumbGrid({ columns: 512, rows: 512 }, 192)).to.deep.equal({ columns: 192, rows: 192 });
    expect(thumbGrid({ columns: 80, rows: 60 }, 96)).to.deep.equal({ columns: 80, rows: 60 });
    // A very long thin image keeps at least one pixel on its short side.
    expect(thumbGrid({ columns: 4000, rows: 10 }, 96)).to.deep.equal({ columns: 96, rows: 1 });
    expect(thumbLongest(1)).to.equal(96);
    expect(thumbLongest(1.5)).to.equal(144);
    expect(thumbLongest(3)).to.equal(192);
    expect(thumbLongest(0)).to.equal(96);
  });

  it('takes the first part of a multipart answer, and a plain answer as it is', () => {
    const enc = new TextEncoder();
    const body = new Uint8Array([0x44, 0x49, 0x43, 0x4d, 13, 10, 0x2d, 0x2d, 1, 2]);
    const boundary = '--abc-123';
    const parts = [enc.encode(`${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), body, enc.encode(`\r\n${boundary}--\r\n`)];
    const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      whole.set(part, at);
      at += part.length;
    }
    expect([...firstPart(whole)]).to.deep.equal([...body]);
    expect(firstPart(body)).to.equal(body);
    expect(firstPart(enc.encode('--abc\r\nno end of headers')).length).to.equal(0);
  });

  describe('what is asked for', () => {
    /** Run loadThumb against answers by URL; returns the URLs asked for. */
    async function ask(request: Partial<ThumbRequest>, answers: (url: string) => unknown): Promise<{ asked: string[]; blob: Blob | undefined }> {
      const asked: string[] = [];
      const respond = (url: string) => {
        asked.push(url);
        const answer = answers(url);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      };
      const blob = await loadThumb({
        series: 'https://pacs/studies/1/series/2',
        json: respond,
        bytes: (url) => respond(url) as Promise<ArrayBuffer>,
        signal: new AbortController().signal,
        ...request,
      });
      return { asked, blob };
    }
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff]).buffer;
    const notFound = () => new Error('404');

    it('a series of 5: one search at the middle, then its frame rendered at its own shape', async () => {
      const { asked, blob } = await ask({ count: 5 }, (url) => (url.includes('/instances?') ? [row('1.2.3', { rows: 480, columns: 640 })] : jpeg));
      expect(asked).to.deep.equal([
        'https://pacs/studies/1/series/2/instances?limit=1&offset=2&includefield=00280010,00280011,00280008,00200013',
        `https://pacs/studies/1/series/2/instances/1.2.3/frames/1/rendered?viewport=${thumbGrid({ columns: 640, rows: 480 }, thumbLongest()).columns},${thumbGrid({ columns: 640, rows: 480 }, thumbLongest()).rows}`,
      ]);
      expect(blob?.type).to.equal('image/jpeg');
    });

    it('a key image whose shape is known: no search; its own frame', async () => {
      const { asked } = await ask({ image: { instance: '1.2.7', frame: 3, rows: 64, columns: 64 } }, () => jpeg);
      expect(asked).to.deep.equal([`https://pacs/studies/1/series/2/instances/1.2.7/frames/3/rendered?viewport=64,64`]);
    });

    it('the shape unknown (no rows in the answer): the thumbnail only, then the plain box', async () => {
      const { asked, blob } = await ask({}, (url) => (url.includes('/instances?') ? [row('1.2.3')] : notFound()));
      expect(asked).to.deep.equal([
        'https://pacs/studies/1/series/2/instances?includefield=00280010,00280011,00280008,00200013',
        'https://pacs/studies/1/series/2/instances/1.2.3/thumbnail',
      ]);
      expect(blob).to.equal(undefined);
    });

    it('no /rendered, no /thumbnail: the image file, unless it is too large to fetch for a small picture', async () => {
      const big = await ask({ count: 1 }, (url) => (url.includes('/instances?') ? [row('1.2.3', { rows: 3000, columns: 2500 })] : notFound()));
      expect(big.asked.map((url) => url.split('/').pop())).to.deep.equal([
        'instances?limit=1&offset=0&includefield=00280010,00280011,00280008,00200013',
        'rendered?viewport=160,192',
        'thumbnail?viewport=160,192',
      ].map((url) => (thumbLongest() === 96 ? url.replace('160,192', '80,96') : url)));
      const small = await ask({ count: 1 }, (url) => (url.includes('/instances?') ? [row('1.2.3', { rows: 60, columns: 80 })] : notFound()));
      expect(small.asked.at(-1)).to.equal('https://pacs/studies/1/series/2/instances/1.2.3');
      expect(small.blob).to.equal(undefined);
    });
  });
});
