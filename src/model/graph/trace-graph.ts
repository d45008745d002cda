import { PairHash } from '../analysis/pair-hash';
import type { PairTotals } from '../analysis/statistics';
import type { TraceColumns } from '../trace';

/**
 * A trace folded into a graph: one node per (service, operation), one edge per distinct
 * parent → child pair with the number of calls. Edges come from one pass over `parent` with a
 * typed hash (pair-hash.ts), so a 1M-span trace costs one linear pass; the graph itself is bounded
 * by the distinct pairs.
 */
export interface TraceGraphNode {
  /** Stable id for layout and React keys: `p<pair id>`. */
  readonly id: string;
  readonly service: string;
  readonly operation: string;
  readonly count: number;
  /** Sum of durations, µs. */
  readonly total: number;
  readonly selfTotal: number;
  readonly errors: number;
}

export interface TraceGraphEdge {
  readonly from: string;
  readonly to: string;
  readonly calls: number;
}

export interface TraceGraph {
  readonly nodes: readonly TraceGraphNode[];
  /** Includes self-loops (an operation calling itself); layout skips them, the view lists them. */
  readonly edges: readonly TraceGraphEdge[];
}

const nodeId = (pair: number): string => `p${pair}`;

export function buildTraceGraph(
  columns: TraceColumns,
  totals: PairTotals,
  services: readonly string[],
  operations: readonly string[],
): TraceGraph {
  const { pairs } = totals;
  const nodes: TraceGraphNode[] = [];
  for (let p = 0; p < pairs.pairCount; p++) {
    nodes.push({
      id: nodeId(p),
      service: services[pairs.pairService[p] ?? 0] ?? '',
      operation: operations[pairs.pairOperation[p] ?? 0] ?? '',
      count: totals.count[p] ?? 0,
      total: totals.total[p] ?? 0,
      selfTotal: totals.selfTotal[p] ?? 0,
      errors: totals.errors[p] ?? 0,
    });
  }
  const hash = new PairHash(Math.min(pairs.pairCount * 4, 1 << 16));
  const calls: number[] = [];
  const { parent } = columns;
  const { pairOfSpan } = pairs;
  for (let i = 0; i < columns.spanCount; i++) {
    const p = parent[i] ?? -1;
    if (p < 0) continue;
    const id = hash.getOrAdd(pairOfSpan[p] ?? 0, pairOfSpan[i] ?? 0);
    calls[id] = (calls[id] ?? 0) + 1;
  }
  const edges: TraceGraphEdge[] = [];
  for (let id = 0; id < hash.size; id++) {
    edges.push({
      from: nodeId(hash.first(id)),
      to: nodeId(hash.second(id)),
      calls: calls[id] ?? 0,
    });
  }
  return { nodes, edges };
}
