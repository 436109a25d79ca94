/**
 * Issue 16: an annotation document's `keyImages`, the images the care team picked, read forgivingly.
 */
import { expect } from '@open-wc/testing';
import { ANNOTATION_LIMITS, validateAnnotationDocument } from '../../src/annotations/index.js';

describe('annotation document keyImages', () => {
  it('reads the list in order, each frame 1 unless given', () => {
    const { document, problems } = validateAnnotationDocument({
      version: 1,
      labels: [],
      keyImages: [{ sopInstanceUid: '1.2.3.4' }, { sopInstanceUid: '1.2.3.5', frame: 3 }],
    });
    expect(problems).to.deep.equal([]);
    expect(document?.keyImages).to.deep.equal([
      { sopInstanceUid: '1.2.3.4', frame: 1 },
      { sopInstanceUid: '1.2.3.5', frame: 3 },
    ]);
  });

  it('a bad list is left out and reported, and the labels are kept', () => {
    const { document, problems } = validateAnnotationDocument({
      version: 1,
      labels: [{ id: 'a', kind: 'anatomy', title: 'Your heart', target: { image: { index: 0 }, point: { column: 1, row: 1 } } }],
      keyImages: [{ sopInstanceUid: 'not a uid' }],
    });
    expect(document?.keyImages).to.equal(undefined);
    expect(document?.labels).to.have.length(1);
    expect(problems.some((problem) => problem.path.startsWith('keyImages[0].sopInstanceUid'))).to.equal(true);
    expect(problems.some((problem) => problem.path === 'keyImages' && problem.message.includes('left out'))).to.equal(true);
  });

  it(`at most ${ANNOTATION_LIMITS.keyImages} images`, () => {
    const many = Array.from({ length: ANNOTATION_LIMITS.keyImages + 1 }, (_, i) => ({ sopInstanceUid: `1.2.${i}` }));
    const { document, problems } = validateAnnotationDocument({ version: 1, labels: [], keyImages: many });
    expect(document?.keyImages).to.equal(undefined);
    expect(problems.some((problem) => problem.path === 'keyImages')).to.equal(true);
  });
});
