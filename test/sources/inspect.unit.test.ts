import { expect } from '@open-wc/testing';
import { compareSlices, imageKey, inspectFile } from '../../src/sources/inspect.js';
import { ViewerError } from '../../src/sources/errors.js';
import { dicom } from '../fakes/dicom.js';

async function failure(buffer: ArrayBuffer): Promise<string> {
  try {
    await inspectFile(buffer);
  } catch (error) {
    expect(error).to.be.instanceOf(ViewerError);
    return (error as ViewerError).type;
  }
  throw new Error('expected the file to be refused');
}

describe('inspectFile (unit)', () => {
  it('reads only safe facts, the burned-in flag, geometry, and the instance UID (kept internal)', async () => {
    const facts = await inspectFile(
      dicom({ BodyPartExamined: 'head', BurnedInAnnotation: 'YES', InstanceNumber: '7', PatientName: 'Doe^Jane', ImagerPixelSpacing: [0.2, 0.2] }),
    );
    expect(facts).to.include({ modality: 'CT', bodyPart: 'HEAD', burnedInText: true, frames: 1, instanceNumber: 7 });
    expect(Object.keys(facts).sort()).to.deep.equal(
      ['bodyPart', 'burnedInText', 'frames', 'geometry', 'instanceNumber', 'modality', 'slicePosition', 'sopInstanceUid', 'transferSyntax'].sort(),
    );
    expect(facts.geometry).to.deep.include({ pixelSpacing: [0.2, 0.2], spacingKind: 'imager' });
    expect(JSON.stringify(facts)).not.to.contain('Doe');
  });

  it('refuses a video transfer syntax as a video we cannot play, and an unknown one as an image we cannot open', async () => {
    expect(await failure(dicom({}, '1.2.840.10008.1.2.4.102'))).to.equal('unsupported-video');
    expect(await failure(dicom({}, '1.2.840.10008.1.2.4.108'))).to.equal('unsupported-video');
    expect(await failure(dicom({}, '1.2.3.4.5'))).to.equal('unsupported-image');
  });

  it('refuses objects with no picture (a structured report, a presentation state)', async () => {
    const noPixels = { PixelData: undefined, _vrMap: {} };
    expect(await failure(dicom({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.22', ...noPixels }))).to.equal('not-an-image');
    expect(await failure(dicom({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.11.1' }))).to.equal('not-an-image');
  });

  it('calls pixel data shorter than declared a damaged file', async () => {
    expect(await failure(dicom({ Rows: 64, Columns: 64 }))).to.equal('corrupt-file');
  });

  it('calls a file that is not DICOM at all an unsupported format, and cut-off DICOM damaged', async () => {
    expect(await failure(new TextEncoder().encode('<!doctype html><p>Sign in</p>').buffer as ArrayBuffer)).to.equal(
      'unsupported-format',
    );
    const whole = new Uint8Array(dicom({}));
    expect(await failure(whole.slice(0, 200).buffer)).to.equal('corrupt-file');
  });

  it('orders slices by Instance Number, then by position along the normal', () => {
    const slices = [
      { instanceNumber: 2, slicePosition: 0 },
      { instanceNumber: undefined, slicePosition: -5 },
      { instanceNumber: 1, slicePosition: 10 },
      { instanceNumber: undefined, slicePosition: -10 },
    ];
    expect([...slices].sort(compareSlices)).to.deep.equal([
      { instanceNumber: 1, slicePosition: 10 },
      { instanceNumber: 2, slicePosition: 0 },
      { instanceNumber: undefined, slicePosition: -10 },
      { instanceNumber: undefined, slicePosition: -5 },
    ]);
  });
});

describe('imageKey (unit)', () => {
  it('is the same for the same instance and frame, differs for another, and does not give the UID out', () => {
    const uid = '1.2.826.0.1.3680043.8.498.12345678901234567890';
    expect(imageKey(`${uid}/1`)).to.equal(imageKey(`${uid}/1`));
    expect(imageKey(`${uid}/1`)).not.to.equal(imageKey(`${uid}/2`));
    expect(imageKey(`${uid}/1`)).not.to.equal(imageKey(`${uid.slice(0, -1)}1/1`));
    expect(imageKey(`${uid}/1`)).not.to.contain('1.2.826');
    expect(imageKey(`${uid}/1`)).to.match(/^[0-9a-z]{1,11}$/);
  });
});
