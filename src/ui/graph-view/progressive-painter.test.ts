import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { framePlacement } from './progressive-painter';

const transforms = fc.record({
  k: fc.double({ min: 0.01, max: 4, noNaN: true }),
  x: fc.double({ min: -5000, max: 5000, noNaN: true }),
  y: fc.double({ min: -5000, max: 5000, noNaN: true }),
});

describe('framePlacement', () => {
  it('puts every layout point of a frame painted at one view where the new view shows it', () => {
    fc.assert(
      fc.property(
        transforms,
        transforms,
        fc.constantFrom(1, 2),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (at, now, ratio, px, py) => {
          const { scale, dx, dy } = framePlacement(at, now, ratio);
          // Device position in the old frame, moved by the placement...
          const movedX = scale * ratio * (at.k * px + at.x) + dx;
          const movedY = scale * ratio * (at.k * py + at.y) + dy;
          // ...is where the new view draws the point.
          expect(movedX).toBeCloseTo(ratio * (now.k * px + now.x), 3);
          expect(movedY).toBeCloseTo(ratio * (now.k * py + now.y), 3);
        },
      ),
    );
  });
});
