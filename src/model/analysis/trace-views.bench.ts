// @vitest-environment node
/**
 * `npx vitest bench src/model/analysis/trace-views.bench.ts` — the trace page's alternative views
 * on a 1M-span random tree: statistics, one span-table sort, the merged flame tree and the trace
 * graph. A benchmark, not a test: nothing here asserts a time.
 */
import { bench, describe } from 'vitest';
import { TraceBuilder } from '../build/trace-builder';
import { createSpanRecord } from '../build/span-record';
import { spansOfFrame, tracePathGraph } from '../graph/trace-path-graph';
import { buildFlameTree } from './flame-tree';
import { sortByKey } from './sort-order';
import { computeSpanPairs } from './span-pairs';
import { computeStatistics } from './statistics';

const N = 1_000_000;
let seed = 7;
const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

function millionSpanTrace() {
  const builder = new TraceBuilder();
  const record = createSpanRecord();
  const starts = new Float64Array(N);
  const ids = Array.from({ length: N }, (_, i) => (0x10000000 + i).toString(16).padStart(16, '0'));
  for (let i = 0; i < N; i++) {
    // A bushy tree with some depth: parents are recent spans more often than old ones.
    const p =
      i === 0 ? -1 : Math.max(0, i - 1 - Math.floor(random() * random() * Math.min(i, 5000)));
    starts[i] = p < 0 ? 0 : (starts[p] ?? 0) + Math.floor(random() * 100);
    record.traceId = 'abc';
    record.spanId = ids[i] ?? '';
    record.parentSpanId = p < 0 ? '' : (ids[p] ?? '');
    record.start = 1.7e15 + (starts[i] ?? 0);
    record.duration = Math.floor(random() * 10_000);
    record.service = `svc-${i % 20}`;
    record.operation = `op-${i % 300}`;
    record.source = i;
    builder.add(record);
  }
  const [built] = builder.finish('jaeger-v1');
  if (!built) throw new Error('no trace built');
  return built.trace;
}

describe('1M spans: alternative views', () => {
  const trace = millionSpanTrace();
  const pairs = computeSpanPairs(trace.columns, trace.operations.length);
  const options = { iterations: 5, time: 0, warmupIterations: 1 };
  bench('statistics (pairs + accumulate + rows)', () => void computeStatistics(trace), options);
  bench(
    'span table: sort by duration',
    () => void sortByKey(trace.columns.duration, undefined, true),
    options,
  );
  bench('flame: merged tree + layout', () => void buildFlameTree(trace.columns, pairs), options);
  const tree = buildFlameTree(trace.columns, pairs);
  bench('trace graph: path nodes + edges', () => void tracePathGraph(tree, 2000), options);
  bench(
    'trace graph: spans of a clicked node',
    () => void spansOfFrame(tree, trace.columns, pairs.pairOfSpan, pairs.pairCount, 1),
    options,
  );
});
