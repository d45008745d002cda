import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeSpanPairs } from '../analysis/span-pairs';
import { accumulatePairs } from '../analysis/statistics';
import { buildTestTrace } from '../analysis/test-trace';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import type { Trace } from '../trace';
import { buildTraceGraph } from './trace-graph';

function graphOf(trace: Trace) {
  const totals = accumulatePairs(
    trace.columns,
    computeSpanPairs(trace.columns, trace.operations.length),
  );
  const graph = buildTraceGraph(trace.columns, totals, trace.services, trace.operations);
  const name = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return `${node?.service}:${node?.operation}`;
  };
  return { graph, name };
}

describe('buildTraceGraph', () => {
  it('aggregates nodes by service+operation and counts calls per parent → child pair', () => {
    const trace = buildTestTrace([
      { id: 'r', start: 0, duration: 100, service: 'api', operation: 'GET' },
      { id: 'a', parent: 'r', start: 0, duration: 20, service: 'db', operation: 'query' },
      { id: 'b', parent: 'r', start: 30, duration: 30, service: 'db', operation: 'query' },
      { id: 'b1', parent: 'b', start: 31, duration: 5, service: 'db', operation: 'query' },
    ]);
    const { graph, name } = graphOf(trace);
    expect(graph.nodes.map((n) => [n.service, n.operation, n.count, n.total])).toEqual([
      ['api', 'GET', 1, 100],
      ['db', 'query', 3, 55],
    ]);
    expect(graph.edges.map((e) => [name(e.from), name(e.to), e.calls])).toEqual([
      ['api:GET', 'db:query', 2],
      // An operation calling itself stays an edge (a self-loop); the view lists it.
      ['db:query', 'db:query', 1],
    ]);
  });

  it('on the real HotROD trace: 9 nodes, every non-root span is one call', () => {
    const text = readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8');
    const trace = parseTraceDocument(text).traces[0]?.trace;
    if (!trace) throw new Error('fixture holds no trace');
    const { graph, name } = graphOf(trace);
    expect(graph.nodes).toHaveLength(9);
    expect(graph.edges.reduce((sum, e) => sum + e.calls, 0)).toBe(40 - trace.rootCount);
    const redis = graph.nodes.find((n) => n.operation === 'GetDriver');
    expect(redis).toMatchObject({ service: 'redis-manual', count: 13, errors: 3 });
    const intoRedis = graph.edges.filter((e) => e.to === redis?.id);
    expect(intoRedis.map((e) => [name(e.from), e.calls])).toEqual([
      ['driver:driver.DriverService/FindNearest', 13],
    ]);
  });
});
