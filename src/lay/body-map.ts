import { html, nothing, svg, type HTMLTemplateResult } from 'lit';

/** The parts of the body the drawing can mark. Paired limbs are marked on both sides. */
export type BodyRegion =
  | 'head'
  | 'neck'
  | 'chest'
  | 'abdomen'
  | 'pelvis'
  | 'spine'
  | 'arm'
  | 'hand'
  | 'leg'
  | 'knee'
  | 'foot'
  | 'whole-body';

// ---------------------------------------------------------------------------------------------
// Which region: from DICOM Body Part Examined (0018,0015), then from plain words.
// ---------------------------------------------------------------------------------------------

/**
 * DICOM Body Part Examined codes (PS3.16 CID 4031 and common local variants), compared with
 * everything but A to Z removed, so `C-SPINE` and `L SPINE` are found too.
 *
 * Codes that cover more than one region (CHESTABDOMEN, ABDOMENPELVIS, HEADNECK...) are left out on
 * purpose: marking only one of the parts would tell the patient something untrue.
 */
const REGION_BY_CODE: Readonly<Record<string, BodyRegion>> = {
  ...codes('head', 'HEAD BRAIN SKULL FACE JAW TMJ EYE ORBIT EAR IAC NOSE SINUS PARANASALSINUS MOUTH MANDIBLE MAXILLA ZYGOMA SCALP CEREBELLUM CHEEK TONGUE PAROTID PITUITARY SELLA CIRCLEOFWILLIS TEMPORALBONE NASOPHARYNX TEETH TOOTH'),
  // The neck bones: patients read "X-ray of the neck" (see part.CSPINE), so the drawing agrees.
  ...codes('neck', 'NECK CSPINE THYROID LARYNX PHARYNX OROPHARYNX HYPOPHARYNX CAROTID SUBMANDIBULAR TRACHEA'),
  ...codes('chest', 'CHEST THORAX LUNG LUNGS HEART RIB RIBS STERNUM CLAVICLE BREAST MEDIASTINUM ESOPHAGUS OESOPHAGUS THYMUS BRONCHUS AXILLA CORONARYARTERY'),
  ...codes('abdomen', 'ABDOMEN ABDOMINAL STOMACH LIVER KIDNEY KIDNEYS SPLEEN PANCREAS GALLBLADDER BOWEL COLON DUODENUM JEJUNUM ILEUM ADRENAL APPENDIX'),
  ...codes('pelvis', 'PELVIS HIP HIPS BLADDER PROSTATE UTERUS OVARY CERVIX VAGINA VULVA PENIS SCROTUM TESTIS RECTUM BUTTOCK ILIUM GROIN SIJOINT SACROILIACJOINT'),
  ...codes('spine', 'SPINE TSPINE LSPINE CTSPINE TLSPINE LSSPINE SSPINE WHOLESPINE SACRUM COCCYX BACK'),
  ...codes('arm', 'ARM ARMS UPPERARM FOREARM SHOULDER ELBOW HUMERUS RADIUS ULNA SCAPULA UPPERLIMB UPPEREXTREMITY ACJOINT'),
  ...codes('hand', 'HAND HANDS WRIST FINGER THUMB SCAPHOID'),
  ...codes('leg', 'LEG LEGS THIGH FEMUR CALF TIBIA FIBULA LOWERLEG UPPERLEG LOWERLIMB LOWEREXTREMITY'),
  ...codes('knee', 'KNEE KNEES PATELLA'),
  ...codes('foot', 'FOOT FEET ANKLE TOE HEEL CALCANEUS'),
  ...codes('whole-body', 'WHOLEBODY'),
};

/**
 * Plain words, as they appear in label titles ("right lung", "meniscus"). Two-word phrases are
 * looked up before single words. Words with more than one meaning ("back", "body", "disc") are left
 * out, so "back of the knee" still means the knee.
 */
const REGION_BY_WORD: ReadonlyMap<string, BodyRegion> = new Map<string, BodyRegion>([
  ...words('head', 'head brain skull face jaw jawbone eye eyes ear ears nose sinus sinuses mouth teeth tooth cheek forehead scalp cerebellum cerebrum brainstem mandible maxilla orbit pituitary temple'),
  ...words('neck', 'neck throat thyroid larynx voicebox pharynx windpipe trachea carotid tonsil tonsils'),
  ...words('chest', 'chest lung lungs heart rib ribs breast breasts breastbone sternum collarbone clavicle thorax pleura pleural bronchus bronchi airway airways mediastinum oesophagus esophagus gullet cardiac aorta'),
  ...words('abdomen', 'abdomen abdominal tummy belly stomach liver kidney kidneys spleen pancreas gallbladder gall bowel bowels intestine intestines colon appendix duodenum navel umbilicus adrenal'),
  ...words('pelvis', 'pelvis pelvic hip hips bladder womb uterus ovary ovaries prostate groin rectum buttock buttocks'),
  ...words('spine', 'spine spinal backbone vertebra vertebrae vertebral lumbar sacrum coccyx tailbone'),
  ...words('arm', 'arm arms shoulder shoulders elbow elbows forearm forearms humerus ulna biceps triceps armpit scapula'),
  ...words('hand', 'hand hands wrist wrists finger fingers thumb thumbs palm knuckle knuckles scaphoid carpal metacarpal'),
  ...words('leg', 'leg legs thigh thighs calf calves shin shins femur femoral thighbone tibia fibula hamstring'),
  ...words('knee', 'knee knees kneecap patella meniscus menisci cruciate acl'),
  ...words('foot', 'foot feet ankle ankles toe toes heel heels achilles calcaneus metatarsal sole bunion'),
  ['whole body', 'whole-body'],
  ['upper arm', 'arm'],
  ['shoulder blade', 'arm'],
  ['gall bladder', 'abdomen'],
  ['spinal cord', 'spine'],
]);

const MAX_CODE_LENGTH = 64;
const MAX_WORDS = 100;
const MAX_WORD_LENGTH = 200;

/**
 * The region to mark for an image.
 *
 * `bodyPart` is DICOM Body Part Examined (0018,0015), an upper-case code such as `CHEST`,
 * `LSPINE` or `KNEE`. When it is empty or unknown, its own words and then `words` (for example the
 * titles of labels on the image: "right lung", "meniscus") are used; the region most of them point
 * to wins, and a tie goes to the one named first. Returns `undefined` when nothing is recognised:
 * then show no drawing rather than a wrong one. Never throws.
 */
export function bodyRegionFor(bodyPart: string, words?: readonly string[]): BodyRegion | undefined {
  const part = typeof bodyPart === 'string' ? bodyPart.slice(0, MAX_CODE_LENGTH) : '';
  const code = part.toUpperCase().replace(/[^A-Z]/g, '');
  const byCode = Object.hasOwn(REGION_BY_CODE, code) ? REGION_BY_CODE[code] : undefined;
  if (byCode) return byCode;

  const texts = [part, ...(Array.isArray(words) ? words.slice(0, MAX_WORDS) : [])];
  const votes = new Map<BodyRegion, number>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const region of regionsIn(text.slice(0, MAX_WORD_LENGTH))) {
      votes.set(region, (votes.get(region) ?? 0) + 1);
    }
  }
  let best: BodyRegion | undefined;
  for (const [region, count] of votes) {
    // Map keeps insertion order, so on a tie the region named first stays.
    if (best === undefined || count > votes.get(best)!) best = region;
  }
  return best;
}

function regionsIn(text: string): BodyRegion[] {
  const tokens = text.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  const found: BodyRegion[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? REGION_BY_WORD.get(`${tokens[i]} ${tokens[i + 1]}`) : undefined;
    if (pair) {
      found.push(pair);
      i++;
      continue;
    }
    const single = REGION_BY_WORD.get(tokens[i]!);
    if (single) found.push(single);
  }
  return found;
}

function codes(region: BodyRegion, list: string): Record<string, BodyRegion> {
  return Object.fromEntries(list.split(' ').map((code) => [code, region]));
}

function words(region: BodyRegion, list: string): [string, BodyRegion][] {
  return list.split(' ').map((word) => [word, region]);
}

// ---------------------------------------------------------------------------------------------
// The drawing: a plain front-view outline, 120 x 300 units, symmetric about x = 60.
// ---------------------------------------------------------------------------------------------

type Point = readonly [x: number, y: number];
/** A closed outline: a start point, then lines (or quadratic curves, with `c`) back to the start. */
interface Outline {
  readonly start: Point;
  readonly segments: readonly { readonly to: Point; readonly c?: Point }[];
}

const WIDTH = 120;
const HEIGHT = 300;

/** Path data for outlines. All outlines run clockwise, so overlapping pieces join up (nonzero fill). */
function d(outline: Outline): string {
  const p = ([x, y]: Point) => `${x} ${y}`;
  const parts = outline.segments.map((s) => (s.c ? `Q${p(s.c)} ${p(s.to)}` : `L${p(s.to)}`));
  return `M${p(outline.start)}${parts.join('')}Z`;
}

/** The same outline on the other side of the body, still clockwise. */
function mirrored(outline: Outline): Outline {
  const flip = ([x, y]: Point): Point => [WIDTH - x, y];
  const points = [outline.start, ...outline.segments.map((s) => s.to)];
  const segments = outline.segments.map((_, i) => ({ to: flip(points[i]!), c: outline.segments[i]!.c && flip(outline.segments[i]!.c!) })).reverse();
  return { start: flip(points.at(-1)!), segments };
}

function bothSides(left: Outline): string {
  return d(left) + d(mirrored(left));
}

const line = (x: number, y: number) => ({ to: [x, y] as Point });
const curve = (cx: number, cy: number, x: number, y: number) => ({ c: [cx, cy] as Point, to: [x, y] as Point });

const HEAD = 'M60 6A15 18 0 0 1 75 24A15 18 0 0 1 60 42A15 18 0 0 1 45 24A15 18 0 0 1 60 6Z';
const NECK = d({ start: [53, 36], segments: [line(67, 36), line(67, 57), line(53, 57), line(53, 36)] });
const CHEST = d({
  start: [46, 54],
  segments: [line(74, 54), curve(85, 55, 87, 66), line(83, 106), line(37, 106), line(33, 66), curve(35, 55, 46, 54)],
});
const ABDOMEN = d({
  start: [37, 106],
  segments: [line(83, 106), curve(81, 114, 81, 124), curve(81, 134, 84, 142), line(36, 142), curve(39, 134, 39, 124), curve(39, 114, 37, 106)],
});
const PELVIS = d({
  start: [36, 142],
  segments: [line(84, 142), curve(86, 152, 85, 162), line(84, 171), line(36, 171), line(35, 162), curve(34, 152, 36, 142)],
});
const SPINE = d({
  start: [57, 44],
  segments: [line(63, 44), curve(65, 44, 65, 46), line(65, 164), curve(65, 166, 63, 166), line(57, 166), curve(55, 166, 55, 164), line(55, 46), curve(55, 44, 57, 44)],
});
/** Small gaps across the spine, so the marked column reads as a backbone of separate bones. */
const SPINE_GAPS = Array.from({ length: 14 }, (_, i) => `M55 ${53 + i * 8}H65`).join('');
/** The viewer's left side; the right side is its mirror image. The arm includes the shoulder. */
const ARM: Outline = {
  start: [44, 56],
  segments: [line(37, 84), line(30, 112), line(23, 148), line(13, 148), line(18, 110), line(27, 68), curve(31, 57, 44, 56)],
};
const HAND: Outline = {
  start: [13, 145],
  segments: [line(23, 145), curve(26, 156, 24, 165), curve(22, 174, 17, 174), curve(11, 173, 10.5, 163), curve(10, 154, 13, 145)],
};
/** The leg runs from the hip to the ankle and includes the knee; its edges are straight at the knee. */
const LEG: Outline = {
  start: [36, 168],
  segments: [line(60, 168), line(60, 176), curve(58, 195, 56, 214), line(55, 234), curve(54, 254, 53, 274), line(43, 274), curve(41, 254, 40, 234), line(39, 214), curve(35, 190, 36, 168)],
};
/** The band of the leg between y = 214 and y = 234, on the leg's own edges. */
const KNEE: Outline = { start: [39, 214], segments: [line(56, 214), line(55, 234), line(40, 234), line(39, 214)] };
const FOOT: Outline = {
  start: [43, 271],
  segments: [line(53, 271), curve(55, 281, 54.5, 287), curve(54, 291, 49, 291), line(38, 291), curve(32.5, 291, 34, 286.5), curve(36, 280, 43, 271)],
};

/** The whole outline as one path: drawn stroke first, its fill hides the seams between pieces. */
const SILHOUETTE = [HEAD, NECK, CHEST, ABDOMEN, PELVIS, bothSides(ARM), bothSides(HAND), bothSides(LEG), bothSides(FOOT)].join('');

const REGION_PATH: Readonly<Record<BodyRegion, string>> = {
  head: HEAD,
  neck: NECK,
  chest: CHEST,
  abdomen: ABDOMEN,
  pelvis: PELVIS,
  spine: SPINE,
  arm: bothSides(ARM),
  hand: bothSides(HAND),
  leg: bothSides(LEG),
  knee: bothSides(KNEE),
  foot: bothSides(FOOT),
  'whole-body': SILHOUETTE,
};

/**
 * The drawing's colours: any CSS colour, or a `var()` of the caller's own tokens. Written as
 * presentation attributes, never `style`, so a Content Security Policy without `'unsafe-inline'`
 * styles allows them.
 */
export interface BodyMapColours {
  /** The body's outline. */
  outline: string;
  /** Inside the body, and the thin edge round the marked region. */
  fill: string;
  /** The marked region and its dashed ring. */
  highlight: string;
}

/**
 * The colours used when none are passed in: the drawing's own custom properties, which a host may
 * set on any ancestor (`<lay-annotation-layer>` sets them from its public `--pv-body-map-*`), each
 * with the NHS value as its fallback. The drawing knows nothing of the element that shows it.
 */
export const BODY_MAP_COLOURS: Readonly<BodyMapColours> = Object.freeze({
  outline: 'var(--_body-outline, #4c6272)',
  fill: 'var(--_body-fill, #ffffff)',
  highlight: 'var(--_body-highlight, #005eb8)',
});

/**
 * A friendly front-view outline of a body with one region marked, for "which part of me is this?".
 *
 * The region is filled in the highlight colour and also ringed by a thicker dashed line, so it can be
 * seen without telling colours apart. The `<svg>` has `role="img"` and `label` as its accessible name
 * (for example "Drawing of a body with the chest marked"); the shapes inside are hidden from assistive
 * technology. Paired limbs are marked on both sides, because Body Part Examined does not say which.
 *
 * Colours are passed in (`colours`), or else come from the drawing's own custom properties
 * (`BODY_MAP_COLOURS`), through presentation attributes (not `style` attributes, so a Content
 * Security Policy without `'unsafe-inline'` styles still allows them):
 * - `--_body-outline`: the outline (default `#4c6272`)
 * - `--_body-fill`: inside the body (default `#ffffff`)
 * - `--_body-highlight`: the marked region and its dashed ring (default `#005eb8`)
 *
 * The `<svg>` is 120 by 300 CSS pixels unless the host sizes it (`.body-map { width: ...; height: auto }`).
 * Returns `nothing` when `region` is undefined. This is an HTML template (Lit's guidance: the `<svg>`
 * element itself belongs in `html`, the shapes inside it in `svg`).
 */
export function bodyMap(
  region: BodyRegion | undefined,
  label: string,
  colours: Readonly<BodyMapColours> = BODY_MAP_COLOURS,
): HTMLTemplateResult | typeof nothing {
  if (region === undefined || !Object.hasOwn(REGION_PATH, region)) return nothing;
  return html`<svg
    class="body-map"
    data-region=${region}
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    width=${WIDTH}
    height=${HEIGHT}
    role="img"
    aria-label=${String(label)}
  >${shapes(region, colours)}</svg>`;
}

function shapes(region: BodyRegion, { outline, fill, highlight }: Readonly<BodyMapColours>) {
  return svg`<g aria-hidden="true" stroke-linejoin="round">
    <path
      class="outline"
      d=${SILHOUETTE}
      fill=${fill}
      stroke=${outline}
      stroke-width="3"
      paint-order="stroke"
    ></path>
    <g class="region" data-region=${region}>
      <path
        class="region-ring"
        d=${REGION_PATH[region]}
        fill="none"
        stroke=${highlight}
        stroke-width="10"
        stroke-dasharray="6 4"
      ></path>
      <path
        class="region-fill"
        d=${REGION_PATH[region]}
        fill=${highlight}
        stroke=${fill}
        stroke-width="4"
        paint-order="stroke"
      ></path>
      ${region === 'spine' ? svg`<path class="region-detail" d=${SPINE_GAPS} stroke=${fill} stroke-width="1.5"></path>` : nothing}
    </g>
  </g>`;
}
