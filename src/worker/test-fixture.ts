/**
 * Test helper: a small columnar Trace (and ParsedTrace) from a parent list already in DFS
 * pre-order. Spans are 10 µs apart and each lasts 100 µs minus 10 per depth level.
 */
import type { SiblingGroup } from '../model/analysis/repeated-siblings';
import type { ParsedTrace, ParseResult } from '../model/parse-document';
import type { SpanDetail } from '../model/span-detail';
import { SpanFlag, type Trace, type TraceColumns } from '../model/trace';
import { preorderShape } from '../model/test-support/preorder-shape';
import { micros } from '../model/units';

export function columnsFromParents(
  parents: readonly number[],
  errorAt: readonly number[] = [],
): TraceColumns {
  const n = parents.length;
  const { parent, depth, subtreeEnd } = preorderShape(parents);
  const flags = new Uint16Array(n);
  for (const i of errorAt) flags[i] = SpanFlag.Error;
  return {
    spanCount: n,
    start: Float64Array.from({ length: n }, (_, i) => i * 10),
    duration: Float64Array.from({ length: n }, (_, i) => 100 - (depth[i] ?? 0) * 10),
    selfTime: new Float64Array(n).fill(5),
    parent,
    depth,
    subtreeEnd,
    service: Int32Array.from({ length: n }, (_, i) => i % 2),
    operation: Int32Array.from({ length: n }, (_, i) => i % 3),
    flags,
  };
}

export function testTrace(parents: readonly number[], traceId = 'abc123'): Trace {
  const columns = columnsFromParents(parents);
  return {
    traceId,
    name: 'frontend: GET /',
    startTime: micros(1_700_000_000_000_000),
    duration: micros(200),
    spanCount: columns.spanCount,
    errorCount: 0,
    maxDepth: Math.max(0, ...columns.depth),
    rootCount: parents.filter((p) => p < 0).length,
    format: 'test',
    columns,
    services: ['frontend', 'backend'],
    operations: ['GET /', 'query', 'render'],
    findings: [],
    warnings: [],
  };
}

export function testParsed(trace: Trace): ParsedTrace {
  return {
    trace,
    detail(index): SpanDetail {
      const { columns } = trace;
      return {
        index,
        traceId: trace.traceId,
        spanId: `span-${index}`,
        parentSpanId:
          (columns.parent[index] ?? -1) >= 0 ? `span-${columns.parent[index] ?? 0}` : '',
        service: trace.services[columns.service[index] ?? 0] ?? '',
        operation: trace.operations[columns.operation[index] ?? 0] ?? '',
        kind: '',
        statusCode: 'unset',
        statusMessage: '',
        // Reads the worker's columns: proves they survive the transfer to the main thread.
        start: micros(columns.start[index] ?? Number.NaN),
        absoluteStart: micros(trace.startTime + (columns.start[index] ?? 0)),
        duration: micros(columns.duration[index] ?? 0),
        selfTime: micros(columns.selfTime[index] ?? 0),
        attributes: [{ key: 'http.url', value: '<b>x</b>', type: 'string' }],
        resource: [],
        scope: [],
        events: [],
        references: [],
        warnings: [],
      };
    },
    spanIndexById: (id) => {
      const match = /^span-(\d+)$/.exec(id);
      const index = match ? Number(match[1]) : -1;
      return index < trace.spanCount ? index : -1;
    },
  };
}

/** A parse function that "parses" documents of the form `{"parents":[...],"traceId":"..."}`. */
export function fakeParseText(text: string): ParseResult {
  try {
    const doc = JSON.parse(text) as { parents?: number[]; traceId?: string };
    if (!Array.isArray(doc.parents))
      return { traces: [], errors: ['Not a test document'], format: 'unknown' };
    return {
      traces: [testParsed(testTrace(doc.parents, doc.traceId))],
      errors: [],
      format: 'test',
    };
  } catch {
    return { traces: [], errors: ['Not JSON'], format: 'unknown' };
  }
}

/**
 * In the tree [-1, 0, 1, 2, 1, 0] (the root, spans 1 and 5 its children), spans 1 and 5 as one
 * run of repeated siblings; `stats` fills the timings the fold row shows.
 */
export function runOfRootChildren(
  stats: Partial<Pick<SiblingGroup, 'total' | 'wall' | 'min' | 'median' | 'max'>> = {},
): SiblingGroup {
  return {
    parent: 0,
    first: 1,
    last: 5,
    count: 2,
    service: 1,
    operation: 1,
    total: 0,
    wall: 0,
    min: 0,
    median: 0,
    max: 0,
    ...stats,
  };
}
