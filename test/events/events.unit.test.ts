import { expect } from '@open-wc/testing';
import {
  PvAnnotationErrorEvent,
  PvAnnotationsChangeEvent,
  PvDeferEvent,
  PvDisclosureRequestEvent,
  PvErrorEvent,
  PvImageChangeEvent,
  PvLabelSelectEvent,
  PvLinkBlockedEvent,
  PvLoadEvent,
  PvQuestionEvent,
  PvReportErrorEvent,
  PvRevealEvent,
  PvShareRequestEvent,
  PvViewChangeEvent,
} from '../../src/index.js';
import * as oldModule from '../../src/events/pv-disclosure-events.js';

/** Every public event: a `detail` object in, the same frozen `detail` out, bubbling out of shadow roots. */
describe('events: one constructor shape (a detail object)', () => {
  const events = [
    new PvLoadEvent({ modality: 'CT', bodyPart: 'HEAD', burnedInText: false, imageCount: 3, index: 1, renderer: 'cpu', skippedImages: 0 }),
    new PvErrorEvent({ type: 'network', message: 'No connection', retryable: true }),
    new PvImageChangeEvent({ index: 2, imageCount: 3 }),
    new PvViewChangeEvent({ index: 2, imageCount: 3, zoom: 1.5 }),
    new PvAnnotationErrorEvent({ problems: [{ path: 'labels[0].id', message: 'Missing' }] }),
    new PvLinkBlockedEvent({ labelId: 'heart', url: 'http://example.com' }),
    new PvLabelSelectEvent({ id: 'heart', imageIndex: 0 }),
    new PvQuestionEvent({ question: 'Is this normal?', about: 'summary', at: '2026-01-01T00:00:00.000Z' }),
    new PvReportErrorEvent({ type: 'timeout', message: 'Too slow' }),
    new PvDisclosureRequestEvent({ scope: 'finding', findings: ['mass'] }),
    new PvRevealEvent({ scope: 'study', at: '2026-01-01T00:00:00.000Z', remembered: false }),
    new PvDeferEvent({ scope: 'study', at: '2026-01-01T00:00:00.000Z', remembered: true }),
    new PvShareRequestEvent({ scope: 'series', imageCount: 3, modality: 'CT', at: '2026-01-01T00:00:00.000Z' }),
    // --- issue 18 editor ---
    new PvAnnotationsChangeEvent({ document: { version: 1, labels: [] }, problems: [], hardSentences: 0, cause: 'edit' }),
  ];

  for (const event of events) {
    it(`${event.type}: bubbles, composed, frozen detail, its class's name`, () => {
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(Object.isFrozen(event.detail)).to.equal(true);
      expect(event.type).to.equal((event.constructor as unknown as { eventName: string }).eventName);
    });
  }

  it('pv-load takes its fields one by one: spreading the file facts carries nothing else out', () => {
    const facts = { modality: 'MR', bodyPart: 'KNEE', burnedInText: true, patientName: 'Not to be sent' };
    const event = new PvLoadEvent({ ...facts, imageCount: 20, index: 0, renderer: 'gpu', skippedImages: 1 });
    expect(event.detail).to.deep.equal({
      modality: 'MR',
      bodyPart: 'KNEE',
      burnedInText: true,
      imageCount: 20,
      index: 0,
      renderer: 'gpu',
      skippedImages: 1,
    });
  });

  it('pv-disclosure-request is cancellable and its findings list is frozen; a study request has no findings field', () => {
    const finding = new PvDisclosureRequestEvent({ scope: 'finding', findings: ['mass'] });
    expect(finding.cancelable).to.equal(true);
    expect(Object.isFrozen(finding.detail.findings)).to.equal(true);
    expect(new PvDisclosureRequestEvent({ scope: 'study' }).detail).to.deep.equal({ scope: 'study' });
  });

  it('the old positional constructors (deprecated) still give the same detail', () => {
    const facts = { modality: 'CT', bodyPart: 'CHEST', burnedInText: false };
    expect(new PvLoadEvent(facts, 3, 1, 'cpu').detail).to.deep.equal(
      new PvLoadEvent({ ...facts, imageCount: 3, index: 1, renderer: 'cpu', skippedImages: 0 }).detail,
    );
    expect(new PvLoadEvent(facts, 3, 1, 'gpu', 2).detail.skippedImages).to.equal(2);
    expect(new PvImageChangeEvent(2, 3).detail).to.deep.equal({ index: 2, imageCount: 3 });
    expect(new PvViewChangeEvent(2, 3, 1.5).detail).to.deep.equal({ index: 2, imageCount: 3, zoom: 1.5 });
    expect(new PvLabelSelectEvent('heart', undefined).detail).to.deep.equal({ id: 'heart', imageIndex: undefined });
    expect(new PvLinkBlockedEvent('heart', 'http://example.com').detail).to.deep.equal({ labelId: 'heart', url: 'http://example.com' });
    const problems = [{ path: '', message: 'Unreadable' }];
    expect(new PvAnnotationErrorEvent(problems).detail).to.deep.equal({ problems });
    expect(new PvDisclosureRequestEvent('finding', ['mass']).detail).to.deep.equal({ scope: 'finding', findings: ['mass'] });
    expect(new PvDisclosureRequestEvent('study').detail).to.deep.equal({ scope: 'study' });
  });

  it('the old module path still exports the three disclosure events', () => {
    expect(oldModule.PvDisclosureRequestEvent).to.equal(PvDisclosureRequestEvent);
    expect(oldModule.PvRevealEvent).to.equal(PvRevealEvent);
    expect(oldModule.PvDeferEvent).to.equal(PvDeferEvent);
  });

  it('[HAZ-005] pv-share-request is cancellable and carries its fields one by one: nothing else a caller spreads in', () => {
    const facts = { scope: 'image' as const, imageIndex: 2, imageCount: 5, modality: 'DX', at: '2026-01-01T00:00:00.000Z', patientName: 'Not to be sent', studyUid: '1.2.3' };
    const event = new PvShareRequestEvent(facts);
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ scope: 'image', imageIndex: 2, imageCount: 5, modality: 'DX', at: '2026-01-01T00:00:00.000Z' });
    // An image index only says which picture when the scope is one picture.
    expect(new PvShareRequestEvent({ ...facts, scope: 'study' }).detail).not.to.have.property('imageIndex');
  });
});
