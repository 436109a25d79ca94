/**
 * @deprecated The three disclosure events have one file each now; this module only re-exports them for
 * code that imported it. Import from the package entry, or from `pv-disclosure-request-event.js`,
 * `pv-reveal-event.js` and `pv-defer-event.js`.
 */
export { PvDisclosureRequestEvent, type PvDisclosureRequestDetail, type DisclosureScope } from './pv-disclosure-request-event.js';
export { PvRevealEvent, type PvChoiceDetail } from './pv-reveal-event.js';
export { PvDeferEvent } from './pv-defer-event.js';
