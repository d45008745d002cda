/**
 * One home for how wide a graph node's box is: wide enough for its label at the canvas font
 * (12 px system-ui, ~7 px a character), within limits, so labels fit without being cut where
 * they can; `fitText` cuts what still does not fit to the box when drawing.
 */
export const CHAR_PX = 7;

/** Box width for the longest of `lengths` characters, plus `padding`, clamped to [min, max]. */
export function fitWidth(
  lengths: readonly number[],
  limits: { readonly min: number; readonly max: number; readonly padding: number },
): number {
  const chars = Math.max(0, ...lengths);
  return Math.min(limits.max, Math.max(limits.min, chars * CHAR_PX + limits.padding));
}

/** `text` cut with an ellipsis to what fits a box `width` wide (12 px of padding). */
export function fitText(text: string, width: number): string {
  const fits = Math.floor((width - 12) / CHAR_PX);
  return text.length <= fits ? text : `${text.slice(0, Math.max(0, fits - 1))}…`;
}
