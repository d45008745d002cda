import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT_PX, scrollScale } from './scaled-scroll';

describe('scrollScale', () => {
  it('is the identity below the cap', () => {
    const scale = scrollScale(10_000 * 24, 600);
    expect(scale.physicalHeight).toBe(240_000);
    expect(scale.toVirtual(1234)).toBe(1234);
  });

  it('maps the whole scroll range of 1M rows onto the capped spacer, end to end', () => {
    const virtual = 1_000_000 * 24;
    const viewport = 600;
    const scale = scrollScale(virtual, viewport);
    expect(scale.physicalHeight).toBe(MAX_SCROLL_HEIGHT_PX);
    expect(scale.toVirtual(0)).toBe(0);
    expect(scale.toVirtual(MAX_SCROLL_HEIGHT_PX - viewport)).toBeCloseTo(virtual - viewport, 3);
    expect(scale.toPhysical(scale.toVirtual(4_000_000))).toBeCloseTo(4_000_000, 3);
    // Out-of-range offsets clamp instead of showing past the last row.
    expect(scale.toVirtual(MAX_SCROLL_HEIGHT_PX * 2)).toBeCloseTo(virtual - viewport, 3);
  });
});
