/**
 * Words for a link out, taken from where it really goes (WCAG 2.4.4, link purpose): the site,
 * named as patients know it, and the page's title where it is known (given, or read from the
 * page's address), never the word that led to it. "MRI scan on the NHS website" says where a link
 * from "ventricle" goes; "Read more about ventricle" did not.
 */
import type { MessageKey } from './messages.js';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Short words that are written in capitals in a page title. */
const CAPITALS = new Set(['mri', 'ct', 'pet', 'copd', 'dexa', 'ecg', 'hiv', 'ibs', 'uti', 'dvt', 'nhs', 'gp', 'ivf', 'adhd']);

/** The site of a link, in words ("the NHS website"), or its host name for another trusted site. */
export function siteName(url: URL, t: Translate): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host === '111.nhs.uk') return t('site.111');
  if (host === 'nhs.uk' || host.endsWith('.nhs.uk')) return t('site.nhs');
  if (host === 'patient.info' || host.endsWith('.patient.info')) return t('site.patient');
  return host;
}

/**
 * A page title read from its address: the last part of the path, in words
 * ("/tests-and-treatments/mri-scan/" gives "MRI scan", "/conditions/x-ray/" gives "X-ray").
 * Undefined for a site's home page.
 */
export function titleFromPath(url: URL): string | undefined {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  if (!last) return undefined;
  let words: string;
  try {
    words = decodeURIComponent(last);
  } catch {
    return undefined;
  }
  words = words.replace(/\.(html?|aspx?)$/i, '').replace(/\bx-ray/gi, 'X\u2011ray').replace(/[-_]+/g, ' ').replace(/\u2011/g, '-').trim();
  if (!words || /^\d+$/.test(words)) return undefined;
  const spaced = words
    .split(/\s+/)
    .map((word) => (CAPITALS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()))
    .join(' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The words of a "read more" link to `href`: "{title} on {site}" (`title` when it is text, such as
 * a glossary entry's optional `urlTitle`, else read from the address), or "Read about this on
 * {site}" when no title can be known. Addresses are in English: pass `readTitleFromAddress` false
 * for words in another language (Welsh), so no English title sits untagged in a Welsh sentence.
 */
export function readMoreText(href: string, t: Translate, title?: unknown, readTitleFromAddress = true): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return t('layer.readMoreSite', { site: href });
  }
  const site = siteName(url, t);
  const name = (typeof title === 'string' ? title.trim() : '') || (readTitleFromAddress ? titleFromPath(url) : undefined);
  return name ? t('layer.readMoreTitle', { title: name, site }) : t('layer.readMoreSite', { site });
}
