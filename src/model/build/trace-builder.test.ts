import { SpanFlag } from '../trace';
import type { Trace } from '../trace';
import { buildOne, buildSpans } from '../test-support/build-spans';
import { TraceBuilder } from './trace-builder';
import type { TestSpan } from '../test-support/build-spans';

const flagCount = (trace: Trace, bit: number): number =>
  Array.from(trace.columns.flags).filter((f) => (f & bit) !== 0).length;
const opAt = (trace: Trace, i: number): string =>
  trace.operations[trace.columns.operation[i] ?? -1] ?? '?';
const finding = (trace: Trace, kind: string) => trace.findings.find((f) => f.kind === kind);

describe('TraceBuilder', () => {
  it('orders children by start time in pre-order with depth, parent and subtreeEnd', () => {
    const { trace } = buildOne([
      { id: 'c2', parent: 'r', start: 30, duration: 10 },
      { id: 'r', start: 10, duration: 100 },
      { id: 'c1', parent: 'r', start: 20, duration: 5 },
      { id: 'g', parent: 'c2', start: 31, duration: 2 },
    ]);
    expect([0, 1, 2, 3].map((i) => opAt(trace, i))).toEqual(['op-r', 'op-c1', 'op-c2', 'op-g']);
    expect(Array.from(trace.columns.parent)).toEqual([-1, 0, 0, 2]);
    expect(Array.from(trace.columns.depth)).toEqual([0, 1, 1, 2]);
    expect(Array.from(trace.columns.subtreeEnd)).toEqual([4, 2, 4, 4]);
    expect(Array.from(trace.columns.start)).toEqual([0, 10, 20, 21]);
    expect(trace.startTime).toBe(10);
    expect(trace.duration).toBe(100);
    expect(trace.findings).toEqual([]);
  });

  it('computes self time with children clipped to the parent and overlaps merged', () => {
    const { trace } = buildOne([
      { id: 'p', start: 100, duration: 100 },
      { id: 'a', parent: 'p', start: 90, duration: 30 }, // clipped to [100,120]
      { id: 'b', parent: 'p', start: 110, duration: 30 }, // overlaps a: adds [120,140]
      { id: 'c', parent: 'p', start: 180, duration: 50 }, // outlives: adds [180,200]
    ]);
    expect(trace.columns.selfTime[0]).toBe(100 - 20 - 20 - 20);
    expect(flagCount(trace, SpanFlag.StartsBeforeParent)).toBe(1);
    expect(flagCount(trace, SpanFlag.OutlivesParent)).toBe(1);
  });

  it('survives a 10,000-deep chain', () => {
    const spans: TestSpan[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      parent: i === 0 ? undefined : `s${i - 1}`,
      start: 1000 + i,
      duration: 20_000 - i,
    }));
    const { trace } = buildOne(spans.reverse());
    expect(trace.maxDepth).toBe(9_999);
    expect(trace.columns.subtreeEnd[0]).toBe(10_000);
    expect(trace.columns.depth[9_999]).toBe(9_999);
    expect(trace.rootCount).toBe(1);
  });

  it('handles 100,000 siblings under one parent, sorted by start', () => {
    const spans: TestSpan[] = [{ id: 'root', start: 1, duration: 1e9 }];
    for (let i = 0; i < 100_000; i++)
      spans.push({ id: `c${i}`, parent: 'root', start: 10 + ((i * 7919) % 100_000) });
    const { trace } = buildOne(spans);
    expect(trace.columns.subtreeEnd[0]).toBe(100_001);
    let sorted = true;
    for (let i = 2; i <= 100_000; i++)
      sorted &&= (trace.columns.start[i] ?? 0) >= (trace.columns.start[i - 1] ?? 0);
    expect(sorted).toBe(true);
  });

  it('cuts a cycle A→B→A at its earliest span and keeps both', () => {
    const { trace } = buildOne([
      { id: 'a', parent: 'b', start: 5 },
      { id: 'b', parent: 'a', start: 6 },
    ]);
    expect(trace.spanCount).toBe(2);
    expect(opAt(trace, 0)).toBe('op-a');
    expect(Array.from(trace.columns.parent)).toEqual([-1, 0]);
    expect(trace.columns.flags[0]).toBe(SpanFlag.CycleCut);
    expect(finding(trace, 'cycles')?.count).toBe(1);
  });

  it('makes a self-parent a flagged root', () => {
    const { trace } = buildOne([
      { id: 'a', parent: 'a' },
      { id: 'b', parent: 'a' },
    ]);
    expect(trace.rootCount).toBe(1);
    expect(flagCount(trace, SpanFlag.CycleCut)).toBe(1);
    expect(Array.from(trace.columns.parent)).toEqual([-1, 0]);
  });

  it('keeps duplicate ids, flags them, and attaches children to the first', () => {
    const { trace, indexOfSpanId } = buildOne([
      { id: 'r', start: 1, duration: 100 },
      { id: 'x', parent: 'r', start: 2 },
      { id: 'x', parent: 'r', start: 3 },
      { id: 'k', parent: 'x', start: 4 },
    ]);
    expect(trace.spanCount).toBe(4);
    expect(flagCount(trace, SpanFlag.DuplicateId)).toBe(2);
    expect(finding(trace, 'duplicate-ids')?.message).toMatch(/^1 span reuses a span id/);
    expect(indexOfSpanId('x')).toBe(1);
    expect(trace.columns.parent[2]).toBe(1); // k under the first x
  });

  it('puts a Zipkin shared server half under its client half; children attach to the server', () => {
    const { trace } = buildOne([
      { id: 'root', start: 1, duration: 100, operation: 'root' },
      { id: 'rpc', parent: 'root', start: 10, duration: 50, operation: 'client' },
      { id: 'rpc', parent: 'root', start: 12, duration: 40, operation: 'server', shared: true },
      { id: 'work', parent: 'rpc', start: 15, duration: 5, operation: 'work' },
    ]);
    expect([0, 1, 2, 3].map((i) => opAt(trace, i))).toEqual(['root', 'client', 'server', 'work']);
    expect(Array.from(trace.columns.depth)).toEqual([0, 1, 2, 3]);
  });

  it('moves a child that came before the shared halves under the server half', () => {
    const { trace } = buildOne([
      { id: 'work', parent: 'rpc', start: 15, duration: 5, operation: 'work' },
      { id: 'rpc', parent: 'root', start: 10, duration: 50, operation: 'client' },
      { id: 'root', start: 1, duration: 100, operation: 'root' },
      { id: 'rpc', parent: 'root', start: 12, duration: 40, operation: 'server', shared: true },
    ]);
    expect([0, 1, 2, 3].map((i) => opAt(trace, i))).toEqual(['root', 'client', 'server', 'work']);
    expect(Array.from(trace.columns.depth)).toEqual([0, 1, 2, 3]);
  });

  it('shows orphans and multiple roots as roots, with one-line findings', () => {
    const { trace } = buildOne([
      { id: 'a', parent: 'missing', start: 1 },
      { id: 'b', parent: 'missing', start: 2 },
      { id: 'c', start: 3 },
    ]);
    expect(trace.rootCount).toBe(3);
    expect(finding(trace, 'orphans')?.message).toBe(
      '2 spans reference a parent that is not in this trace; they are shown as roots.',
    );
    expect(finding(trace, 'orphans')?.examples).toEqual([0, 1]);
    expect(finding(trace, 'multiple-roots')?.count).toBe(3);
  });

  it('flags missing, zero and negative times and keeps the spans', () => {
    const { trace } = buildOne([
      { id: 'r', start: 100, duration: 50 },
      { id: 'neg', parent: 'r', start: 110, duration: -5 },
      { id: 'nostart', parent: 'r', start: Number.NaN, duration: 3 },
      { id: 'zero', parent: 'r', start: 0, duration: 1 },
      { id: 'instant', parent: 'r', start: 120, duration: 0 },
    ]);
    expect(trace.spanCount).toBe(5);
    expect(flagCount(trace, SpanFlag.BadTiming)).toBe(3);
    expect(Math.min(...trace.columns.duration)).toBe(0);
    expect(Math.min(...trace.columns.start)).toBe(0); // missing starts drawn at the parent's start
    expect(finding(trace, 'bad-timing')?.count).toBe(3);
  });

  it('flags a start far in the future, drawn at its parent, not stretching the trace', () => {
    const now = Date.now() * 1000;
    const hour = 3600 * 1e6;
    const { trace } = buildOne([
      { id: 'r', start: now - hour, duration: 50 },
      { id: 'y9999', parent: 'r', start: 253402300799000000, duration: 7 },
      // A host whose clock runs an hour ahead recorded this one: skewed, not absurd.
      { id: 'ahead', parent: 'r', start: now + hour, duration: 3 },
    ]);
    expect(trace.spanCount).toBe(3);
    expect(finding(trace, 'bad-timing')?.count).toBe(1);
    expect(finding(trace, 'bad-timing')?.message).toMatch(/far-future start/);
    // Tree order by start: the far-future span sits at its parent's start, before `ahead`.
    const [y9999, ahead] = [1, 2];
    expect([0, 1, 2].map((i) => opAt(trace, i))).toEqual(['op-r', 'op-y9999', 'op-ahead']);
    expect((trace.columns.flags[y9999] ?? 0) & SpanFlag.BadTiming).not.toBe(0);
    expect((trace.columns.flags[ahead] ?? 0) & SpanFlag.BadTiming).toBe(0);
    expect(trace.columns.start[y9999]).toBe(0); // at its parent's start
    expect(trace.columns.duration[y9999]).toBe(7); // its duration was sound: kept
    expect(trace.startTime).toBe(now - hour);
    expect(trace.duration).toBe(2 * hour + 3);
  });

  it('groups spans by trace id, treating zero-padded ids as the same', () => {
    const traces = buildSpans([
      { id: '1', trace: '00000000000000ab' },
      { id: '2', trace: 'ab', parent: '1' },
      { id: '3', trace: 'cd' },
    ]);
    expect(traces.map((t) => t.trace.spanCount)).toEqual([2, 1]);
  });

  it('reports a declared trace without spans instead of hiding it', () => {
    const builder = new TraceBuilder();
    builder.declareTrace('abc');
    const [built] = builder.finish('test');
    expect(built?.trace.spanCount).toBe(0);
    expect(built?.trace.findings.map((f) => f.kind)).toEqual(['no-spans']);
  });
});
