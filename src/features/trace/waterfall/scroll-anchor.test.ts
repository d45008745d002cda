import { describe, expect, it } from 'vitest';
import { DETAIL_HEIGHT } from './row-slots';
import { anchorAt, offsetOfAnchor } from './scroll-anchor';

const H = 24;
const rows = (...spans: number[]) => Int32Array.from(spans);

describe('scroll anchor', () => {
  it('keeps the top span in place when rows above it fold away', () => {
    // Spans 0..99 each a row; the user scrolled so span 50 is at the top, 10 px into it.
    const before = Int32Array.from({ length: 100 }, (_, i) => i);
    const anchor = anchorAt(before, -1, 50 * H + 10, H);
    expect(anchor).toEqual({ span: 50, delta: 10 });
    // A fold now stands for spans 5..24 (one row at span 5): 19 rows fewer above span 50.
    const after = Int32Array.from([...before.slice(0, 6), ...before.slice(25)]);
    const offset = offsetOfAnchor(anchor, after, -1, H);
    expect(after[Math.floor(offset / H)]).toBe(50);
    expect(offset).toBe(31 * H + 10);
  });

  it('a span folded or collapsed away anchors on the row that stands for it', () => {
    const anchor = anchorAt(rows(0, 1, 2, 3, 4, 5), -1, 3 * H + 5, H);
    expect(anchor).toEqual({ span: 3, delta: 5 });
    expect(offsetOfAnchor(anchor, rows(0, 2, 5), -1, H)).toBe(1 * H);
  });

  it('stays at the top when the user has not scrolled', () => {
    const anchor = anchorAt(rows(0, 1, 2), -1, 0, H);
    expect(offsetOfAnchor(anchor, rows(0, 2), -1, H)).toBe(0);
  });

  it('accounts for the inline detail item above and at the anchor', () => {
    // Detail under the row at position 2 (item 3); the top is row position 5 (item 6).
    const detailAt = 3;
    const sixthTop = 6 * H + DETAIL_HEIGHT - H;
    const anchor = anchorAt(rows(0, 1, 2, 3, 4, 5, 6, 7), detailAt, sixthTop + 3, H);
    expect(anchor).toEqual({ span: 5, delta: 3 });
    // The detail closes: the same span stays at the top.
    expect(offsetOfAnchor(anchor, rows(0, 1, 2, 3, 4, 5, 6, 7), -1, H)).toBe(5 * H + 3);
    // Inside the detail item: anchored on the selected span's row.
    const inDetail = anchorAt(rows(0, 1, 2, 3), detailAt, 3 * H + 100, H);
    expect(inDetail).toEqual({ span: 2, delta: H + 100 });
  });

  it('has nothing to anchor on without rows', () => {
    expect(anchorAt(rows(), -1, 100, H)).toBeNull();
    expect(offsetOfAnchor(null, rows(1), -1, H)).toBe(0);
  });
});
