import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndexedGraph } from '../../model/graph/indexed-graph';
import type { EdgeRoutes } from '../../model/graph/layered-layout';
import { HAIRLINE_BELOW_K, planEdges, segmentMeetsRect, strokeOf } from './edge-plan';
import type { Bounds, GraphScene, ScenePositions } from './graph-scene';

/** Reference: Liang–Barsky clipping, an independent way to say whether a segment meets a box. */
function clips(ax: number, ay: number, bx: number, by: number, r: Bounds): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax - r.minX],
    [dx, r.maxX - ax],
    [-dy, ay - r.minY],
    [dy, r.maxY - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

interface Drawn {
  readonly scene: GraphScene;
  readonly positions: ScenePositions;
}

const coordinate = fc.integer({ min: -500, max: 500 });
const graphs = fc
  .integer({ min: 1, max: 25 })
  .chain((nodes) =>
    fc.record({
      xs: fc.array(coordinate, { minLength: nodes, maxLength: nodes }),
      ys: fc.array(coordinate, { minLength: nodes, maxLength: nodes }),
      edges: fc.array(
        fc.record({
          s: fc.nat(nodes - 1),
          d: fc.nat(nodes - 1),
          width: fc.double({ min: 1, max: 7, noNaN: true }),
          bend: fc.option(fc.tuple(coordinate, coordinate), { nil: undefined }),
        }),
        { maxLength: 40 },
      ),
    }),
  )
  .map(({ xs, ys, edges }): Drawn => {
    const n = xs.length;
    const graph: IndexedGraph = {
      nodeCount: n,
      ids: xs.map((_, i) => String(i)),
      width: new Float32Array(n).fill(40),
      height: new Float32Array(n).fill(20),
      source: Int32Array.from(edges, (e) => e.s),
      target: Int32Array.from(edges, (e) => e.d),
      weight: new Float64Array(edges.length).fill(1),
    };
    // Some edges routed through a bend point, as dagre routes them.
    const offsets = [0];
    const points: number[] = [];
    for (const e of edges) {
      if (e.bend && e.s !== e.d)
        points.push(xs[e.s] ?? 0, ys[e.s] ?? 0, ...e.bend, xs[e.d] ?? 0, ys[e.d] ?? 0);
      offsets.push(points.length / 2);
    }
    const routes: EdgeRoutes = {
      offsets: Int32Array.from(offsets),
      points: Float32Array.from(points),
    };
    return {
      scene: {
        graph,
        labels: graph.ids,
        stroke: graph.ids.map(() => '#000'),
        edgeWidth: Float32Array.from(edges, (e) => e.width),
      },
      positions: { x: Float32Array.from(xs), y: Float32Array.from(ys), routes },
    };
  });
const views = fc
  .tuple(coordinate, coordinate, fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }))
  .map(([x, y, w, h]): Bounds => ({ minX: x, minY: y, maxX: x + w, maxY: y + h }));

/** Reference answer for one edge: does any of its segments (or its loop's box) meet the view? */
function meets({ scene, positions }: Drawn, e: number, view: Bounds, k: number): boolean {
  const s = scene.graph.source[e] ?? 0;
  const d = scene.graph.target[e] ?? 0;
  const { x, y, routes } = positions;
  if (s === d) {
    const r = Math.max(10, 8 * k) / k;
    const cx = (x[s] ?? 0) + 20;
    const cy = (y[s] ?? 0) - 10;
    return clips(cx - r, cy, cx + r, cy, {
      ...view,
      minY: view.minY - r,
      maxY: view.maxY + r,
    });
  }
  const from = routes?.offsets[e] ?? 0;
  const to = routes?.offsets[e + 1] ?? 0;
  const p = routes?.points ?? new Float32Array(0);
  if (to - from > 1) {
    for (let i = from; i + 1 < to; i++)
      if (clips(p[2 * i] ?? 0, p[2 * i + 1] ?? 0, p[2 * i + 2] ?? 0, p[2 * i + 3] ?? 0, view))
        return true;
    return false;
  }
  return clips(x[s] ?? 0, y[s] ?? 0, x[d] ?? 0, y[d] ?? 0, view);
}

describe('planEdges', () => {
  it('draws each edge meeting the view exactly once, and only those (property)', () => {
    fc.assert(
      fc.property(graphs, views, fc.constantFrom(0.2, 0.5, 1, 3), (drawn, view, k) => {
        const { scene, positions } = drawn;
        const plan = planEdges(scene, positions, view, k, undefined);
        const listed = [...plan.edges];
        expect(listed).toHaveLength(new Set(listed).size);
        for (let e = 0; e < scene.graph.source.length; e++)
          expect(listed.includes(e), `edge ${e}`).toBe(meets(drawn, e, view, k));
        expect(plan.start[plan.start.length - 1]).toBe(listed.length);
      }),
    );
  });

  it('puts every edge in the bucket of its stroke, dimmed ones first', () => {
    fc.assert(
      fc.property(graphs, fc.constantFrom(0.2, 1), (drawn, k) => {
        const { scene, positions } = drawn;
        const n = scene.graph.nodeCount;
        const dimmed = Uint8Array.from({ length: n }, (_, i) => i % 2);
        const everything = { minX: -1e6, minY: -1e6, maxX: 1e6, maxY: 1e6 };
        const plan = planEdges(scene, positions, everything, k, dimmed);
        expect([...plan.edges].sort((a, b) => a - b)).toEqual(
          Array.from({ length: scene.graph.source.length }, (_, e) => e),
        );
        let seenLit = false;
        plan.buckets.forEach((bucket, b) => {
          if (!bucket.dimmed) seenLit = true;
          else expect(seenLit).toBe(false);
          for (let i = plan.start[b] ?? 0; i < (plan.start[b + 1] ?? 0); i++) {
            const e = plan.edges[i] ?? 0;
            const stroke = strokeOf(scene.edgeWidth[e] ?? 1, k);
            expect(bucket.lines).toBe(stroke.lines);
            expect(bucket.opacity).toBeCloseTo(stroke.tenths / 10);
            const isDim =
              dimmed[scene.graph.source[e] ?? 0] === 1 || dimmed[scene.graph.target[e] ?? 0] === 1;
            expect(bucket.dimmed).toBe(isDim);
          }
        });
      }),
    );
  });
});

describe('strokeOf', () => {
  it('zoomed out: one hairline, opacity by width; zoomed in: the width in hairlines', () => {
    const far = HAIRLINE_BELOW_K / 2;
    expect(strokeOf(1, far)).toEqual({ lines: 1, tenths: 4 });
    expect(strokeOf(7, far)).toEqual({ lines: 1, tenths: 10 });
    expect(strokeOf(4, far).tenths).toBeGreaterThan(4);
    expect(strokeOf(1, 1)).toEqual({ lines: 1, tenths: 10 });
    expect(strokeOf(4.4, 2)).toEqual({ lines: 4, tenths: 10 });
    expect(strokeOf(30, 2).lines).toBe(7);
  });
});

describe('segmentMeetsRect', () => {
  const box = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
  it('finds crossings whose ends are both outside, and misses diagonals past a corner', () => {
    expect(segmentMeetsRect(-5, 5, 15, 5, box)).toBe(true);
    expect(segmentMeetsRect(-5, -4, 4, 15, box)).toBe(true);
    // The boxes overlap, the segment passes beside the corner.
    expect(segmentMeetsRect(-5, 8, 8, 21, box)).toBe(false);
    expect(segmentMeetsRect(20, 20, 30, 30, box)).toBe(false);
  });
});
