import { rowWindow } from './row-window';

describe('rowWindow', () => {
  it('draws the rows on screen plus a few, at their own offsets', () => {
    const win = rowWindow(1000, 20, 200, 400);
    expect(win.first).toBeLessThanOrEqual(20);
    expect(win.last).toBeGreaterThanOrEqual(30);
    expect(win.last - win.first).toBeLessThan(30);
    expect(win.offsetOf(20)).toBe(400);
    expect(win.spacerHeight).toBe(20_000);
  });

  it('scrolls just enough to reveal a row above or below, and not at all when it is visible', () => {
    const win = rowWindow(1000, 20, 200, 400);
    expect(win.scrollTopFor(22)).toBeNull();
    expect(win.scrollTopFor(5)).toBe(100);
    expect(win.scrollTopFor(40)).toBe(40 * 20 + 20 - 200);
  });

  it('caps the spacer for a million rows and still reaches the last one', () => {
    const win = rowWindow(1_000_000, 26, 500, 1_000_000 - 500, 1_000_000);
    expect(win.spacerHeight).toBe(1_000_000);
    expect(win.last).toBe(1_000_000);
    // The last row sits at the bottom of the viewport.
    expect(win.offsetOf(999_999) + 26).toBeCloseTo(1_000_000, 6);
    const back = rowWindow(1_000_000, 26, 500, win.scrollTopFor(0) ?? -1, 1_000_000);
    expect(back.first).toBe(0);
  });
});
