import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrollScale } from './scaled-scroll';
import {
  DETAIL_HEIGHT,
  detailHeightFor,
  MAX_DETAIL_HEIGHT,
  MIN_DETAIL_HEIGHT,
  detailSlot,
  itemBox,
  itemToPosition,
  offsetToReveal,
  positionToItem,
  windowItems,
  type WindowItem,
} from './row-slots';

/**
 * The window the per-item way (how a generic virtualizer finds it): every item's box, the last
 * one starting at or before the top, the first from there ending at or past the bottom, then the
 * overscan.
 */
function windowByScan(
  offset: number,
  height: number,
  count: number,
  detailAt: number,
  overscan: number,
): WindowItem[] {
  if (count <= 0 || height <= 0) return [];
  const boxes = Array.from({ length: count }, (_, index) => ({
    index,
    ...itemBox(index, detailAt, 24),
  }));
  const lastBox = boxes[count - 1] ?? { start: 0, size: 0 };
  const top = Math.max(0, Math.min(offset, lastBox.start + lastBox.size - height));
  let first = 0;
  boxes.forEach((box, i) => {
    if (box.start <= top) first = i;
  });
  let end = first;
  while (end < count - 1 && (boxes[end]?.start ?? 0) + (boxes[end]?.size ?? 0) < top + height)
    end++;
  return boxes.slice(Math.max(0, first - overscan), Math.min(count - 1, end + overscan) + 1);
}

describe('row slots', () => {
  it('maps row positions around the inline detail item', () => {
    const detailAt = detailSlot(4, true);
    expect(detailAt).toBe(5);
    expect(detailSlot(4, false)).toBe(-1);
    expect(positionToItem(4, detailAt)).toBe(4);
    expect(positionToItem(5, detailAt)).toBe(6);
    expect(itemToPosition(6, detailAt)).toBe(5);
    expect(itemBox(5, detailAt, 24)).toEqual({ start: 120, size: DETAIL_HEIGHT });
    expect(itemBox(6, detailAt, 24)).toEqual({ start: 120 + DETAIL_HEIGHT, size: 24 });
  });

  it('scrolls as little as needed, and not at all for a row on screen', () => {
    expect(offsetToReveal({ start: 100, size: 24 }, 0, 240)).toBeNull();
    expect(offsetToReveal({ start: 300, size: 24 }, 0, 240)).toBe(84);
    expect(offsetToReveal({ start: 10, size: 24 }, 50, 240)).toBe(10);
  });

  it('reaches the last of 1M rows through the scaled scroll space', () => {
    const rows = 1_000_000;
    const scale = scrollScale(rows * 24, 600);
    const target = offsetToReveal(itemBox(rows - 1, -1, 24), 0, 600) ?? 0;
    const physical = scale.toPhysical(target);
    expect(physical).toBeLessThanOrEqual(scale.physicalHeight - 600);
    expect(Math.abs(scale.toVirtual(physical) - target)).toBeLessThan(1);
  });

  it('finds the items on screen from the heights alone, as a per-item scan does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -1, max: 120 }),
        fc.integer({ min: -50, max: 4000 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 6 }),
        (count, detail, offset, height, overscan) => {
          const detailAt = detail < count ? detail : -1;
          expect(windowItems(offset, height, count, detailAt, 24, overscan)).toEqual(
            windowByScan(offset, height, count, detailAt, overscan),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('windows the end of 1M rows with the few items on screen', () => {
    const items = windowItems(1e9, 600, 1_000_001, 999_000, 24, 4);
    expect(items[items.length - 1]?.index).toBe(1_000_000);
    expect(items.length).toBeLessThan(40);
  });
});

describe('the inline detail follows its content', () => {
  it('is as tall as its content, within limits that leave rows on screen', () => {
    expect(detailHeightFor(250, 900)).toBe(250);
    expect(detailHeightFor(30, 900)).toBe(MIN_DETAIL_HEIGHT);
    expect(detailHeightFor(5000, 2000)).toBe(MAX_DETAIL_HEIGHT);
    // A short viewport: at most 70% of it.
    expect(detailHeightFor(5000, 400)).toBe(280);
  });

  it('lays out the window with that height', () => {
    const items = windowItems(0, 600, 20, 2, 24, 0, 200);
    expect(items.find((item) => item.index === 2)).toEqual({ index: 2, start: 48, size: 200 });
    expect(items.find((item) => item.index === 3)?.start).toBe(248);
  });
});
