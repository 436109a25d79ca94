/** Types for ./pacs-objects.mjs (made-up SR, GSPS and KOS objects for the editor's tests). */
export const XR_SOP: string;
export const OBSERVER_NAME: string;
export const SR_FINDING: string;
export const SR_SITE: string;
export const GSPS_TEXT: string;
export function makeSr(options?: { hostile?: boolean; depth?: number; template?: string }): ArrayBuffer;
export function makeGsps(options?: { circle?: boolean }): ArrayBuffer;
export function makeKos(): ArrayBuffer;
