export { PvLoadEvent, type PvLoadDetail } from './pv-load-event.js';
export { PvErrorEvent, type PvErrorDetail } from './pv-error-event.js';
export { PvImageChangeEvent, type PvImageChangeDetail } from './pv-image-change-event.js';
export { PvViewChangeEvent, type PvViewChangeDetail } from './pv-view-change-event.js';

import type { PvLoadEvent } from './pv-load-event.js';
import type { PvErrorEvent } from './pv-error-event.js';
import type { PvImageChangeEvent } from './pv-image-change-event.js';
import type { PvViewChangeEvent } from './pv-view-change-event.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-load': PvLoadEvent;
    'pv-error': PvErrorEvent;
    'pv-image-change': PvImageChangeEvent;
    'pv-view-change': PvViewChangeEvent;
  }
}
