export { PvLoadEvent, type PvLoadDetail } from './pv-load-event.js';
export { PvFirstPictureEvent, type PvFirstPictureDetail } from './pv-first-picture-event.js';
export { PvErrorEvent, type PvErrorDetail } from './pv-error-event.js';
export { PvImageChangeEvent, type PvImageChangeDetail } from './pv-image-change-event.js';
export { PvViewChangeEvent, type PvViewChangeDetail } from './pv-view-change-event.js';
export { PvAnnotationErrorEvent, type PvAnnotationErrorDetail } from './pv-annotation-error-event.js';
export { PvLinkBlockedEvent, type PvLinkBlockedDetail } from './pv-link-blocked-event.js';
export { PvLabelSelectEvent, type PvLabelSelectDetail } from './pv-label-select-event.js';
export { PvQuestionEvent, type PvQuestionDetail } from './pv-question-event.js';
export { PvReportErrorEvent, type PvReportErrorDetail } from './pv-report-error-event.js';
export { PvDisclosureRequestEvent, type PvDisclosureRequestDetail, type DisclosureScope } from './pv-disclosure-request-event.js';
export { PvRevealEvent, type PvChoiceDetail } from './pv-reveal-event.js';
export { PvDeferEvent } from './pv-defer-event.js';
export { PvSeriesChangeEvent, type PvSeriesChangeDetail } from './pv-series-change-event.js';
export { PvActivityEvent, type PvActivityDetail } from './pv-activity-event.js';
// --- issue 17 app ---
export { PvShareRequestEvent, type PvShareRequestDetail, type ShareScope } from './pv-share-request-event.js';
// --- issue 18 editor ---
export { PvAnnotationsChangeEvent, type PvAnnotationsChangeDetail } from './pv-annotations-change-event.js';

import type { PvLoadEvent } from './pv-load-event.js';
import type { PvFirstPictureEvent } from './pv-first-picture-event.js';
import type { PvErrorEvent } from './pv-error-event.js';
import type { PvImageChangeEvent } from './pv-image-change-event.js';
import type { PvViewChangeEvent } from './pv-view-change-event.js';
import type { PvAnnotationErrorEvent } from './pv-annotation-error-event.js';
import type { PvLinkBlockedEvent } from './pv-link-blocked-event.js';
import type { PvLabelSelectEvent } from './pv-label-select-event.js';
import type { PvDisclosureRequestEvent } from './pv-disclosure-request-event.js';
import type { PvRevealEvent } from './pv-reveal-event.js';
import type { PvDeferEvent } from './pv-defer-event.js';
import type { PvQuestionEvent } from './pv-question-event.js';
import type { PvReportErrorEvent } from './pv-report-error-event.js';
import type { PvSeriesChangeEvent } from './pv-series-change-event.js';
import type { PvActivityEvent } from './pv-activity-event.js';
import type { PvShareRequestEvent } from './pv-share-request-event.js';
import type { PvAnnotationsChangeEvent } from './pv-annotations-change-event.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-load': PvLoadEvent;
    'pv-first-picture': PvFirstPictureEvent;
    'pv-error': PvErrorEvent;
    'pv-image-change': PvImageChangeEvent;
    'pv-view-change': PvViewChangeEvent;
    'pv-annotation-error': PvAnnotationErrorEvent;
    'pv-link-blocked': PvLinkBlockedEvent;
    'pv-label-select': PvLabelSelectEvent;
    'pv-disclosure-request': PvDisclosureRequestEvent;
    'pv-reveal': PvRevealEvent;
    'pv-defer': PvDeferEvent;
    'pv-question': PvQuestionEvent;
    'pv-report-error': PvReportErrorEvent;
    'pv-series-change': PvSeriesChangeEvent;
    'pv-activity': PvActivityEvent;
    'pv-share-request': PvShareRequestEvent;
    'pv-annotations-change': PvAnnotationsChangeEvent;
  }
}
