import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ViewerLinkController } from '../../src/controllers/viewer-link-controller.js';

/** A child element of a (not defined here) `<patient-image-viewer>`, hosting the controller by hand. */
function setup() {
  const calls: string[] = [];
  const controllers: ReactiveController[] = [];
  const viewer = document.createElement('patient-image-viewer');
  const child = Object.assign(document.createElement('div'), {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void calls.push('update'),
    updateComplete: Promise.resolve(true),
  }) as HTMLDivElement & ReactiveControllerHost;
  const link = new ViewerLinkController(child, {
    onViewChange: () => calls.push('view'),
    onLoad: () => calls.push('load'),
  });
  viewer.append(child);
  document.body.append(viewer);
  return {
    calls,
    viewer,
    link,
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
}

describe('ViewerLinkController (unit)', () => {
  afterEach(() => document.querySelectorAll('patient-image-viewer').forEach((el) => el.remove()));

  it('finds the viewer it sits in and follows its loads and view changes while connected', () => {
    const { calls, viewer, link, connect, disconnect } = setup();
    expect(link.viewer).to.equal(undefined);
    connect();
    expect(link.viewer).to.equal(viewer);
    for (const type of ['pv-load', 'pv-error', 'pv-image-change', 'pv-view-change']) viewer.dispatchEvent(new Event(type));
    expect(calls).to.deep.equal(['update', 'load', 'update', 'load', 'update', 'load', 'view']);

    disconnect();
    expect(link.viewer).to.equal(undefined);
    viewer.dispatchEvent(new Event('pv-load'));
    viewer.dispatchEvent(new Event('pv-view-change'));
    expect(calls, 'no listeners left behind').to.have.length(7);
  });

  it('outside a viewer there is nothing to follow', () => {
    const { link, connect, viewer } = setup();
    const loose = viewer.firstElementChild!;
    document.body.append(loose);
    connect();
    expect(link.viewer).to.equal(undefined);
    loose.remove();
  });
});
