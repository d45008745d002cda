import fc from 'fast-check';
import { computeCriticalPath, criticalPathSteps, criticalShareByService } from './critical-path';
import { buildTestTrace, type TestSpan } from './test-trace';

/** Segments as `[id, start, end]` tuples, for readable expectations. */
function pathOf(spans: TestSpan[], async?: string[]): [string, number, number][] {
  const trace = buildTestTrace(spans);
  const mask = new Uint8Array(trace.spanCount);
  for (const id of async ?? []) mask[trace.ids.indexOf(id)] = 1;
  const path = computeCriticalPath(trace.columns, trace.services.length, { async: mask });
  const rows: [string, number, number][] = [];
  for (let k = 0; k < path.segments.length; k += 3) {
    rows.push([
      trace.ids[path.segments[k] ?? 0] ?? '?',
      path.segments[k + 1] ?? 0,
      path.segments[k + 2] ?? 0,
    ]);
  }
  return rows;
}

describe('computeCriticalPath', () => {
  it('follows sequential children and gives the gaps to the parent', () => {
    expect(
      pathOf([
        { id: 'A', start: 0, duration: 100 },
        { id: 'B', parent: 'A', start: 10, duration: 30 },
        { id: 'C', parent: 'A', start: 50, duration: 40 },
      ]),
    ).toEqual([
      ['A', 0, 10],
      ['B', 10, 40],
      ['A', 40, 50],
      ['C', 50, 90],
      ['A', 90, 100],
    ]);
  });

  it('chains children that touch end to start', () => {
    expect(
      pathOf([
        { id: 'A', start: 0, duration: 20 },
        { id: 'B', parent: 'A', start: 0, duration: 10 },
        { id: 'C', parent: 'A', start: 10, duration: 10 },
      ]),
    ).toEqual([
      ['B', 0, 10],
      ['C', 10, 20],
    ]);
  });

  it('skips a parallel child that ends after the cursor (the one that finished last wins)', () => {
    expect(
      pathOf([
        { id: 'A', start: 0, duration: 100 },
        { id: 'B', parent: 'A', start: 10, duration: 50 },
        { id: 'C', parent: 'A', start: 20, duration: 30 },
      ]),
    ).toEqual([
      ['A', 0, 10],
      ['B', 10, 60],
      ['A', 60, 100],
    ]);
  });

  it('descends into grandchildren', () => {
    expect(
      pathOf([
        { id: 'A', start: 0, duration: 100 },
        { id: 'B', parent: 'A', start: 10, duration: 70 },
        { id: 'C', parent: 'B', start: 20, duration: 50 },
      ]),
    ).toEqual([
      ['A', 0, 10],
      ['B', 10, 20],
      ['C', 20, 70],
      ['B', 70, 80],
      ['A', 80, 100],
    ]);
  });

  it('clips a child that outlives its parent and ignores one entirely after it', () => {
    expect(
      pathOf([
        { id: 'A', start: 0, duration: 100 },
        { id: 'B', parent: 'A', start: 50, duration: 100 },
        { id: 'C', parent: 'A', start: 120, duration: 10 },
      ]),
    ).toEqual([
      ['A', 0, 50],
      ['B', 50, 100],
    ]);
  });

  it('clips a skewed child that starts before its parent', () => {
    expect(
      pathOf([
        { id: 'A', start: 100, duration: 100 },
        { id: 'B', parent: 'A', start: 80, duration: 50, service: 'other' },
      ]),
    ).toEqual([
      ['B', 20, 50],
      ['A', 50, 120],
    ]);
  });

  it('leaves async (FOLLOWS_FROM) children and their subtrees off the path', () => {
    expect(
      pathOf(
        [
          { id: 'A', start: 0, duration: 100 },
          { id: 'B', parent: 'A', start: 10, duration: 80 },
          { id: 'C', parent: 'B', start: 20, duration: 10 },
        ],
        ['B'],
      ),
    ).toEqual([['A', 0, 100]]);
  });

  it('walks a long serial run past the linear picks (sorted phase), skipping overlapped children', () => {
    const spans: TestSpan[] = [{ id: 'A', start: 0, duration: 400 }];
    for (let k = 0; k < 20; k++) {
      spans.push({ id: `s${k}`, parent: 'A', start: k * 20, duration: 20 });
      // A short child inside each step, ending earlier: never on the path.
      spans.push({ id: `t${k}`, parent: 'A', start: k * 20 + 1, duration: 5 });
    }
    const rows = pathOf(spans);
    expect(rows).toEqual(Array.from({ length: 20 }, (_, k) => [`s${k}`, k * 20, k * 20 + 20]));
  });

  it('reports per-service share and survives a 10,000-deep chain', () => {
    const spans: TestSpan[] = [];
    for (let d = 0; d < 10_000; d++) {
      spans.push({
        id: `s${d}`,
        parent: d > 0 ? `s${d - 1}` : undefined,
        start: d,
        duration: 20_000 - 2 * d,
        service: d % 2 ? 'odd' : 'even',
      });
    }
    const trace = buildTestTrace(spans);
    const path = computeCriticalPath(trace.columns, trace.services.length);
    expect(path.total).toBe(20_000);
    const share = criticalShareByService(path, trace.services);
    expect(share.map((row) => row.service).sort()).toEqual(['even', 'odd']);
    expect(share.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1);
  });

  it('pauses inside a 50,000-child fan-out and resumes to the same path', () => {
    // Serial children: past 8 picks the root sorts them, and the walk runs past many pauses.
    const spans: TestSpan[] = [{ id: 'r', start: 0, duration: 500_000 }];
    for (let k = 0; k < 50_000; k++)
      spans.push({ id: `c${k}`, parent: 'r', start: k * 10, duration: k % 2 ? 10 : 8 });
    const trace = buildTestTrace(spans);
    const steps = criticalPathSteps(trace.columns, trace.services.length);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(step.value).toEqual(computeCriticalPath(trace.columns, trace.services.length));
    expect(step.value.total).toBe(500_000);
    // Every child is on the path; each short one leaves a 2 µs gap the root owns.
    expect(step.value.segments.length / 3).toBe(50_000 + 25_000);
  });

  it('tiles each root exactly with segments inside their spans (property)', () => {
    const spanArb = fc.array(
      fc.record({
        parentPick: fc.nat(),
        start: fc.integer({ min: -50, max: 200 }),
        duration: fc.integer({ min: 0, max: 150 }),
        async: fc.boolean(),
      }),
      { minLength: 1, maxLength: 40 },
    );
    fc.assert(
      fc.property(spanArb, (raw) => {
        const spans: TestSpan[] = raw.map((r, i) => ({
          id: `x${i}`,
          parent: i > 0 ? `x${r.parentPick % i}` : undefined,
          start: r.start,
          duration: r.duration,
        }));
        const trace = buildTestTrace(spans);
        const mask = Uint8Array.from(raw.map((r, i) => (i > 0 && r.async ? 1 : 0)));
        const { columns } = trace;
        // The mask was built in input order; map it to tree order through ids.
        const treeMask = new Uint8Array(trace.spanCount);
        trace.ids.forEach((id, i) => (treeMask[i] = mask[Number(id.slice(1))] ?? 0));
        const path = computeCriticalPath(columns, trace.services.length, { async: treeMask });
        const rootDuration = columns.duration[0] ?? 0;
        expect(path.total).toBeCloseTo(rootDuration, 6);
        let cursor = columns.start[0] ?? 0;
        for (let k = 0; k < path.segments.length; k += 3) {
          const span = path.segments[k] ?? 0;
          const from = path.segments[k + 1] ?? 0;
          const to = path.segments[k + 2] ?? 0;
          expect(from).toBeCloseTo(cursor, 6);
          expect(to).toBeGreaterThan(from);
          expect(from).toBeGreaterThanOrEqual((columns.start[span] ?? 0) - 1e-9);
          expect(to).toBeLessThanOrEqual(
            (columns.start[span] ?? 0) + (columns.duration[span] ?? 0) + 1e-9,
          );
          expect(treeMask[span]).toBe(0);
          cursor = to;
        }
      }),
    );
  });
});
