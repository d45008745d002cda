import { rowAtOrBefore } from '../../../model/row-filter';
import { DETAIL_HEIGHT, itemAtOffset, itemBox, itemToPosition, positionToItem } from './row-slots';

/**
 * What the user looks at, independent of row positions: the span whose row is at the top of the
 * viewport and how far (virtual px) the viewport's top is below that row's top. Rows change under
 * the user (folds and analysis arrive, a filter or collapse elsewhere): the scroll offset follows
 * this span, not the pixel offset, so the view does not jump.
 */
export interface ScrollAnchor {
  readonly span: number;
  readonly delta: number;
}

/** The anchor at virtual `offset` for `rows` laid out with the detail item at `detailAt`. */
export function anchorAt(
  rows: Int32Array,
  detailAt: number,
  offset: number,
  rowHeight: number,
  detailHeight = DETAIL_HEIGHT,
): ScrollAnchor | null {
  if (rows.length === 0) return null;
  const top = Math.max(0, offset);
  const item = itemAtOffset(top, detailAt, rowHeight, detailHeight);
  // Inside the detail item: anchor on its span's row above it.
  const position = Math.min(
    rows.length - 1,
    item === detailAt ? detailAt - 1 : itemToPosition(item, detailAt),
  );
  const span = rows[position] ?? 0;
  const start = itemBox(
    positionToItem(position, detailAt),
    detailAt,
    rowHeight,
    detailHeight,
  ).start;
  return { span, delta: top - start };
}

/**
 * The virtual offset that puts `anchor` back where it was on screen in the new `rows`. A span
 * that no longer has a row of its own (collapsed or folded away) anchors on the row that now
 * stands for it, at that row's top.
 */
export function offsetOfAnchor(
  anchor: ScrollAnchor | null,
  rows: Int32Array,
  detailAt: number,
  rowHeight: number,
  detailHeight = DETAIL_HEIGHT,
): number {
  if (!anchor || rows.length === 0) return 0;
  const position = Math.max(0, rowAtOrBefore(rows, anchor.span));
  const start = itemBox(
    positionToItem(position, detailAt),
    detailAt,
    rowHeight,
    detailHeight,
  ).start;
  return rows[position] === anchor.span ? start + anchor.delta : start;
}
