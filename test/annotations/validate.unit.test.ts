import { expect } from '@open-wc/testing';
import rs from 'text-readability';
import { z } from 'zod';
import committedSchema from '../../annotation.schema.json';
import {
  ANNOTATION_LIMITS,
  ANNOTATION_SCHEMA_ID,
  MAX_ANNOTATION_PROBLEMS,
  annotationDocumentSchema,
  annotationJsonSchema,
  validateAnnotationDocument,
  type AnnotationDocumentInput,
  type AnnotationLabelInput,
  type AnnotationProblem,
} from '../../src/annotations/index.js';

const examples = import.meta.glob<unknown>('../../examples/annotations/*.json', { eager: true, import: 'default' });

/** A label with every required field, to change one thing at a time. */
function label(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'heart',
    kind: 'anatomy',
    title: 'Your heart',
    target: { image: { index: 0 }, point: { column: 276, row: 338 } },
    ...overrides,
  };
}

function target(overrides: Record<string, unknown>): Record<string, unknown> {
  return { image: { index: 0 }, point: { column: 1, row: 2 }, ...overrides };
}

function doc(labels: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { version: 1, labels, ...extra };
}

function messages(problems: AnnotationProblem[]): string[] {
  return problems.map((p) => p.message);
}

describe('annotation document: validateAnnotationDocument', () => {
  describe('a document that cannot be used', () => {
    const notObjects: [string, unknown][] = [
      ['undefined', undefined],
      ['null', null],
      ['a string', '{"version":1,"labels":[]}'],
      ['a number', 1],
      ['a list', [{ version: 1, labels: [] }]],
      ['true', true],
      ['a function', () => ({ version: 1, labels: [] })],
      ['a symbol', Symbol('x')],
      ['a bigint', 1n],
    ];
    for (const [name, input] of notObjects) {
      it(`is ${name}: no document, and a problem for the whole document`, () => {
        const { document, problems } = validateAnnotationDocument(input);
        expect(document).to.equal(null);
        expect(problems).to.have.length(1);
        expect(problems[0].path).to.equal('');
        expect(problems[0].message).to.match(/^The annotation document must be an object/);
      });
    }

    it('says to parse JSON text first', () => {
      expect(validateAnnotationDocument('{}').problems[0].message).to.match(/parse the JSON first$/);
    });

    it('has no version, or the wrong one', () => {
      expect(validateAnnotationDocument({ labels: [] })).to.deep.equal({
        document: null,
        problems: [{ path: 'version', message: 'version is missing: it must be 1' }],
      });
      expect(validateAnnotationDocument({ version: 2, labels: [] })).to.deep.equal({
        document: null,
        problems: [{ path: 'version', message: 'version 2 is not supported: this viewer reads version 1' }],
      });
      expect(validateAnnotationDocument({ version: '1', labels: [] }).problems).to.deep.equal([
        { path: 'version', message: 'version must be the number 1, but it was text (a string)' },
      ]);
    });

    it('has labels that are missing or not a list (and says all of what is wrong)', () => {
      expect(validateAnnotationDocument({ version: 1 })).to.deep.equal({
        document: null,
        problems: [{ path: 'labels', message: 'labels is missing: it must be a list of labels (the list may be empty)' }],
      });
      const { document, problems } = validateAnnotationDocument({ version: 3, labels: { 0: label() } });
      expect(document).to.equal(null);
      expect(problems.map((p) => p.path)).to.deep.equal(['version', 'labels']);
      expect(problems[1].message).to.equal('labels must be a list of labels, but it was an object');
    });
  });

  describe('a good document', () => {
    it('with no labels is fine', () => {
      expect(validateAnnotationDocument({ version: 1, labels: [] })).to.deep.equal({
        document: { version: 1, labels: [] },
        problems: [],
      });
    });

    it('fills in the defaults: sensitivity, frame and closed', () => {
      const input: AnnotationDocumentInput = {
        version: 1,
        summary: 'Your X-ray looks normal.',
        labels: [
          {
            id: 'a',
            kind: 'finding',
            title: 'A',
            target: {
              image: { sopInstanceUid: '1.2.826.0.1.3680043.8.498.1' },
              point: { column: 1.5, row: 0 },
              outline: { type: 'polyline', points: [[0, 0], [10.25, 3]] },
            },
          },
        ],
      };
      const { document, problems } = validateAnnotationDocument(input);
      expect(problems).to.deep.equal([]);
      expect(document!.labels[0]).to.deep.equal({
        id: 'a',
        kind: 'finding',
        sensitivity: 'routine',
        title: 'A',
        target: {
          image: { sopInstanceUid: '1.2.826.0.1.3680043.8.498.1', frame: 1 },
          point: { column: 1.5, row: 0 },
          outline: { type: 'polyline', points: [[0, 0], [10.25, 3]], closed: false },
        },
      });
      expect(document!.summary).to.equal('Your X-ray looks normal.');
    });

    it('keeps every optional field', () => {
      const full: AnnotationLabelInput = {
        id: 'knee',
        kind: 'finding',
        sensitivity: 'sensitive',
        title: 'Your knee',
        description: 'A longer description.',
        terms: ['meniscus', 'cartilage'],
        links: [{ title: 'Knee pain', url: 'https://www.nhs.uk/conditions/knee-pain/' }],
        target: {
          image: { sopInstanceUid: '2.25.1', frame: 3 },
          point: { column: 10, row: 20 },
          outline: { type: 'ellipse', center: [10, 20], radii: [5, 0.5] },
        },
      };
      const glossary = [{ id: 'knee', term: 'knee', aliases: ['knees'], definition: 'The joint in the middle of your leg.', url: 'https://www.nhs.uk/' }];
      const { document, problems } = validateAnnotationDocument({ version: 1, labels: [full], glossary });
      expect(problems).to.deep.equal([]);
      expect(document).to.deep.equal({ version: 1, labels: [full], glossary });
    });

    it('returns new objects, not the caller\u2019s', () => {
      const input = doc([label()]);
      const { document } = validateAnnotationDocument(input);
      expect(document!.labels[0]).to.not.equal((input.labels as unknown[])[0]);
      ((input.labels as Record<string, unknown>[])[0].target as Record<string, unknown>).point = { column: 9, row: 9 };
      expect(document!.labels[0].target.point).to.deep.equal({ column: 276, row: 338 });
    });

    it('accepts "$schema", which editors use, without a problem', () => {
      const { document, problems } = validateAnnotationDocument(doc([], { $schema: './annotation.schema.json' }));
      expect(problems).to.deep.equal([]);
      expect(document).to.deep.equal({ version: 1, labels: [] });
      expect(validateAnnotationDocument(doc([], { $schema: 5 })).problems[0].path).to.equal('$schema');
    });
  });

  describe('labels, one at a time', () => {
    it('drops a bad label, keeps the good ones, and names the field and what was expected', () => {
      const bad = label({ id: 'lungs', target: target({ point: { column: -1, row: 3 } }) });
      const { document, problems } = validateAnnotationDocument(doc([label(), label({ id: 'ribs' }), bad]));
      expect(document!.labels.map((l) => l.id)).to.deep.equal(['heart', 'ribs']);
      expect(problems).to.deep.equal([
        { path: 'labels[2].target.point.column', message: 'labels[2].target.point.column must be a number of 0 or more', labelId: 'lungs' },
        { path: 'labels[2]', message: 'labels[2] ("lungs") was left out because of the problems above', labelId: 'lungs' },
      ]);
    });

    it('reports missing fields as missing', () => {
      const { problems } = validateAnnotationDocument(doc([{ id: 'x', kind: 'anatomy' }]));
      expect(messages(problems)).to.deep.equal([
        'labels[0].title is missing: it must be text of 1 to 80 characters',
        'labels[0].target is missing: it must be an object with an image and a point',
        'labels[0] ("x") was left out because of the problems above',
      ]);
    });

    it('gives no labelId when the label has no usable id', () => {
      const { document, problems } = validateAnnotationDocument(doc([label({ id: undefined }), 'heart', label({ id: 7 })]));
      expect(document!.labels).to.deep.equal([]);
      expect(problems.every((p) => p.labelId === undefined)).to.equal(true);
      expect(messages(problems)).to.include('labels[1] must be a label: an object with an id, kind, title and target');
      expect(messages(problems)).to.include('labels[2].id must be text of 1 to 64 characters');
    });

    it('checks every field', () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ id: '' }, 'labels[0].id must be text of 1 to 64 characters'],
        [{ id: 'x'.repeat(65) }, 'labels[0].id must be text of 1 to 64 characters'],
        [{ kind: 'organ' }, 'labels[0].kind must be "anatomy" or "finding"'],
        [{ sensitivity: 'secret' }, 'labels[0].sensitivity must be "routine" or "sensitive"'],
        [{ title: 'x'.repeat(81) }, 'labels[0].title must be text of 1 to 80 characters'],
        [{ description: 'x'.repeat(1001) }, 'labels[0].description must be text of at most 1000 characters'],
        [{ terms: 'lung' }, 'labels[0].terms must be a list of at most 20 words or glossary ids'],
        [{ terms: Array(21).fill('lung') }, 'labels[0].terms must be a list of at most 20 words or glossary ids'],
        [{ terms: ['lung', ''] }, 'labels[0].terms[1] must be text of 1 to 100 characters'],
        [{ links: Array(11).fill({ title: 'a', url: 'b' }) }, 'labels[0].links must be a list of at most 10 links'],
        [{ links: [{ title: 'NHS' }] }, 'labels[0].links[0].url is missing: it must be text of 1 to 2048 characters'],
        [{ links: ['https://www.nhs.uk/'] }, 'labels[0].links[0] must be an object with a title and a url'],
        [{ target: target({ image: { index: -1 } }) }, 'labels[0].target.image.index must be a whole number of 0 or more'],
        [{ target: target({ image: { index: 1.5 } }) }, 'labels[0].target.image.index must be a whole number of 0 or more'],
        [{ target: target({ image: { sopInstanceUid: '1.2.abc' } }) }, 'labels[0].target.image.sopInstanceUid must be a DICOM UID: digits and dots, at most 64 characters'],
        [{ target: target({ image: { sopInstanceUid: `1.${'2'.repeat(63)}` } }) }, 'labels[0].target.image.sopInstanceUid must be a DICOM UID: digits and dots, at most 64 characters'],
        [{ target: target({ image: { sopInstanceUid: '1.2', frame: 0 } }) }, 'labels[0].target.image.frame must be a whole number of 1 or more'],
        [{ target: target({ image: {} }) }, 'labels[0].target.image must be either { "sopInstanceUid": "\u2026", "frame": 1 } or { "index": 0 }, not both'],
        [{ target: target({ image: { index: 0, sopInstanceUid: '1.2' } }) }, 'labels[0].target.image must be either { "sopInstanceUid": "\u2026", "frame": 1 } or { "index": 0 }, not both'],
        [{ target: target({ point: { column: 1, row: '2' } }) }, 'labels[0].target.point.row must be a number of 0 or more'],
        [{ target: target({ point: { column: Number.NaN, row: 2 } }) }, 'labels[0].target.point.column must be a number of 0 or more'],
        [{ target: target({ point: { column: Infinity, row: 2 } }) }, 'labels[0].target.point.column must be a number of 0 or more'],
        [{ target: target({ point: [1, 2] }) }, 'labels[0].target.point must be an object with a column and a row'],
        [{ target: target({ outline: { type: 'circle' } }) }, 'labels[0].target.outline.type must be "polyline" or "ellipse"'],
        [{ target: target({ outline: 'ellipse' }) }, 'labels[0].target.outline must be an object with a "type" of "polyline" or "ellipse"'],
        [{ target: target({ outline: { type: 'polyline', points: [[1, 2]] } }) }, 'labels[0].target.outline.points must be a list of 2 to 500 [column, row] points'],
        [{ target: target({ outline: { type: 'polyline', points: Array(501).fill([1, 2]) } }) }, 'labels[0].target.outline.points must be a list of 2 to 500 [column, row] points'],
        [{ target: target({ outline: { type: 'polyline', points: [[1, 2], [3, -4]] } }) }, 'labels[0].target.outline.points[1][1] must be a number of 0 or more'],
        [{ target: target({ outline: { type: 'polyline', points: [[1, 2], [3, 4, 5]] } }) }, 'labels[0].target.outline.points[1] must be a pair of numbers [column, row], each 0 or more'],
        [{ target: target({ outline: { type: 'polyline', points: [[1, 2], [3, 4]], closed: 'yes' } }) }, 'labels[0].target.outline.closed must be true or false'],
        [{ target: target({ outline: { type: 'ellipse', center: [1, 2], radii: [3, 0] } }) }, 'labels[0].target.outline.radii[1] must be a number more than 0'],
        [{ target: target({ outline: { type: 'ellipse', center: [1], radii: [3, 3] } }) }, 'labels[0].target.outline.center must be a pair of numbers [column, row], each 0 or more'],
        [{ target: target({ outline: { type: 'ellipse', center: [1, 2] } }) }, 'labels[0].target.outline.radii is missing: it must be a pair of numbers [columnRadius, rowRadius], each more than 0'],
      ];
      for (const [overrides, message] of cases) {
        const { document, problems } = validateAnnotationDocument(doc([label(overrides)]));
        expect(messages(problems), JSON.stringify(overrides).slice(0, 200)).to.include(message);
        expect(document!.labels, message).to.deep.equal([]);
      }
    });

    it('reports the image form that was meant when a UID or index is wrong', () => {
      const { problems } = validateAnnotationDocument(doc([label({ target: target({ image: { sopInstanceUid: 12, frame: 1.5 } }) })]));
      expect(messages(problems).slice(0, 2)).to.deep.equal([
        'labels[0].target.image.sopInstanceUid must be a DICOM UID: digits and dots, at most 64 characters',
        'labels[0].target.image.frame must be a whole number of 1 or more',
      ]);
    });

    it('keeps the first of two labels with the same id and reports the second', () => {
      const { document, problems } = validateAnnotationDocument(
        doc([label({ title: 'First' }), label({ id: 'lung' }), label({ title: 'Second' })]),
      );
      expect(document!.labels.map((l) => l.title)).to.deep.equal(['First', 'Your heart']);
      expect(problems).to.deep.equal([
        {
          path: 'labels[2].id',
          message: 'labels[2].id "heart" is already used by labels[0]: ids must be unique, so labels[2] was left out',
          labelId: 'heart',
        },
      ]);
    });

    it('a bad label does not take its id: a later good label with that id is kept', () => {
      const { document } = validateAnnotationDocument(doc([label({ kind: 'x' }), label()]));
      expect(document!.labels.map((l) => l.id)).to.deep.equal(['heart']);
    });
  });

  describe('unknown fields are ignored, but not silently', () => {
    it('in a label: the label is kept', () => {
      const { document, problems } = validateAnnotationDocument(doc([label({ colour: 'red' })]));
      expect(document!.labels).to.have.length(1);
      expect(document!.labels[0]).to.not.have.property('colour');
      expect(problems).to.deep.equal([
        { path: 'labels[0].colour', message: 'labels[0].colour is not a known field and was ignored', labelId: 'heart' },
      ]);
    });

    it('deep inside a label, including in one form of the image', () => {
      const input = doc([
        label({
          target: {
            image: { index: 2, note: 'x' },
            point: { column: 1, row: 2, z: 0 },
            outline: { type: 'ellipse', center: [1, 2], radii: [3, 4], angle: 45 },
          },
          links: [{ title: 'NHS', url: 'https://www.nhs.uk/', target: '_blank' }],
        }),
      ]);
      const { document, problems } = validateAnnotationDocument(input);
      expect(document!.labels[0].target).to.deep.equal({
        image: { index: 2 },
        point: { column: 1, row: 2 },
        outline: { type: 'ellipse', center: [1, 2], radii: [3, 4] },
      });
      expect(document!.labels[0].links).to.deep.equal([{ title: 'NHS', url: 'https://www.nhs.uk/' }]);
      expect(problems.map((p) => p.path).sort()).to.deep.equal(
        ['labels[0].links[0].target', 'labels[0].target.image.note', 'labels[0].target.outline.angle', 'labels[0].target.point.z'].sort(),
      );
      expect(problems.every((p) => p.labelId === 'heart' && p.message.endsWith(' is not a known field and was ignored'))).to.equal(true);
    });

    it('in the document and in glossary entries', () => {
      const glossary = [{ id: 'a', term: 'a', definition: 'b', url: 'c', colour: 'red' }];
      const { document, problems } = validateAnnotationDocument(doc([], { theme: 'dark', glossary }));
      expect(document).to.deep.equal({ version: 1, labels: [], glossary: [{ id: 'a', term: 'a', definition: 'b', url: 'c' }] });
      expect(messages(problems)).to.deep.equal([
        'theme is not a known field and was ignored',
        'glossary[0].colour is not a known field and was ignored',
      ]);
    });

    it('names odd keys safely and briefly', () => {
      const { problems } = validateAnnotationDocument(doc([label({ 'two words': 1, ['k'.repeat(1000)]: 1 })]));
      expect(messages(problems)[0]).to.equal('labels[0]["two words"] is not a known field and was ignored');
      expect(problems[1].path.length).to.be.lessThan(60);
    });

    it('are reported too when the label is left out for another reason', () => {
      const { problems } = validateAnnotationDocument(doc([label({ kind: 'x', colour: 'red' })]));
      expect(messages(problems)).to.include('labels[0].colour is not a known field and was ignored');
      expect(messages(problems)).to.include('labels[0].kind must be "anatomy" or "finding"');
    });
  });

  describe('summary and glossary', () => {
    it('drops a bad summary and keeps the labels', () => {
      for (const summary of [5, 'x'.repeat(ANNOTATION_LIMITS.summary + 1), null]) {
        const { document, problems } = validateAnnotationDocument(doc([label()], { summary }));
        expect(document).to.deep.equal({ version: 1, labels: validateAnnotationDocument(doc([label()])).document!.labels });
        expect(problems.map((p) => p.path)).to.deep.equal(['summary', 'summary']);
        expect(problems[0].message).to.equal('summary must be text of at most 4000 characters');
      }
    });

    it('drops a glossary that is not a list', () => {
      const { document, problems } = validateAnnotationDocument(doc([], { glossary: { lung: 'A lung' } }));
      expect(document).to.deep.equal({ version: 1, labels: [] });
      expect(problems).to.deep.equal([
        { path: 'glossary', message: 'glossary must be a list of glossary entries, but it was an object; it was left out' },
      ]);
    });

    it('drops bad glossary entries and keeps the good ones', () => {
      const good = { id: 'lung', term: 'lung', definition: 'What you breathe with.', url: 'https://www.nhs.uk/' };
      const { document, problems } = validateAnnotationDocument(doc([], { glossary: [good, { id: 'x', term: 'x' }, 'lung'] }));
      expect(document!.glossary).to.deep.equal([good]);
      expect(messages(problems)).to.deep.equal([
        'glossary[1].definition is missing: it must be text of 1 to 1000 characters',
        'glossary[1].url is missing: it must be text of 1 to 2048 characters',
        'glossary[1] was left out because of the problems above',
        'glossary[2] must be a glossary entry: an object with an id, term, definition and url',
        'glossary[2] was left out because of the problems above',
      ]);
    });
  });

  describe('never throws, whatever the input', () => {
    it('reads only the first 500 labels and says so', () => {
      const labels = Array.from({ length: 501 }, (_, i) => label({ id: `l${i}` }));
      const { document, problems } = validateAnnotationDocument(doc(labels));
      expect(document!.labels).to.have.length(500);
      expect(problems).to.deep.equal([
        { path: 'labels', message: 'labels has 501 items, more than the 500 allowed: only the first 500 were read' },
      ]);
    });

    it('copes quickly with huge arrays, and caps the list of problems', () => {
      const started = performance.now();
      const sparse = new Array(10_000_000);
      const many = validateAnnotationDocument(doc(sparse, { glossary: new Array(1e6).fill(0) }));
      expect(many.document!.labels).to.deep.equal([]);
      expect(many.problems).to.have.length(MAX_ANNOTATION_PROBLEMS + 1);
      expect(many.problems.at(-1)).to.deep.equal({ path: '', message: `${500 * 2 + 1 + 500 * 2 + 1 - MAX_ANNOTATION_PROBLEMS} more problems were not listed` });

      const points = Array.from({ length: 1e6 }, (_, i) => [i, i]);
      const long = validateAnnotationDocument(doc([label({ target: target({ outline: { type: 'polyline', points } }) })]));
      expect(messages(long.problems)[0]).to.equal('labels[0].target.outline.points must be a list of 2 to 500 [column, row] points');
      const huge = validateAnnotationDocument(doc([label({ description: 'x'.repeat(5_000_000) })], { summary: 'y'.repeat(5_000_000) }));
      expect(huge.document!.labels).to.deep.equal([]);
      expect(performance.now() - started).to.be.lessThan(5000);
    });

    it('copes with cyclic objects', () => {
      const cyclic: Record<string, unknown> = doc([]);
      const l = label();
      l.self = l;
      (l.target as Record<string, unknown>).parent = l;
      cyclic.self = cyclic;
      (cyclic.labels as unknown[]).push(l, cyclic);
      const loopTarget = label({ id: 'loop' });
      loopTarget.target = loopTarget;
      (cyclic.labels as unknown[]).push(loopTarget);
      const { document, problems } = validateAnnotationDocument(cyclic);
      expect(document!.labels.map((x) => x.id)).to.deep.equal(['heart']);
      expect(messages(problems)).to.include('labels[0].self is not a known field and was ignored');
      expect(messages(problems)).to.include('labels[0].target.parent is not a known field and was ignored');
      expect(messages(problems)).to.include('labels[1].self is not a known field and was ignored');
      expect(messages(problems)).to.include('labels[2].target.image is missing: it must be either { "sopInstanceUid": "\u2026", "frame": 1 } or { "index": 0 }, not both');
      expect(() => JSON.stringify(document)).to.not.throw();
    });

    it('does not let "__proto__" keys pollute prototypes or the result', () => {
      const json = JSON.stringify(doc([{ ...label(), x: 1 }])).replace('"x":1', '"__proto__":{"polluted":true,"kind":"finding"}');
      const input = JSON.parse(json.replace('"version":1', '"__proto__":{"polluted":true},"version":1'));
      const { document, problems } = validateAnnotationDocument(input);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(document!.labels[0].kind).to.equal('anatomy');
      expect(Object.getPrototypeOf(document)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(document!.labels[0])).to.equal(Object.prototype);
      expect((document!.labels[0] as unknown as Record<string, unknown>).polluted).to.equal(undefined);
      expect(messages(problems)).to.deep.equal([
        '__proto__ is not a known field and was ignored',
        'labels[0].__proto__ is not a known field and was ignored',
      ]);
      // constructor and prototype are plain unknown keys too.
      const other = validateAnnotationDocument(JSON.parse('{"version":1,"labels":[],"constructor":{"prototype":{"polluted":true}}}'));
      expect(messages(other.problems)).to.deep.equal(['constructor is not a known field and was ignored']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });

    it('copes with getters and proxies that throw', () => {
      const throwing = new Proxy({}, {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
      });
      const results = [
        validateAnnotationDocument(throwing),
        validateAnnotationDocument({
          version: 1,
          get labels() {
            throw new Error('no');
          },
        }),
      ];
      for (const { document, problems } of results) {
        expect(document).to.equal(null);
        expect(problems[0].path).to.equal('');
      }
      const badLabel = {
        ...label({ id: 'bad' }),
        get title() {
          throw new Error('no');
        },
      };
      const { document, problems } = validateAnnotationDocument(doc([badLabel, throwing, label()]));
      expect(document!.labels.map((l) => l.id)).to.deep.equal(['heart']);
      expect(problems.map((p) => p.path)).to.deep.equal(['labels[0]', 'labels[1]']);
    });

    it('copes with odd values anywhere', () => {
      const odd = [undefined, null, 0, -0, NaN, '', 'x', true, [], {}, () => 1, Symbol('s'), 10n, new Date(0), new Map(), Object.create(null), Object.freeze({ a: 1 })];
      for (const value of odd) {
        for (const input of [
          value,
          doc([value]),
          doc([label({ target: value })]),
          doc([label({ target: target({ image: value, point: value, outline: value }) })]),
          doc([label({ id: value, kind: value, title: value, terms: value, links: [value] })]),
          doc([], { summary: value, glossary: [value] }),
          { version: value, labels: value },
        ]) {
          expect(() => validateAnnotationDocument(input)).to.not.throw();
        }
      }
    });
  });

  describe('the examples', () => {
    const entries = Object.entries(examples);
    const ALLOWED_HOSTS = ['www.nhs.uk', '111.nhs.uk', 'patient.info'];

    it('there is one for each kind of scan', () => {
      const names = entries.map(([path]) => path.split('/').pop());
      for (const name of ['chest-xray.json', 'ct-head.json', 'mri-knee.json', 'ultrasound.json', 'nuclear.json']) {
        expect(names).to.include(name);
      }
    });

    for (const [path, example] of entries) {
      const name = path.split('/').pop();

      it(`${name} is valid, with no problems`, () => {
        const { document, problems } = validateAnnotationDocument(example);
        expect(problems).to.deep.equal([]);
        expect(document!.labels.length).to.be.greaterThan(2);
        expect(annotationDocumentSchema.safeParse(example).success).to.equal(true);
      });

      it(`${name} links only to the NHS website, NHS 111 and patient.info`, () => {
        const { document } = validateAnnotationDocument(example);
        const urls = [...document!.labels.flatMap((l) => l.links ?? []).map((l) => l.url), ...(document!.glossary ?? []).map((g) => g.url)];
        for (const url of urls) {
          const parsed = new URL(url);
          expect(parsed.protocol, url).to.equal('https:');
          expect(ALLOWED_HOSTS, url).to.include(parsed.hostname);
        }
      });

      it(`${name} reads at age 9 to 11`, () => {
        const { document } = validateAnnotationDocument(example);
        const texts = [document!.summary, ...document!.labels.flatMap((l) => [l.title, l.description]), ...(document!.glossary ?? []).map((g) => g.definition)];
        for (const text of texts) {
          if (!text || text.split(/\s+/).length < 5) continue;
          expect(rs.fleschKincaidGrade(text), text).to.be.at.most(6);
          for (const sentence of text.split(/[.!?]\s/)) expect(sentence.split(/\s+/).length, sentence).to.be.at.most(25);
        }
      });
    }

    it('point inside the synthetic demo images', () => {
      const sizes: Record<string, { columns: number; rows: number; images: number }> = {
        'chest-xray.json': { columns: 512, rows: 512, images: 1 },
        'ct-head.json': { columns: 256, rows: 256, images: 40 },
      };
      for (const [path, example] of entries) {
        const size = sizes[path.split('/').pop()!];
        if (!size) continue;
        for (const l of validateAnnotationDocument(example).document!.labels) {
          const { image, point } = l.target;
          expect('index' in image && image.index < size.images, l.id).to.equal(true);
          expect(point.column < size.columns && point.row < size.rows, l.id).to.equal(true);
        }
      }
    });
  });

  describe('the JSON Schema', () => {
    it('annotation.schema.json is up to date (run node scripts/make-annotation-schema.mjs)', () => {
      expect(committedSchema).to.deep.equal(annotationJsonSchema());
      expect(committedSchema).to.deep.equal(
        z.toJSONSchema(annotationDocumentSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }),
      );
    });

    it('is draft 2020-12, with an $id, a title and a description', () => {
      expect(committedSchema.$schema).to.equal('https://json-schema.org/draft/2020-12/schema');
      expect(committedSchema.$id).to.equal(ANNOTATION_SCHEMA_ID);
      expect(committedSchema.title).to.be.a('string');
      expect(committedSchema.description).to.be.a('string');
      expect(committedSchema.additionalProperties).to.equal(false);
    });
  });
});
