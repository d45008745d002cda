/**
 * Browsers cap an element's height (Chromium ~33.5M px, Firefox ~17.9M px, Safari less); 1M rows
 * of 24 px is 24M px. Past {@link MAX_SCROLL_HEIGHT_PX} the scroll space is scaled: the spacer is
 * capped and scrollTop maps linearly onto the virtual (row × height) offset, so the first and last
 * rows stay reachable and the scrollbar thumb still reads as a position in the whole trace.
 *
 * Rows are drawn in a sticky viewport from the virtual offset, so the scaling never shows as
 * rows moving at a different speed from the content.
 */
export const MAX_SCROLL_HEIGHT_PX = 8_000_000;

export interface ScrollScale {
  /** Height of the spacer element. */
  readonly physicalHeight: number;
  /** Virtual px per physical px; 1 when no scaling is needed. */
  readonly factor: number;
  toVirtual(physicalOffset: number): number;
  toPhysical(virtualOffset: number): number;
}

export function scrollScale(
  virtualHeight: number,
  viewportHeight: number,
  maxHeight = MAX_SCROLL_HEIGHT_PX,
): ScrollScale {
  if (virtualHeight <= maxHeight || viewportHeight >= maxHeight) {
    return {
      physicalHeight: virtualHeight,
      factor: 1,
      toVirtual: (offset) => offset,
      toPhysical: (offset) => offset,
    };
  }
  // Map the scrollable ranges onto each other (end to end), not the heights: scrollTop at its
  // maximum must show the very last row.
  const physicalRange = maxHeight - viewportHeight;
  const virtualRange = Math.max(virtualHeight - viewportHeight, 0);
  const factor = virtualRange / physicalRange;
  return {
    physicalHeight: maxHeight,
    factor,
    toVirtual: (offset) => Math.min(Math.max(offset, 0), physicalRange) * factor,
    toPhysical: (offset) => Math.min(Math.max(offset, 0), virtualRange) / factor,
  };
}
