/**
 * "Save this image": a PNG of the picture as the patient sees it, with the labels they can see
 * drawn as numbered markers and text boxes, the orientation words, the scale bar and a caption. Only
 * what the caller passes is drawn: the caller passes the labels the patient has revealed, never a
 * held one (HAZ-001). Nothing identifying is added (no names, IDs or dates of birth; the caption
 * says what kind of picture it is and the day it was saved), and a canvas's PNG has no metadata.
 * Loaded only when the patient presses the button (a lazy chunk).
 */

import type { MessageKey } from '../lay/messages.js';
import { edgesFromImageOrientation, edgesFromPatientOrientation } from '../lay/orientation.js';
import type { ImageGeometry } from '../sources/inspect.js';

/** What the saved picture needs of the viewer (`<patient-image-viewer>` has it). */
export interface PictureViewer {
  readonly index: number;
  readonly imageCount: number;
  readonly stage?: HTMLElement | undefined;
  getBoundingClientRect(): DOMRect;
  frameBox(): PictureBox | undefined;
  imageToFrame(column: number, row: number): { x: number; y: number } | undefined;
  imageGeometry(index: number): ImageGeometry | undefined;
}

/** A label the patient can see on the picture on screen: its number in the list, title and point. */
export interface PictureLabel {
  number: number;
  title: string;
  point: { column: number; row: number };
}

/** The words of the copy, in the element's language (`messages` overrides applied). */
export interface PictureWords {
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** What the picture is, from its safe facts only ("X-ray of the chest"; never the portal's `alt`). */
  description: string;
  /** Today, in words ("7 December 2026"). */
  today: string;
}

/**
 * The copy of the picture on screen as a PNG, with `labels` (only the ones the patient can see:
 * the caller's to choose, HAZ-001) and the scale bar, or undefined when the viewer has no picture.
 */
export async function pictureOf(
  viewer: PictureViewer,
  labels: readonly PictureLabel[],
  words: PictureWords,
  scale?: { widthPx: number; label: string },
): Promise<Blob | undefined> {
  const source = viewer.stage?.querySelector('canvas');
  const frame = viewer.frameBox();
  if (!source || !frame) return undefined;
  const { t } = words;
  const outer = viewer.getBoundingClientRect();
  const rect = source.getBoundingClientRect();
  const markers = labels.flatMap(({ number, title, point }) => {
    const at = viewer.imageToFrame(point.column, point.row);
    return at ? [{ number, title, x: frame.x + at.x, y: frame.y + at.y }] : [];
  });
  const image = viewer.imageGeometry(viewer.index);
  const edges = edgesFromImageOrientation(image?.orientation) ?? edgesFromPatientOrientation(image?.patientOrientation);
  const word = (direction: string | undefined) => {
    if (!direction) return undefined;
    const text = t(`orientation.${direction}` as MessageKey);
    return edges?.oblique ? t('orientation.roughly', { direction: text }) : text;
  };
  const description = words.description;
  const count = viewer.imageCount;
  const what = count > 1 ? t('describeWithIndex', { description, index: viewer.index + 1, count }) : description;
  return drawPicture({
    source,
    area: { x: rect.left - outer.left, y: rect.top - outer.top, width: rect.width, height: rect.height },
    markers,
    edges: edges ? { top: word(edges.top), bottom: word(edges.bottom), left: word(edges.left), right: word(edges.right) } : {},
    scale: scale ? { widthPx: scale.widthPx, label: scale.label } : undefined,
    caption: t('copy.caption', { description: what, date: words.today }),
  });
}

/** A box in CSS pixels, all in one coordinate space (the viewer's top-left corner). */
export interface PictureBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PictureInput {
  /** The engine's canvas (the picture on screen). */
  source: HTMLCanvasElement;
  /** Where that canvas is, in CSS pixels. */
  area: PictureBox;
  /** The revealed labels on the picture on screen: number, title, and the marker's centre (CSS pixels). */
  markers: readonly { number: number; title: string; x: number; y: number }[];
  /** The orientation words at the picture's edges, in the patient's words. */
  edges: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;
  /** The scale bar: its width in CSS pixels and its words ("1 cm"). */
  scale?: { widthPx: number; label: string } | undefined;
  /** "X-ray of the chest, image 1 of 2, saved on 7 December 2026". */
  caption: string;
}

const MARKER = '#ffeb3b';
const TEXT = '#212b32';
const WHITE = '#ffffff';
const FONT = 'Arial, Helvetica, sans-serif';

/** Draw the copy and give it as a PNG. */
export async function drawPicture(input: PictureInput): Promise<Blob> {
  const { source, area } = input;
  // The canvas's own resolution (device pixels), at least 1 and at most 2 per CSS pixel.
  const ratio = Math.min(2, Math.max(1, source.width / Math.max(1, area.width)));
  const width = Math.round(area.width * ratio);
  const pictureHeight = Math.round(area.height * ratio);
  const captionHeight = Math.round(40 * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = pictureHeight + captionHeight;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, 0, width, pictureHeight);
  ctx.drawImage(source, 0, 0, width, pictureHeight);
  ctx.scale(ratio, ratio);
  ctx.textBaseline = 'middle';

  const inside = (x: number, y: number) => x >= 0 && y >= 0 && x <= area.width && y <= area.height;
  const markers = input.markers.map((m) => ({ ...m, x: m.x - area.x, y: m.y - area.y })).filter((m) => inside(m.x, m.y));
  drawEdges(ctx, input.edges, area);
  if (input.scale) drawScale(ctx, input.scale, area);
  // Text boxes never on top of each other: each moves down (then up) past the ones already drawn.
  const placed: PictureBox[] = [];
  for (const marker of markers) placed.push(drawTextBox(ctx, marker, area, placed));
  for (const marker of markers) drawMarker(ctx, marker);

  // The caption, on white under the picture.
  ctx.fillStyle = WHITE;
  ctx.fillRect(0, area.height, area.width, captionHeight / ratio);
  ctx.fillStyle = TEXT;
  ctx.font = `16px ${FONT}`;
  ctx.fillText(input.caption, 12, area.height + captionHeight / ratio / 2, area.width - 24);

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))), 'image/png'));
}

/** A numbered marker: yellow circle, dark border and number (as on screen). */
function drawMarker(ctx: CanvasRenderingContext2D, { number, x, y }: { number: number; x: number; y: number }): void {
  ctx.beginPath();
  ctx.arc(x, y, 14, 0, Math.PI * 2);
  ctx.fillStyle = MARKER;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = TEXT;
  ctx.stroke();
  ctx.fillStyle = TEXT;
  ctx.font = `bold 15px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(String(number), x, y + 1);
  ctx.textAlign = 'left';
}

const overlaps = (a: PictureBox, b: PictureBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The label's words in a white box beside its marker (right, or left near the right edge), kept in
 * the picture and off the boxes already `placed`. Returns where it went.
 */
function drawTextBox(
  ctx: CanvasRenderingContext2D,
  { number, title, x, y }: { number: number; title: string; x: number; y: number },
  area: PictureBox,
  placed: readonly PictureBox[],
): PictureBox {
  ctx.font = `15px ${FONT}`;
  const text = `${number}. ${title}`;
  const maxWidth = Math.max(60, area.width / 2 - 24);
  const textWidth = Math.min(maxWidth, ctx.measureText(text).width);
  const boxWidth = textWidth + 16;
  const boxHeight = 26;
  let left = x + 20;
  if (left + boxWidth > area.width - 4) left = x - 20 - boxWidth;
  left = Math.max(4, Math.min(left, area.width - 4 - boxWidth));
  const clampTop = (top: number) => Math.max(4, Math.min(top, area.height - 4 - boxHeight));
  let top = clampTop(y - boxHeight / 2);
  // Try below, then above, in steps of one box, until it is clear of the others (or out of room).
  for (let step = 1; step <= 8 && placed.some((box) => overlaps(box, { x: left, y: top, width: boxWidth, height: boxHeight })); step++) {
    const offset = Math.ceil(step / 2) * (boxHeight + 4) * (step % 2 === 1 ? 1 : -1);
    top = clampTop(y - boxHeight / 2 + offset);
  }
  ctx.fillStyle = WHITE;
  ctx.fillRect(left, top, boxWidth, boxHeight);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = TEXT;
  ctx.strokeRect(left, top, boxWidth, boxHeight);
  ctx.fillStyle = TEXT;
  ctx.fillText(text, left + 8, top + boxHeight / 2 + 1, maxWidth);
  return { x: left, y: top, width: boxWidth, height: boxHeight };
}

/** "Your right", "Head"...: white words on a dark box at the middle of each edge. */
function drawEdges(ctx: CanvasRenderingContext2D, edges: PictureInput['edges'], area: PictureBox): void {
  ctx.font = `bold 15px ${FONT}`;
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const text = edges[side];
    if (!text) continue;
    const width = ctx.measureText(text).width + 12;
    const height = 24;
    const x = side === 'left' ? 6 : side === 'right' ? area.width - 6 - width : (area.width - width) / 2;
    const y = side === 'top' ? 6 : side === 'bottom' ? area.height - 6 - height : (area.height - height) / 2;
    ctx.fillStyle = 'rgba(0, 0, 0, 0.75)';
    ctx.fillRect(x, y, width, height);
    ctx.fillStyle = WHITE;
    ctx.fillText(text, x + 6, y + height / 2 + 1);
  }
}

/** The scale bar at the bottom left: a white bar on a dark casing, and its words above it. */
function drawScale(ctx: CanvasRenderingContext2D, scale: { widthPx: number; label: string }, area: PictureBox): void {
  const x = 12;
  const y = area.height - 40;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.75)';
  ctx.font = `bold 14px ${FONT}`;
  const labelWidth = ctx.measureText(scale.label).width;
  ctx.fillRect(x - 4, y - 20, Math.max(scale.widthPx, labelWidth) + 8, 34);
  ctx.fillStyle = WHITE;
  ctx.fillRect(x, y + 4, scale.widthPx, 4);
  ctx.fillText(scale.label, x, y - 6);
}
