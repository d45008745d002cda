/**
 * Which rows of a fixed-height list are on screen, for a scroll offset. Browsers cap an
 * element's height (Firefox ~17.9M px): past {@link MAX_SPACER_PX} the spacer is capped and the
 * scroll offset maps linearly onto the rows, so the last row stays reachable. Rows are then placed
 * relative to the scroll offset, so they still move at scroll speed.
 */
export const MAX_SPACER_PX = 8_000_000;
const OVERSCAN = 8;

export interface RowWindow {
  /** Positions [first, last) to draw. */
  readonly first: number;
  readonly last: number;
  readonly spacerHeight: number;
  /** Where row `position` sits in the spacer, px. */
  offsetOf(position: number): number;
  /** The scroll offset that brings `position` fully on screen; null when it already is. */
  scrollTopFor(position: number): number | null;
}

export function rowWindow(
  count: number,
  rowHeight: number,
  viewport: number,
  scrollTop: number,
  maxSpacer = MAX_SPACER_PX,
): RowWindow {
  const virtual = count * rowHeight;
  const scaled = virtual > maxSpacer && viewport < maxSpacer;
  const spacerHeight = scaled ? maxSpacer : virtual;
  const factor = scaled ? Math.max(virtual - viewport, 0) / (maxSpacer - viewport) : 1;
  const top = Math.min(Math.max(scrollTop, 0), Math.max(spacerHeight - viewport, 0));
  const virtualTop = top * factor;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((virtualTop + viewport) / rowHeight) + OVERSCAN);
  return {
    first,
    last,
    spacerHeight,
    offsetOf: (position) => top + position * rowHeight - virtualTop,
    scrollTopFor: (position) => {
      const start = position * rowHeight;
      if (start >= virtualTop && start + rowHeight <= virtualTop + viewport) return null;
      const target = start < virtualTop ? start : start + rowHeight - viewport;
      return Math.max(target, 0) / factor;
    },
  };
}
