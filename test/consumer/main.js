// The README's npm usage: register the elements, and use the package's exports.
import 'patient-image-viewer/define.js';
import { configureEngine } from 'patient-image-viewer';

configureEngine({ maxCacheBytes: 64 * 1024 * 1024 });

const viewer = document.getElementById('viewer');
for (const type of ['pv-load', 'pv-error']) {
  viewer.addEventListener(type, (event) => {
    document.body.dataset.outcome = type === 'pv-load' ? 'loaded' : `error: ${event.detail.type}`;
  });
}
