import { expect } from '@open-wc/testing';
import { readKeyImages } from '../../src/study/key-images.js';
import { isPicture, layName, readSeries, sortSeries, type StudySeries } from '../../src/study/series.js';
import { enGB } from '../../src/lay/messages.js';
import { cy } from '../../src/lay/messages-cy.js';

/** One series as a QIDO-RS answer lists it, from a few named fields. */
function qido(fields: Partial<Record<'uid' | 'modality' | 'description' | 'number' | 'count' | 'view' | 'thickness' | 'bodyPart' | 'imageType' | 'tr' | 'te' | 'ti' | 'options', string | number>>): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  const put = (tag: string, vr: string, value: string | number | undefined) => {
    if (value !== undefined) entry[tag] = { vr, Value: [value] };
  };
  put('0020000E', 'UI', fields.uid ?? `2.25.1.${Math.floor(Math.random() * 1e9)}`);
  put('00080060', 'CS', fields.modality);
  put('0008103E', 'LO', fields.description);
  put('00200011', 'IS', fields.number);
  put('00201209', 'IS', fields.count ?? 10);
  put('00185101', 'CS', fields.view);
  put('00180050', 'DS', fields.thickness);
  put('00180015', 'CS', fields.bodyPart);
  put('00080008', 'CS', fields.imageType);
  put('00180080', 'DS', fields.tr);
  put('00180081', 'DS', fields.te);
  put('00180082', 'DS', fields.ti);
  put('00180022', 'CS', fields.options);
  return entry;
}

const one = (fields: Parameters<typeof qido>[0]): StudySeries => readSeries([qido(fields)])[0]!;
const name = (fields: Parameters<typeof qido>[0]) => layName(one(fields));

describe('study series: plain names from header facts', () => {
  it('names radiograph views from View Position, else from description words', () => {
    expect(name({ modality: 'DX', view: 'PA', bodyPart: 'CHEST' })).to.equal('Front view');
    expect(name({ modality: 'CR', view: 'LL', bodyPart: 'CHEST' })).to.equal('Side view');
    expect(name({ modality: 'DX', description: 'Knee LAT' })).to.equal('Side view');
    expect(name({ modality: 'DX', description: 'Chest AP portable' })).to.equal('Front view');
    expect(name({ modality: 'DX', description: 'Wrist oblique' })).to.equal('Angled view');
    // Nothing known: the kind of image and part, never the description.
    expect(name({ modality: 'DX', bodyPart: 'CHEST', description: 'Mr Smith special' })).to.equal('X-ray of the chest');
  });

  it('names CT slices thin or thicker from Slice Thickness, and planning images', () => {
    expect(name({ modality: 'CT', thickness: 0.625 })).to.equal(enGB['study.ct.thin']);
    expect(name({ modality: 'CT', thickness: 5 })).to.equal(enGB['study.ct.thick']);
    expect(name({ modality: 'CT', thickness: 3, description: 'COR 3mm' })).to.equal(`${enGB['study.ct.thick']}, ${enGB['study.plane.front']}`);
    expect(name({ modality: 'CT', description: 'Topogram 0.6 T20f', thickness: 0.6 })).to.equal(enGB['study.planning']);
    expect(name({ modality: 'CT', imageType: 'ORIGINAL\\PRIMARY\\LOCALIZER', thickness: 2 })).to.equal(enGB['study.planning']);
    expect(name({ modality: 'CT', bodyPart: 'HEAD' })).to.equal('CT scan of the head');
  });

  it('names MRI sequences by what they show, from words and timings', () => {
    expect(name({ modality: 'MR', description: 't1_tse_sag' })).to.equal('Fat looks bright, seen from the side');
    expect(name({ modality: 'MR', description: 'T2 AX' })).to.equal('Fluid looks bright, seen from above');
    expect(name({ modality: 'MR', description: 'STIR COR' })).to.equal('Fat made dark, shows swelling, seen from the front');
    expect(name({ modality: 'MR', description: 'PD FS SAG' })).to.equal('Fat made dark, shows swelling, seen from the side');
    expect(name({ modality: 'MR', description: 'pd_tse_fs_cor' })).to.equal('Fat made dark, shows swelling, seen from the front');
    expect(name({ modality: 'MR', description: 'T1 fat sat post' })).to.equal('Fat made dark');
    expect(name({ modality: 'MR', description: 'AX FLAIR' })).to.equal('Fluid made dark, shows swelling, seen from above');
    expect(name({ modality: 'MR', description: 'ep2d_diff DWI' })).to.equal('Shows how water moves');
    expect(name({ modality: 'MR', description: 'PD SAG' })).to.equal('Shows fine detail, seen from the side');
    // No words: repetition and echo times, inversion time, scan options.
    expect(name({ modality: 'MR', tr: 500, te: 12 })).to.equal('Fat looks bright');
    expect(name({ modality: 'MR', tr: 4000, te: 100 })).to.equal('Fluid looks bright');
    expect(name({ modality: 'MR', tr: 4000, te: 90, options: 'FS' })).to.equal('Fat made dark, shows swelling');
    expect(name({ modality: 'MR', tr: 5000, te: 40, ti: 160 })).to.equal('Fat made dark, shows swelling');
    expect(name({ modality: 'MR', description: 'localizer' })).to.equal(enGB['study.planning']);
    expect(name({ modality: 'MR', bodyPart: 'KNEE', description: 'sequence 7' })).to.equal('MRI scan of the knee');
  });

  it('[HAZ-030] never puts the description in a name, whatever it holds', () => {
    for (const description of ['JOHN SMITH T2 SAG', 'NHS 943 476 5919', '<img src=x onerror=alert(1)>', 'Chest LAT Mrs Jones']) {
      for (const modality of ['DX', 'CT', 'MR', 'US', 'OT']) {
        const text = name({ modality, description, thickness: 2 });
        for (const word of description.split(/\s+/).filter((w) => w.length > 3)) expect(text).not.to.contain(word);
      }
    }
  });
});

describe('study series: what is a picture', () => {
  it('leaves out reports, notes, segmentations, RT objects, waveforms, documents and dose screens', () => {
    for (const modality of ['SR', 'PR', 'KO', 'SEG', 'RTSTRUCT', 'RTPLAN', 'RTDOSE', 'ECG', 'HD', 'DOC', 'AU']) {
      expect(isPicture(one({ modality })), modality).to.equal(false);
    }
    expect(isPicture(one({ modality: 'CT', description: 'Dose Report' }))).to.equal(false);
    expect(isPicture(one({ modality: 'CT', description: 'Patient Protocol' }))).to.equal(false);
    expect(isPicture(one({ modality: 'CT', count: 0 }))).to.equal(false);
    for (const modality of ['CT', 'MR', 'DX', 'CR', 'US', 'MG', 'NM', 'PT', 'XA', 'OT']) expect(isPicture(one({ modality })), modality).to.equal(true);
  });

  it('[HAZ-030] no series name suggests treatment or illness (a CT scout was "Planning image": read as radiotherapy planning by a worried patient)', () => {
    const alarming = /\b(plan\w*|treat\w*|therap\w*|radiotherap\w*|cancer\w*|tumou?r\w*|cynllun\w*|triniaeth\w*)/i;
    const names = [...Object.entries(enGB), ...Object.entries(cy)].filter(([key]) => key.startsWith('study.'));
    expect(names.length).to.be.greaterThan(10);
    expect(names.filter(([, words]) => alarming.test(String(words)))).to.deep.equal([]);
    expect(name({ modality: 'CT', description: 'Topogram 0.6 T20f', thickness: 0.6 })).to.equal('Overview image, used to line up the scan');
  });

  it('orders pictures by series number, planning images last, and counts what it left out', () => {
    const sorted = sortSeries(
      readSeries([
        qido({ uid: '1.1', modality: 'CT', number: 1, description: 'Scout' }),
        qido({ uid: '1.2', modality: 'CT', number: 3, thickness: 5 }),
        qido({ uid: '1.3', modality: 'CT', number: 2, thickness: 1 }),
        qido({ uid: '1.4', modality: 'SR', number: 900 }),
        qido({ uid: '1.5', modality: 'KO', number: 901 }),
        qido({ uid: '1.6', modality: 'CT', number: 999, description: 'Dose Report' }),
      ]),
    );
    expect(sorted.pictures.map((s) => s.uid)).to.deep.equal(['1.3', '1.2', '1.1']);
    expect(sorted.notPictures).to.equal(3);
    expect(sorted.keyObjects.map((s) => s.uid)).to.deep.equal(['1.5']);
  });

  it('drops entries with no usable series UID', () => {
    expect(readSeries([{ '0020000E': { Value: ['javascript:1'] } }, {}, null, 'x'])).to.deep.equal([]);
    expect(readSeries({ not: 'a list' })).to.deep.equal([]);
  });
});

describe('study key images: reading a KOS from DICOMweb metadata', () => {
  const study = '2.25.9';
  const ref = (instance: string, frames?: number[]) => ({
    '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00081155': { vr: 'UI', Value: [instance] },
    ...(frames ? { '00081160': { vr: 'IS', Value: frames } } : {}),
  });
  const kos = (content: Record<string, unknown>[], evidence: [string, string[]][]) => ({
    '0040A375': {
      vr: 'SQ',
      Value: [
        {
          '0020000D': { vr: 'UI', Value: [study] },
          '00081115': { vr: 'SQ', Value: evidence.map(([series, instances]) => ({ '0020000E': { vr: 'UI', Value: [series] }, '00081199': { vr: 'SQ', Value: instances.map((i) => ref(i)) } })) },
        },
      ],
    },
    '0040A730': { vr: 'SQ', Value: content },
  });
  const image = (instance: string, frames?: number[]) => ({ '0040A040': { vr: 'CS', Value: ['IMAGE'] }, '00081199': { vr: 'SQ', Value: [ref(instance, frames)] } });

  it('lists the picked images in content order, with their series and frames, each once', () => {
    const metadata = [
      kos(
        [{ '0040A040': { vr: 'CS', Value: ['TEXT'] } }, image('9.3'), image('9.1', [2, 4]), image('9.3')],
        [['8.1', ['9.1']], ['8.2', ['9.3']]],
      ),
    ];
    expect(readKeyImages(metadata, study)).to.deep.equal({
      images: [
        { series: '8.2', instance: '9.3', frame: 1 },
        { series: '8.1', instance: '9.1', frame: 2 },
        { series: '8.1', instance: '9.1', frame: 4 },
      ],
      unplaced: 0,
    });
  });

  it('counts an image whose series the KOS does not say, and reads nonsense as nothing', () => {
    expect(readKeyImages([kos([image('9.7')], [])], study)).to.deep.equal({ images: [], unplaced: 1 });
    expect(readKeyImages('nonsense', study)).to.deep.equal({ images: [], unplaced: 0 });
    expect(readKeyImages([null, 3, {}], study)).to.deep.equal({ images: [], unplaced: 0 });
  });
});
