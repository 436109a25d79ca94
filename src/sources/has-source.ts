/**
 * What makes a viewer load, written once: which of its inputs is the source (first one set wins:
 * `files`, `urls`, `src`, then a DICOMweb series, which needs all three of its parts), and how near
 * the screen a lazy viewer starts. The viewer and the script-tag autoloader (src/cdn/autoload.ts)
 * both use this, so they cannot disagree. Tiny and free of imports: the script-tag shell loads it.
 */
import type { ViewerSource } from './prepare.js';

/** How near the screen (an IntersectionObserver `rootMargin`) a lazy viewer starts loading. */
export const NEAR_SCREEN_MARGIN = '200px';

/** A viewer's inputs that name what to show (its properties, or its attributes before it is defined). */
export interface SourceInputs {
  files?: File | FileList | readonly File[] | null;
  urls?: readonly string[];
  src?: string;
  dicomwebRoot?: string;
  studyUid?: string;
  seriesUid?: string;
}

/** The source these inputs name, or undefined when they name nothing. */
export function sourceOf(inputs: SourceInputs): ViewerSource | undefined {
  const { files, urls, src, dicomwebRoot, studyUid, seriesUid } = inputs;
  const list = files instanceof File ? [files] : files ? Array.from(files) : [];
  if (list.length > 0) return { kind: 'files', files: list };
  if (urls && urls.length > 0) return { kind: 'urls', urls: [...urls] };
  if (src) return { kind: 'urls', urls: [src] };
  if (dicomwebRoot && studyUid && seriesUid) return { kind: 'dicomweb', root: dicomwebRoot, study: studyUid, series: seriesUid };
  return undefined;
}

/** Whether these inputs name something to show. */
export function hasSource(inputs: SourceInputs): boolean {
  return sourceOf(inputs) !== undefined;
}

/**
 * The source inputs of a viewer element that may not be defined yet: a property set on it before
 * its class loaded is its own, else the attribute is all there is.
 */
export function sourceInputsOf(el: Element): SourceInputs {
  const fields = el as Element & Partial<Record<'files' | 'urls' | 'src' | 'dicomwebRoot' | 'studyUid' | 'seriesUid', unknown>>;
  const text = (value: unknown, attribute: string) => (typeof value === 'string' ? value : (el.getAttribute(attribute) ?? undefined));
  return {
    files: fields.files instanceof File || isFileList(fields.files) || Array.isArray(fields.files) ? (fields.files as SourceInputs['files']) : null,
    urls: Array.isArray(fields.urls) ? (fields.urls as string[]) : undefined,
    src: text(fields.src, 'src'),
    dicomwebRoot: text(fields.dicomwebRoot, 'dicomweb-root'),
    studyUid: text(fields.studyUid, 'study-uid'),
    seriesUid: text(fields.seriesUid, 'series-uid'),
  };
}

function isFileList(value: unknown): value is FileList {
  return typeof FileList !== 'undefined' && value instanceof FileList;
}
