/**
 * Helpers for the reliability tests: the fault-injecting proxy in front of Orthanc
 * (test/support/fault-proxy.mjs), watching for uncaught errors, and reading what a viewer shows.
 */
import type { PatientImageViewer } from '../../src/index.js';

export interface FaultRule {
  /** A regular expression source matched against the request path, e.g. `/metadata$` or `/frames/`. */
  match: string;
  kind: 'status' | 'auth' | 'hang' | 'cut' | 'slow';
  status?: number;
  token?: string;
  ms?: number;
  times?: number;
}

export interface ProxyEntry {
  n: number;
  method: string;
  path: string;
  /** The query string, without the `?` ('' when none). */
  query: string;
  fault: string | null;
  status?: number;
  outcome: 'open' | 'completed' | 'cut' | 'client-closed' | 'cleared';
  authorization: boolean;
}

/** Replace the proxy's faults (and empty its log). */
export async function setFaults(rules: FaultRule[]): Promise<void> {
  const response = await fetch('/__fault-proxy/rules', { method: 'POST', body: JSON.stringify({ rules }) });
  if (!response.ok) throw new Error(`fault proxy: ${response.status}`);
}

/** The fault passes: every rule goes, requests held open are let go. */
export async function clearFaults(): Promise<void> {
  await fetch('/__fault-proxy/clear', { method: 'POST' });
}

/** What the proxy saw since the rules were last set. */
export async function proxyLog(): Promise<{ log: ProxyEntry[]; open: number }> {
  return (await fetch('/__fault-proxy/log', { cache: 'no-store' })).json() as Promise<{ log: ProxyEntry[]; open: number }>;
}

/** Collect uncaught errors and unhandled rejections on this page (mocha would hide some of them). */
export function watchUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason?.message ?? event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The viewer's visible text, whitespace collapsed. */
export function shownText(el: PatientImageViewer): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

export function tryAgainButton(el: PatientImageViewer): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Try again');
}

/** Nothing left spinning: no loading overlay, no progress bar. */
export function stuck(el: PatientImageViewer): boolean {
  return Boolean(el.shadowRoot!.querySelector('.loading, progress'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
