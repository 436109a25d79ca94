/** Types for ./pacs-objects.mjs (made-up SR, GSPS and KOS objects for the editor's tests). */
export const XR_SOP: string;
export const OBSERVER_NAME: string;
export const SR_FINDING: string;
export const SR_SITE: string;
export const GSPS_TEXT: string;
/** The image an object is about (default: the chest X-ray), and a root for the object's own UIDs. */
export interface About {
  study?: string;
  series?: string;
  sop?: string;
  uid?: string;
}
export function makeSr(options?: { hostile?: boolean; depth?: number; template?: string; on?: About }): ArrayBuffer;
export function makeGsps(options?: { circle?: boolean; on?: About }): ArrayBuffer;
export function makeKos(options?: { on?: About }): ArrayBuffer;
