import { expect } from '@open-wc/testing';
import { parseHtml } from '../../src/report/html.js';
import type { ReportModel } from '../../src/report/model.js';
import { applyHolds, imageMentions, parseText, sentenceBounds } from '../../src/report/text.js';

const sentencesOf = (text: string) => sentenceBounds(text).map(([a, b]) => text.slice(a, b).trim());
const allText = (model: ReportModel) =>
  model.sections
    .flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b])))
    .flatMap((p) => p.sentences.map((s) => s.text))
    .join(' ');

describe('reading a report', () => {
  it('splits sentences where reports end them, not at decimals, abbreviations or initials', () => {
    expect(sentencesOf('A 1.2 x 0.8 cm nodule. No effusion.')).to.deep.equal(['A 1.2 x 0.8 cm nodule.', 'No effusion.']);
    expect(sentencesOf('Appearances e.g. of infection. Approx. 5 mm. Seen by Dr. Patel today.')).to.deep.equal([
      'Appearances e.g. of infection.',
      'Approx. 5 mm.',
      'Seen by Dr. Patel today.',
    ]);
    expect(sentencesOf('Not on anticoagulants. ?intracranial bleed.')).to.deep.equal(['Not on anticoagulants. ?intracranial bleed.']);
  });

  it('finds the images a sentence names', () => {
    expect(imageMentions('A small pocket (see image 15).')).to.deep.equal([{ index: 14 }]);
    expect(imageMentions('Images 30 and 31 show it; image no. 4 too.')).to.deep.equal([{ index: 29 }, { index: 30 }, { index: 3 }]);
    expect(imageMentions('Series 2 shows nothing; 3 images were taken.')).to.deep.equal([]);
  });

  it('recognises headings in capitals or with a colon, keeps their words, and keeps every other word', () => {
    const text = 'Clinical history: Fall.\n\nFindings\nNo fracture.\nImpression - Normal study.\n\nReport discussed with the ward.';
    const model = parseText(text);
    expect(model.sections.map((s) => [s.heading, s.kind])).to.deep.equal([
      ['Clinical history', 'history'],
      ['Impression', 'impression'],
    ]);
    // "Findings" without a colon, in lower case, is a line of the report, not a heading.
    expect(allText(model)).to.contain('Findings');
    expect(allText(model)).to.contain('Report discussed with the ward.');
  });

  it('[HAZ-021] with hold-impression, lines under the impression with headings of their own are held with it', () => {
    const model = parseText('FINDINGS:\nA mass.\n\nIMPRESSION:\n\nLUNGS\nSuspicious for malignancy.\n\nBONES\nNo lesion.\n\nCOMPARISON: None.');
    applyHolds(model, [], true);
    const impression = model.sections.find((s) => s.kind === 'impression')!;
    expect(impression.hold?.key).to.equal('impression');
    const held = impression.blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b])).flatMap((p) => p.sentences.map((s) => s.text));
    expect(held).to.deep.equal(['LUNGS', 'Suspicious for malignancy.', 'BONES', 'No lesion.']);
    // Nothing of it is left outside the held section.
    const outside = model.sections.filter((s) => s !== impression);
    expect(outside.map((s) => s.heading)).to.deep.equal(['FINDINGS', 'COMPARISON']);
  });

  it('leaves out header lines that name people, and NHS-number-like digits', () => {
    const model = parseText('Patient name: Jane Testperson\nNHS number: 943 476 5919\nReported by: Dr Someone\n\nFINDINGS: Normal. Ref 9434765919.');
    const text = allText(model);
    expect(text).to.not.contain('Testperson');
    expect(text).to.not.contain('Someone');
    expect(text).to.not.contain('9434765919');
    expect(text).to.contain('Normal.');
  });

  it('reads HTML headings, lists and image links, and nothing else', () => {
    const model = parseHtml('<h2>Findings</h2><p>A <imr-ref image="3" label="x">nodule</imr-ref>.</p><ol><li>One.</li><li>Two.</li></ol>');
    expect(model.sections[0]!.kind).to.equal('findings');
    const [p, list] = model.sections[0]!.blocks;
    expect(p!.kind === 'paragraph' && p!.sentences[0]!.refs).to.deep.equal([{ index: 2, labelId: 'x' }]);
    expect(list!.kind === 'list' && list!.ordered && list!.items.map((i) => i.sentences[0]!.text)).to.deep.equal(['One.', 'Two.']);
  });

  it('[HAZ-020] a data-sensitive mark is never lost: on the body, or deep inside nesting that is read as plain text', () => {
    const body = parseHtml('<body data-sensitive="all">Loose words. <p>A paragraph.</p><ul><li>An item.</li></ul></body>');
    expect(body.hold?.key).to.equal('all');
    expect(allText(body)).to.contain('Loose words.');
    // A marked list is one choice: its items do not ask again.
    const list = parseHtml('<ul data-sensitive="l1"><li>One.</li><li><p>Two.</p></li><li data-sensitive="l2">Three.</li></ul>');
    const [block] = list.sections[0]!.blocks;
    expect(block!.kind === 'list' && block!.hold?.key).to.equal('l1');
    expect(block!.kind === 'list' && block!.items.map((i) => i.hold?.key)).to.deep.equal([undefined, undefined, 'l2']);
    const deep = parseHtml(`<p>${'<span>'.repeat(200)}Fine. <b data-sensitive="m1">Suspicious mass.</b>${'</span>'.repeat(200)}</p>`);
    const [p] = deep.sections[0]!.blocks;
    expect(p!.hold?.key).to.equal('m1');
    expect(allText(deep)).to.contain('Suspicious mass.');
  });

  it('[HAZ-020] words marked sensitive are held wherever they are: every sentence, or the paragraph they run across', () => {
    const model = parseText('FINDINGS:\nA nodule. Malignancy cannot be excluded. Lungs clear. Malignancy cannot be excluded.\n\nIMPRESSION:\nSuspicious. For malignancy.');
    const { unmatched } = applyHolds(model, [{ match: 'malignancy CANNOT  be excluded', findingId: 'm' }, { match: 'suspicious. for malignancy', findingId: 'n' }], false);
    expect(unmatched).to.deep.equal([]);
    const [findings, impression] = model.sections;
    const sentences = findings!.blocks[0]!.kind === 'paragraph' ? findings!.blocks[0]!.sentences : [];
    expect(sentences.map((s) => s.hold?.key ?? '-')).to.deep.equal(['-', 'm', '-', 'm']);
    expect(impression!.blocks[0]!.hold?.key).to.equal('n');
  });
});
