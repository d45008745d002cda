import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import type { Trace } from '../trace';
import { computeSpanPairs } from './span-pairs';
import { computeStatistics, statisticsByService } from './statistics';
import { buildTestTrace } from './test-trace';

/**
 * OTLP times are ~1.8e18 ns, past 2^53: the parser's µs are exact to about a quarter µs, so hand
 * sums over exact decimal nanoseconds are compared within 1 µs per span summed.
 */
function near(actual: number | undefined, expected: number, spans: number): void {
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThan(spans);
}

function hotrod(): Trace {
  const text = readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8');
  const [parsed] = parseTraceDocument(text).traces;
  if (!parsed) throw new Error('fixture holds no trace');
  return parsed.trace;
}

describe('computeStatistics on the real HotROD trace (jaeger-ui PR 4129, 40 spans)', () => {
  const trace = hotrod();
  const rows = computeStatistics(trace);
  const row = (service: string, operation: string) =>
    rows.find((r) => r.service === service && r.operation === operation);

  it('matches totals computed by hand from the OTLP nanosecond timestamps', () => {
    // 11 frontend "HTTP GET" client spans; sums of (end - start) / 1000 over the raw JSON.
    expect(row('frontend', 'HTTP GET')).toMatchObject({ count: 11, errors: 0 });
    near(row('frontend', 'HTTP GET')?.total, 786894.712, 11);
    near(row('frontend', 'HTTP GET')?.min, 37276.447, 1);
    near(row('frontend', 'HTTP GET')?.max, 261558.454, 1);
    // 13 redis GetDriver calls, 3 of them the fixture's redis timeouts (status ERROR).
    expect(row('redis-manual', 'GetDriver')).toMatchObject({ count: 13, errors: 3 });
    near(row('redis-manual', 'GetDriver')?.total, 204652.827, 13);
    expect(row('route', 'GET /route')).toMatchObject({ count: 10 });
    near(row('route', 'GET /route')?.total, 520037.393, 10);
  });

  it('leaf operations spend all their time in themselves', () => {
    const leaf = row('redis-manual', 'GetDriver');
    expect(leaf?.selfTotal).toBeCloseTo(leaf?.total ?? -1, 6);
  });

  it('covers every span once and sorts by total, largest first', () => {
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(40);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatchObject({ service: 'frontend', operation: 'HTTP GET' });
    const selfSum = trace.columns.selfTime.reduce((sum, v) => sum + v, 0);
    expect(rows.reduce((sum, r) => sum + r.selfTotal, 0)).toBeCloseTo(selfSum, 3);
  });

  it('folds into one row per service', () => {
    const services = statisticsByService(rows);
    expect(services.map((s) => s.service).sort()).toEqual([
      'customer',
      'driver',
      'frontend',
      'mysql',
      'redis-manual',
      'route',
    ]);
    const frontend = services.find((s) => s.service === 'frontend');
    // HTTP GET + GET /dispatch + driver.DriverService/FindNearest (client side).
    expect(frontend).toMatchObject({ operation: '', count: 13 });
    near(frontend?.total, 786894.712 + 702608.277 + 226852.923, 13);
    near(frontend?.min, 37276.447, 1);
    near(frontend?.max, 702608.277, 1);
  });
});

describe('computeSpanPairs', () => {
  it('keeps one operation name under two services apart', () => {
    const trace = buildTestTrace([
      { id: 'a', start: 0, duration: 10, service: 's1', operation: 'op' },
      { id: 'b', parent: 'a', start: 1, duration: 2, service: 's2', operation: 'op' },
      { id: 'c', parent: 'a', start: 4, duration: 2, service: 's2', operation: 'op' },
      { id: 'd', parent: 'a', start: 7, duration: 2, service: 's1', operation: 'op' },
    ]);
    const pairs = computeSpanPairs(trace.columns, trace.operations.length);
    expect(pairs.pairCount).toBe(2);
    expect([...pairs.pairOfSpan]).toEqual([0, 1, 1, 0]);
    expect(computeStatistics(trace).map((r) => [r.service, r.count])).toEqual([
      ['s1', 2],
      ['s2', 2],
    ]);
  });
});
