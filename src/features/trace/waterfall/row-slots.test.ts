import { describe, expect, it } from 'vitest';
import { scrollScale } from './scaled-scroll';
import {
  DETAIL_HEIGHT,
  detailSlot,
  itemBox,
  itemToPosition,
  offsetToReveal,
  positionToItem,
} from './row-slots';

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
});
