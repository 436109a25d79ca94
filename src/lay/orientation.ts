/**
 * Plain words for the edges of an image: which side is the patient's right, head, front and so on.
 *
 * DICOM patient coordinates are LPS: +x is towards the patient's left, +y towards their back
 * (posterior) and +z towards their head. An image is shown as if you are facing the patient, so on a
 * standard chest X-ray the patient's left is on the screen's right.
 *
 * Hand-written rather than taken from Cornerstone (whose tools have `getOrientationStringLPS`): this
 * is a few lines of arithmetic, lay text must not pull in the imaging engine (house rule 3), and the
 * result here is a word per edge, not a DICOM letter string.
 */

/** A direction in the patient's body, named from the patient's point of view. */
export type LayDirection = 'yourRight' | 'yourLeft' | 'head' | 'feet' | 'front' | 'back';

/** What lies towards each edge of the image as shown on screen. */
export interface EdgeLabels {
  top?: LayDirection;
  bottom?: LayDirection;
  left?: LayDirection;
  right?: LayDirection;
  /** true when the plane is not close to a main axis: only the main direction is given, and callers may say 'roughly' */
  oblique: boolean;
}

/**
 * A direction counts as "straight" when it is within this many degrees of a body axis. Scanners
 * often tilt a little (a few degrees on a head CT); beyond this, callers should say "roughly".
 */
export const OBLIQUE_DEGREES = 10;

const STRAIGHT = Math.cos((OBLIQUE_DEGREES * Math.PI) / 180);

/** The LPS axes, positive end first. */
const AXES: readonly (readonly [LayDirection, LayDirection])[] = [
  ['yourLeft', 'yourRight'], // +x, -x
  ['back', 'front'], // +y, -y
  ['head', 'feet'], // +z, -z
];

const OPPOSITE: Record<LayDirection, LayDirection> = {
  yourRight: 'yourLeft',
  yourLeft: 'yourRight',
  head: 'feet',
  feet: 'head',
  front: 'back',
  back: 'front',
};

/** DICOM Patient Orientation letters (PS3.3 C.7.6.1.1.1). */
const LETTERS: Record<string, LayDirection> = {
  L: 'yourLeft',
  R: 'yourRight',
  A: 'front',
  P: 'back',
  H: 'head',
  F: 'feet',
};

interface MainDirection {
  axis: number;
  direction: LayDirection;
  straight: boolean;
}

/**
 * Edge words from Image Orientation (Patient) (0020,0037): six numbers, the row direction (towards
 * the screen's right edge) then the column direction (towards the bottom edge), in LPS.
 *
 * Returns undefined when the value is missing or unusable: not six finite numbers, a zero vector, or
 * both vectors along the same body axis.
 */
export function edgesFromImageOrientation(iop: readonly number[] | undefined): EdgeLabels | undefined {
  if (!Array.isArray(iop) || iop.length !== 6 || !iop.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return undefined;
  }
  const row = mainDirection(iop.slice(0, 3));
  const column = mainDirection(iop.slice(3, 6));
  if (!row || !column || row.axis === column.axis) return undefined;
  return {
    right: row.direction,
    left: OPPOSITE[row.direction],
    bottom: column.direction,
    top: OPPOSITE[column.direction],
    oblique: !row.straight || !column.straight,
  };
}

/**
 * Edge words from Patient Orientation (0020,0020): two values, the row direction (towards the
 * screen's right edge) then the column direction (towards the bottom edge), each one or more of the
 * letters L R A P H F, main letter first ('LH' is mostly left, a little towards the head).
 *
 * Accepts `'L\\F'` (the DICOM string) or `['L', 'F']`. One empty value leaves that pair of edges
 * out. Returns undefined when the value is missing or unusable (unknown letters, opposite letters
 * in one value, both values along the same body axis).
 */
export function edgesFromPatientOrientation(po: readonly string[] | string | undefined): EdgeLabels | undefined {
  let values: readonly unknown[];
  if (typeof po === 'string') values = po.split('\\');
  else if (Array.isArray(po)) values = po.length === 1 && typeof po[0] === 'string' ? po[0].split('\\') : po;
  else return undefined;
  if (values.length !== 2) return undefined;

  const [row, column] = values.map(readLetters);
  if (row === undefined || column === undefined) return undefined;
  if (row === null && column === null) return undefined;
  if (row && column && row.axis === column.axis) return undefined;

  const edges: EdgeLabels = { oblique: (row !== null && !row.straight) || (column !== null && !column.straight) };
  if (row) {
    edges.right = row.direction;
    edges.left = OPPOSITE[row.direction];
  }
  if (column) {
    edges.bottom = column.direction;
    edges.top = OPPOSITE[column.direction];
  }
  return edges;
}

/** The body axis a vector is closest to; undefined for a zero vector. */
function mainDirection(vector: readonly number[]): MainDirection | undefined {
  const length = Math.hypot(...vector);
  if (!(length > 1e-6) || !Number.isFinite(length)) return undefined;
  let axis = 0;
  for (let i = 1; i < 3; i++) if (Math.abs(vector[i]) > Math.abs(vector[axis])) axis = i;
  const component = vector[axis] / length;
  return {
    axis,
    direction: AXES[axis][component > 0 ? 0 : 1],
    straight: Math.abs(component) >= STRAIGHT,
  };
}

/**
 * One Patient Orientation value: null when empty, undefined when unusable. Letters after the first
 * make it oblique.
 */
function readLetters(value: unknown): MainDirection | null | undefined {
  if (typeof value !== 'string') return undefined;
  const letters = value.trim().toUpperCase();
  if (letters === '') return null;
  if (letters.length > 3 || !/^[LRAPHF]+$/.test(letters)) return undefined;
  const directions = [...letters].map((letter) => LETTERS[letter]);
  const axes = directions.map(axisOf);
  // Each letter must name a different body axis: 'LR' or 'LL' is not a direction.
  if (new Set(axes).size !== axes.length) return undefined;
  return { axis: axes[0], direction: directions[0], straight: letters.length === 1 };
}

function axisOf(direction: LayDirection): number {
  return AXES.findIndex((pair) => pair.includes(direction));
}
