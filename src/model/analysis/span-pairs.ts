import type { TraceColumns } from '../trace';

/**
 * Groups spans by (service, operation) index pair with typed arrays only: the statistics, the
 * flame graph and the trace graph all key on this pair, and at 1M spans a Map lookup per span
 * costs more than the rest of their passes together.
 *
 * Operation names live in one table shared by all services, but in practice an operation index
 * belongs to one service; so the pair of an operation's first service is cached per operation
 * (two Int32Array reads per span) and only a second service for the same operation falls back to a
 * Map. The pair count is therefore bounded by the distinct pairs seen, never by the span count.
 */
export interface SpanPairs {
  /** Per span: its pair id, 0 ≤ id < pairCount. */
  readonly pairOfSpan: Int32Array;
  readonly pairCount: number;
  /** Per pair: service index. */
  readonly pairService: Int32Array;
  /** Per pair: operation index. */
  readonly pairOperation: Int32Array;
}

export function computeSpanPairs(columns: TraceColumns, operationCount: number): SpanPairs {
  const n = columns.spanCount;
  const { service, operation } = columns;
  const pairOfSpan = new Int32Array(n);
  const ops = Math.max(1, operationCount);
  // -1: this operation index has not been seen yet.
  const firstService = new Int32Array(ops).fill(-1);
  const firstPair = new Int32Array(ops);
  const others = new Map<number, number>();
  let pairService = new Int32Array(Math.min(ops, n) + 16);
  let pairOperation = new Int32Array(pairService.length);
  let pairCount = 0;

  const addPair = (s: number, o: number): number => {
    if (pairCount === pairService.length) {
      const grownService = new Int32Array(pairCount * 2);
      grownService.set(pairService);
      pairService = grownService;
      const grownOperation = new Int32Array(pairCount * 2);
      grownOperation.set(pairOperation);
      pairOperation = grownOperation;
    }
    pairService[pairCount] = s;
    pairOperation[pairCount] = o;
    return pairCount++;
  };

  for (let i = 0; i < n; i++) {
    const s = service[i] ?? 0;
    const o = operation[i] ?? 0;
    const first = firstService[o] ?? -1;
    let pair: number;
    if (first === s) pair = firstPair[o] ?? 0;
    else if (first === -1) {
      pair = addPair(s, o);
      firstService[o] = s;
      firstPair[o] = pair;
    } else {
      // Key fits a double exactly: services × operations stays far below 2^53.
      const key = s * ops + o;
      const known = others.get(key);
      if (known === undefined) {
        pair = addPair(s, o);
        others.set(key, pair);
      } else pair = known;
    }
    pairOfSpan[i] = pair;
  }
  return {
    pairOfSpan,
    pairCount,
    pairService: pairService.slice(0, pairCount),
    pairOperation: pairOperation.slice(0, pairCount),
  };
}
