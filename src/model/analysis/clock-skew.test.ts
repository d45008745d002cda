import { SpanFlag } from '../trace';
import { adjustClockSkew, skewOf, wasShifted } from './clock-skew';
import { buildTestTrace } from './test-trace';

const server = SpanFlag.KindServer;
const client = SpanFlag.KindClient;

describe('adjustClockSkew', () => {
  it('centres a server span that started before its client (zipkin/skew.json timings)', () => {
    // The four spans of zipkin-lens testdata/skew.json, with the shared client/server span id
    // modelled as server-child-of-client (what a tree builder does with Zipkin shared spans).
    const trace = buildTestTrace([
      { id: 'get', start: 1470150004071068, duration: 99411, service: 'servicea', flags: server },
      {
        id: 'post-client',
        parent: 'get',
        start: 1470150004074202,
        duration: 94539,
        service: 'servicea',
        flags: client,
      },
      {
        id: 'post-server',
        parent: 'post-client',
        start: 1470150004008761,
        duration: 93577,
        service: 'serviceb',
        flags: server,
      },
      {
        id: 'async',
        parent: 'post-server',
        start: 1470150004008762,
        duration: 65000,
        service: 'serviceb',
      },
    ]);
    const result = adjustClockSkew(trace.columns);
    const at = (id: string): number => trace.ids.indexOf(id);
    const expectedDelta = 1470150004074202 + (94539 - 93577) / 2 - 1470150004008761; // 65922
    expect(Array.from(result.adjusted)).toEqual([at('post-server')]);
    expect(result.deltas[0]).toBe(expectedDelta);
    expect(result.shiftedCount).toBe(2);
    // The same-service child inherits the delta and keeps its offset to its parent.
    const { adjustedStart } = result;
    expect((adjustedStart[at('async')] ?? 0) - (adjustedStart[at('post-server')] ?? 0)).toBe(1);
    // The server now sits centred inside its client.
    const clientStart = adjustedStart[at('post-client')] ?? 0;
    expect((adjustedStart[at('post-server')] ?? 0) - clientStart).toBe(481);
    expect(wasShifted(result, trace.columns, at('get'))).toBe(false);
    expect(wasShifted(result, trace.columns, at('async'))).toBe(true);
    // Raw times start at the early server; adjusted ones at the root, and end with it.
    expect(trace.columns.start[at('post-server')]).toBe(0);
    expect(result.adjustedFirst).toBe(adjustedStart[at('get')]);
    expect(result.adjustedLast).toBe((adjustedStart[at('get')] ?? 0) + 99411);
    expect(result.adjustedFirst).toBeGreaterThan(0);
  });

  it('leaves same-service children, fitting children and async late children alone', () => {
    const trace = buildTestTrace([
      { id: 'root', start: 0, duration: 100, service: 'a', flags: client },
      { id: 'same', parent: 'root', start: -10, duration: 20, service: 'a' },
      { id: 'fits', parent: 'root', start: 10, duration: 20, service: 'b', flags: server },
      { id: 'late-async', parent: 'root', start: 90, duration: 50, service: 'c' },
    ]);
    const result = adjustClockSkew(trace.columns);
    expect(result.adjusted.length).toBe(0);
    expect(Array.from(result.adjustedStart)).toEqual(Array.from(trace.columns.start));
  });

  it('moves a server that ends after its client back inside it', () => {
    const trace = buildTestTrace([
      { id: 'c', start: 0, duration: 100, service: 'a', flags: client },
      { id: 's', parent: 'c', start: 60, duration: 80, service: 'b', flags: server },
    ]);
    const result = adjustClockSkew(trace.columns);
    expect(result.adjustedStart[1]).toBe(10);
  });

  it('only aligns the start of a child longer than its parent', () => {
    expect(skewOf(-50, 300, 0, 100, server, client, 0)).toBe(50);
    expect(skewOf(10, 300, 0, 100, server, client, 0)).toBe(0);
  });

  it('respects the tolerance', () => {
    expect(skewOf(-2, 10, 0, 100, 0, 0, 5)).toBe(0);
    expect(skewOf(-6, 10, 0, 100, 0, 0, 5)).toBe(51);
  });

  it('judges a third service against its adjusted parent, not cumulatively', () => {
    const trace = buildTestTrace([
      { id: 'a', start: 1000, duration: 100, service: 'a', flags: client },
      { id: 'b', parent: 'a', start: 0, duration: 80, service: 'b', flags: server | client },
      { id: 'c', parent: 'b', start: 1020, duration: 40, service: 'c', flags: server },
    ]);
    const result = adjustClockSkew(trace.columns);
    const start = (id: string): number => result.adjustedStart[trace.ids.indexOf(id)] ?? NaN;
    expect(start('b') - start('a')).toBe(10);
    // c's own clock agrees with a's: inside b after b moved, so it is not shifted.
    expect(start('c')).toBe(trace.columns.start[trace.ids.indexOf('c')]);
    expect(start('c') - start('b')).toBe(10);
  });
});
