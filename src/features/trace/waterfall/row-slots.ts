/**
 * The treegrid's virtual items are the rows plus, in the inline detail layout, one taller item
 * right under the selected row. These map between row positions (index into visibleRows) and
 * virtual item indexes; `detailAt` is the virtual index of the detail item or -1.
 */
export const DETAIL_HEIGHT = 380;

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
): { start: number; size: number } {
  const start =
    item * rowHeight + (detailAt >= 0 && item > detailAt ? DETAIL_HEIGHT - rowHeight : 0);
  return { start, size: item === detailAt ? DETAIL_HEIGHT : rowHeight };
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
