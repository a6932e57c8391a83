/**
 * Redaction boxes (faces, number plates) that a reviewer blacks out of an image's public copy. A box
 * is stored in fractions of the picture as the browser shows it (upright), so it means the same
 * region whatever size the preview or the original has. The editor, the input schema and the
 * derivative all read boxes through these few rules.
 */
export type RedactionBox = { x: number; y: number; width: number; height: number };

/** Boxes per file: more than this is a sign the photo should not be published at all. */
export const maxRedactionBoxes = 50;

/** The smallest box drawn with the mouse (a fraction of the side): a click is not a box. */
export const minimumDrawnSide = 0.01;

/** Sums of fractions (0.1 + 0.2) are not exact; a box may overshoot the edge by this much. */
const slack = 1e-9;

/** Whether a box lies inside the picture, with some area. */
export function insidePicture(box: RedactionBox): boolean {
  return box.x >= 0 && box.y >= 0 && box.width > 0 && box.height > 0 && box.x + box.width <= 1 + slack && box.y + box.height <= 1 + slack;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/**
 * The box a mouse drag draws between two points (fractions of the picture, in any direction),
 * kept inside the picture; null when the drag is too small to be meant as a box.
 */
export function boxFromDrag(from: { x: number; y: number }, to: { x: number; y: number }): RedactionBox | null {
  const left = clamp(Math.min(from.x, to.x));
  const top = clamp(Math.min(from.y, to.y));
  const width = clamp(Math.max(from.x, to.x)) - left;
  const height = clamp(Math.max(from.y, to.y)) - top;
  if (width < minimumDrawnSide || height < minimumDrawnSide) return null;
  return { x: left, y: top, width, height };
}

/** Percent, as the numeric fields show it (12.5), from a fraction. */
export const toPercent = (fraction: number) => Math.round(fraction * 1000) / 10;

/**
 * The box the keyboard alternative describes: x, y, width and height in percent of the picture, as
 * typed. Null when a value is not a number or the box would not lie inside the picture.
 */
export function boxFromPercent(fields: { x: string; y: string; width: string; height: string }): RedactionBox | null {
  const read = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')) / 100);
  const box = { x: read(fields.x), y: read(fields.y), width: read(fields.width), height: read(fields.height) };
  if (![box.x, box.y, box.width, box.height].every(Number.isFinite)) return null;
  return insidePicture(box) ? box : null;
}
