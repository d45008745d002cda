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
