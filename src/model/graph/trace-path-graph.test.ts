import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFlameTree } from '../analysis/flame-tree';
import { computeSpanPairs } from '../analysis/span-pairs';
import { buildTestTrace } from '../analysis/test-trace';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import type { Trace } from '../trace';
import { spansOfFrame, tracePathGraph } from './trace-path-graph';

function graphOf(trace: Trace, maxNodes = 1000) {
  const pairs = computeSpanPairs(trace.columns, trace.operations.length);
  const tree = buildFlameTree(trace.columns, pairs);
  const graph = tracePathGraph(tree, maxNodes);
  const name = (node: number) => {
    const span = trace.columns.operation.findIndex(
      (_, i) => pairs.pairOfSpan[i] === tree.pair[graph.frames[node] ?? 0],
    );
    return `${trace.services[trace.columns.service[span] ?? 0]}:${trace.operations[trace.columns.operation[span] ?? 0]}`;
  };
  return { graph, tree, pairs, name };
}

describe('tracePathGraph', () => {
  it('aggregates spans by service+operation along their path, calls per edge', () => {
    const trace = buildTestTrace([
      { id: 'r', start: 0, duration: 100, service: 'api', operation: 'GET' },
      { id: 'a', parent: 'r', start: 0, duration: 20, service: 'db', operation: 'query' },
      { id: 'b', parent: 'r', start: 30, duration: 30, service: 'db', operation: 'query' },
      { id: 'b1', parent: 'b', start: 31, duration: 5, service: 'db', operation: 'query' },
    ]);
    const { graph, tree, name } = graphOf(trace);
    // db:query under api:GET and db:query under db:query are different paths: three nodes.
    expect(graph.frames).toHaveLength(3);
    expect([...graph.frames].map((f) => [tree.count[f], tree.total[f]])).toEqual([
      [1, 100],
      [2, 50],
      [1, 5],
    ]);
    expect(
      Array.from(graph.source, (s, e) => [name(s), name(graph.target[e] ?? 0), graph.calls[e]]),
    ).toEqual([
      ['api:GET', 'db:query', 2],
      ['db:query', 'db:query', 1],
    ]);
  });

  it('on the real HotROD trace: one edge per non-root path node, spans of a node found back', () => {
    const text = readFileSync(`${FIXTURE_ROOT}/jaeger-ui-pr4129/getTrace-response.json`, 'utf8');
    const trace = parseTraceDocument(text).traces[0]?.trace;
    if (!trace) throw new Error('fixture holds no trace');
    const { graph, tree, pairs } = graphOf(trace);
    expect(graph.source).toHaveLength(graph.frames.length - trace.rootCount);
    expect([...graph.calls].reduce((a, b) => a + b, 0)).toBe(40 - trace.rootCount);
    let all = 0;
    for (const frame of graph.frames) {
      const spans = spansOfFrame(tree, trace.columns, pairs.pairOfSpan, pairs.pairCount, frame);
      expect(spans).toHaveLength(tree.count[frame] ?? -1);
      all += spans.length;
    }
    expect(all).toBe(trace.columns.spanCount);
  });

  it('keeps the largest nodes past the cap and only edges between kept nodes', () => {
    const spans = [{ id: 'r', start: 0, duration: 1000, service: 'root', operation: 'r' }];
    for (let i = 0; i < 50; i++)
      spans.push({
        id: `c${i}`,
        parent: 'r',
        start: i,
        duration: i + 1,
        service: 's',
        operation: `op${i}`,
      } as never);
    const { graph, tree } = graphOf(buildTestTrace(spans), 10);
    expect(graph.frames).toHaveLength(10);
    expect(graph.omitted).toBe(41);
    const totals = [...graph.frames].map((f) => tree.total[f] ?? 0);
    expect(Math.min(...totals)).toBe(42);
    expect(graph.source).toHaveLength(9);
  });
});
