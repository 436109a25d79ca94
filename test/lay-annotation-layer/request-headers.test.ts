import { expect } from '@open-wc/testing';
import type { LayAnnotationLayer, PatientImageViewer, PvAnnotationErrorEvent, RequestHeaders } from '../../src/index.js';
import { box, cleanup, loaded, serverInfo, until } from '../support/helpers.js';

/**
 * The layer's own `requestHeaders`: sent with its `src` fetch only, never taken from the viewer.
 * `/__secure/annotations/<name>` (test/support/server.mjs) serves an example document only to
 * `Authorization: Bearer <the test token>`, as `/__secure/<file>` serves the synthetic images.
 */

const DOCUMENT = '/__secure/annotations/chest-xray.json';

async function mount(
  viewerSetup: Partial<PatientImageViewer>,
  layerHeaders: RequestHeaders | undefined,
): Promise<{ viewer: PatientImageViewer; layer: LayAnnotationLayer; errors: PvAnnotationErrorEvent[] }> {
  const viewer = document.createElement('patient-image-viewer');
  viewer.loading = 'eager';
  Object.assign(viewer, viewerSetup);
  const layer = document.createElement('lay-annotation-layer');
  const errors: PvAnnotationErrorEvent[] = [];
  layer.addEventListener('pv-annotation-error', (event) => errors.push(event));
  if (layerHeaders) layer.requestHeaders = layerHeaders;
  layer.src = DOCUMENT;
  viewer.append(layer);
  box(640, 480).append(viewer);
  await loaded(viewer);
  return { viewer, layer, errors };
}

describe('<lay-annotation-layer>: its own request headers for src', () => {
  afterEach(cleanup);

  it('a layer given the header loads its labels', async () => {
    const { token } = await serverInfo();
    const { layer, errors } = await mount({ src: '/__synthetic/chest-xray.dcm' }, { Authorization: `Bearer ${token}` });
    await until(() => layer.labelCount > 0, 5000, 'the labels');
    expect(errors).to.deep.equal([]);
    expect(layer.shadowRoot!.textContent).to.not.contain('We could not show the notes for this image');
  });

  it('a function is asked again once after a 401, with refresh: true', async () => {
    const { token } = await serverInfo();
    const asked: boolean[] = [];
    const headers: RequestHeaders = ({ refresh }) => {
      asked.push(refresh);
      return { Authorization: `Bearer ${refresh ? token : 'expired'}` };
    };
    const { layer } = await mount({ src: '/__synthetic/chest-xray.dcm' }, headers);
    await until(() => layer.labelCount > 0, 5000, 'the labels, with fresh credentials');
    expect(asked).to.deep.equal([false, true]);
  });

  it('[HAZ-013] the viewer’s token never goes to the layer’s URL: without its own header the layer cannot load, and says so', async () => {
    const { token, synthetic } = await serverInfo();
    // The viewer's token opens the same gate (its image comes through it)...
    const { viewer, layer, errors } = await mount({ src: `/__secure/${synthetic.xray}`, requestHeaders: { Authorization: `Bearer ${token}` } }, undefined);
    expect(viewer.status).to.equal('loaded');
    // ...but the layer does not send it: refused, the plain "could not load" state and pv-annotation-error.
    await until(() => errors.length > 0, 5000, 'pv-annotation-error');
    await layer.updateComplete;
    expect(errors[0]!.detail.problems[0]!.message).to.contain('could not be read');
    expect(layer.labelCount).to.equal(0);
    expect(layer.shadowRoot!.querySelector('.problem')!.textContent).to.contain('We could not show the notes for this image');
  });
});
