/**
 * The treegrid's virtual items are the rows plus, in the inline detail layout, one taller item
 * right under the selected row. These map between row positions (index into visibleRows) and
 * virtual item indexes; `detailAt` is the virtual index of the detail item or -1.
 */
export const DETAIL_HEIGHT = 380;
/** The detail item follows its content's height between these (px); past the most it scrolls. */
export const MIN_DETAIL_HEIGHT = 120;
export const MAX_DETAIL_HEIGHT = 600;

/** The detail item's height for content `contentHeight` px tall, in a viewport `viewport` tall. */
export function detailHeightFor(contentHeight: number, viewport: number): number {
  const most = Math.max(MIN_DETAIL_HEIGHT, Math.min(MAX_DETAIL_HEIGHT, viewport * 0.7));
  return Math.round(Math.min(most, Math.max(MIN_DETAIL_HEIGHT, contentHeight)));
}

export function detailSlot(selectedPosition: number, inline: boolean): number {
  return inline && selectedPosition >= 0 ? selectedPosition + 1 : -1;
}

export function itemToPosition(item: number, detailAt: number): number {
  return detailAt >= 0 && item > detailAt ? item - 1 : item;
}

export function positionToItem(position: number, detailAt: number): number {
  return detailAt >= 0 && position >= detailAt ? position + 1 : position;
}

/** Virtual px where item `item` starts and its height, with the detail item's extra height. */
export function itemBox(
  item: number,
  detailAt: number,
  rowHeight: number,
  detailHeight = DETAIL_HEIGHT,
): { start: number; size: number } {
  const start =
    item * rowHeight + (detailAt >= 0 && item > detailAt ? detailHeight - rowHeight : 0);
  return { start, size: item === detailAt ? detailHeight : rowHeight };
}

/**
 * The virtual scroll offset that brings `box` into a viewport of `height` at `offset`, moving as
 * little as possible (align "auto"); null when it is already fully on screen.
 */
export function offsetToReveal(
  box: { start: number; size: number },
  offset: number,
  height: number,
): number | null {
  if (box.start < offset) return box.start;
  if (box.start + box.size > offset + height) return box.start + box.size - height;
  return null;
}

/** One item of the window: its virtual index, where it starts and its height (virtual px). */
export interface WindowItem {
  readonly index: number;
  readonly start: number;
  readonly size: number;
}

/** The item whose box holds virtual offset `y` (the last one starting at or before it). */
export function itemAtOffset(
  y: number,
  detailAt: number,
  rowHeight: number,
  detailHeight = DETAIL_HEIGHT,
): number {
  const detailStart = detailAt * rowHeight;
  if (detailAt < 0 || y < detailStart) return Math.floor(y / rowHeight);
  if (y < detailStart + detailHeight) return detailAt;
  return detailAt + 1 + Math.floor((y - detailStart - detailHeight) / rowHeight);
}

/**
 * The items on screen in a viewport of `height` at virtual `offset` (clamped to the content),
 * plus `overscan` on each side. Every height is known (rows, and the one detail item), so this is
 * O(items on screen) whatever the count: a virtualizer that caches a position per item redoes
 * all of them when the count or one height changes (~20 ms at 1M rows, on every collapse, fold
 * or opened detail).
 */
export function windowItems(
  offset: number,
  height: number,
  count: number,
  detailAt: number,
  rowHeight: number,
  overscan: number,
  detailHeight = DETAIL_HEIGHT,
): WindowItem[] {
  if (count <= 0 || height <= 0) return [];
  const last = count - 1;
  const total = count * rowHeight + (detailAt >= 0 ? detailHeight - rowHeight : 0);
  const top = Math.max(0, Math.min(offset, total - height));
  const bottom = top + height;
  const first = Math.min(last, itemAtOffset(top, detailAt, rowHeight, detailHeight));
  let end = Math.max(
    first,
    Math.min(last, itemAtOffset(bottom, detailAt, rowHeight, detailHeight)),
  );
  // An item starting exactly at the bottom edge is not on screen.
  if (end > first && itemBox(end, detailAt, rowHeight, detailHeight).start >= bottom) end--;
  const from = Math.max(0, first - overscan);
  const to = Math.min(last, end + overscan);
  const items: WindowItem[] = [];
  for (let index = from; index <= to; index++)
    items.push({ index, ...itemBox(index, detailAt, rowHeight, detailHeight) });
  return items;
}
