/**
 * Marks from the PACS (an SR, GSPS or KOS, read by `src/sources/pacs-drafts.ts`) as draft labels:
 * only those on images of this study and inside them. Their clinical words become the writer's
 * note (never exported); the title is left empty, so a draft stays out of the document until written.
 * A draft of a finding (an SR's findings and measurements, a GSPS's text and graphics) starts
 * sensitive (HAZ-001): once written, the patient sees it only after choosing to, unless the writer
 * unticks "Sensitive". Key images (KOS) mark no finding, so their drafts start routine.
 */
import { blankLabel, nextLabelId, type DraftLabel } from '../../annotations/draft.js';
import type { PacsDrafts, PacsMark } from '../../sources/pacs-drafts.js';
import type { Words } from './render-context.js';

/** What a draft needs of the viewer: which image a mark is on, and that image's size. */
export interface DraftsViewer {
  imageIndexFor(target: { sopInstanceUid: string; frame?: number }): number | undefined;
  imageGeometry(index: number): { columns: number; rows: number } | undefined;
}

/** The drafts made, and the marks left out and why. */
export interface DraftsResult {
  added: DraftLabel[];
  notInStudy: number;
  outside: number;
}

/** Draft labels for `drafts`' marks, with ids not used by `labels`. */
export function draftLabels(drafts: PacsDrafts, viewer: DraftsViewer, labels: readonly DraftLabel[]): DraftsResult {
  const added: DraftLabel[] = [];
  let notInStudy = 0;
  let outside = 0;
  const sensitivity = draftSensitivity(drafts.kind);
  for (const mark of drafts.marks) {
    const index = viewer.imageIndexFor(mark.image);
    const geometry = index === undefined ? undefined : viewer.imageGeometry(index);
    if (index === undefined || !geometry) {
      notInStudy++;
      continue;
    }
    const placed = placeMark(mark, geometry.columns, geometry.rows);
    if (!placed) {
      outside++;
      continue;
    }
    added.push(blankLabel(nextLabelId([...labels, ...added]), { ...mark.image }, placed.point, { kind: 'finding', sensitivity, outline: placed.outline, note: mark.note, site: mark.site }));
  }
  return { added, notInStudy, outside };
}

/** How a draft from this kind of object starts: a finding's (SR, GSPS) held until the patient chooses; a key image's (KOS) not. */
export function draftSensitivity(kind: PacsDrafts['kind']): DraftLabel['sensitivity'] {
  return kind === 'kos' ? 'routine' : 'sensitive';
}

/** What the editor says after opening drafts: how many, and what was left out and why. */
export function draftsMessage(w: Words, drafts: PacsDrafts, result: DraftsResult): string {
  const { added, notInStudy, outside } = result;
  const why = [
    notInStudy ? w('pacsNotInStudy', { count: notInStudy }) : '',
    outside ? w('pacsOutside', { count: outside }) : '',
    drafts.unreadable ? w('pacsUnreadable', { count: drafts.unreadable }) : '',
  ].filter(Boolean);
  const left = notInStudy + outside + drafts.unreadable;
  let opened = added.length > 0 ? w('pacsOpened', { count: added.length, kind: w(drafts.kind) }) : w('pacsNone');
  if (added.some((label) => label.sensitivity === 'sensitive')) opened += ` ${w('pacsHeld')}`;
  return left > 0 ? `${opened} ${w('pacsLeftOut', { count: left, why: why.join(', ') })}` : opened;
}

/** What opening a study's objects gave, all together. */
export interface StudyDraftsResult extends DraftsResult {
  /** Objects (SR, PR, KO instances) found in the study. */
  found: number;
  /** Marks that could not be read, in the objects that could. */
  unreadable: number;
  /** Why each object (or series list) that could not be opened failed, in plain words. */
  failed: string[];
  /** Objects found that this editor had already turned into drafts (left out, not added twice). */
  already?: number;
}

/** What the editor says after finding a study's drafts: how many objects and drafts, what was left out, what could not be opened. */
export function studyDraftsMessage(w: Words, result: StudyDraftsResult): string {
  const { found, added, notInStudy, outside, unreadable, failed, already = 0 } = result;
  if (found === 0 && failed.length === 0) return w('pacsNoneFound');
  const parts = [w('pacsFound', { found, count: added.length })];
  if (already > 0) parts.push(w('pacsAlready', { count: already }));
  if (added.some((label) => label.sensitivity === 'sensitive')) parts.push(w('pacsHeld'));
  const why = [
    notInStudy ? w('pacsNotInStudy', { count: notInStudy }) : '',
    outside ? w('pacsOutside', { count: outside }) : '',
    unreadable ? w('pacsUnreadable', { count: unreadable }) : '',
  ].filter(Boolean);
  const left = notInStudy + outside + unreadable;
  if (left > 0) parts.push(w('pacsLeftOut', { count: left, why: why.join(', ') }));
  if (failed.length > 0) parts.push(w('pacsNotOpened', { count: failed.length, why: [...new Set(failed)].join(' ') }));
  return parts.join(' ');
}

/** A PACS mark in image pixels, inside the image; undefined when it is outside. */
export function placeMark(mark: PacsMark, columns: number, rows: number): { point: { column: number; row: number }; outline: DraftLabel['outline'] } | undefined {
  const sx = mark.displayUnits ? columns : 1;
  const sy = mark.displayUnits ? rows : 1;
  const point = mark.point ? { column: mark.point.column * sx, row: mark.point.row * sy } : { column: columns / 2, row: rows / 2 };
  const inside = (c: number, r: number) => Number.isFinite(c) && Number.isFinite(r) && c >= 0 && r >= 0 && c <= columns && r <= rows;
  if (!inside(point.column, point.row)) return undefined;
  let outline = mark.outline;
  if (outline?.type === 'polyline') {
    const points = outline.points.map(([c, r]) => [c * sx, r * sy] as [number, number]);
    outline = points.every(([c, r]) => inside(c, r)) ? { ...outline, points } : undefined;
  } else if (outline?.type === 'ellipse') {
    const center: [number, number] = [outline.center[0] * sx, outline.center[1] * sy];
    const radii: [number, number] = [outline.radii[0] * sx, outline.radii[1] * sy];
    outline = inside(center[0] - radii[0], center[1] - radii[1]) && inside(center[0] + radii[0], center[1] + radii[1]) ? { type: 'ellipse', center, radii } : undefined;
  }
  return { point, outline };
}
