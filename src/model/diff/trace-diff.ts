import { runToEnd } from '../analysis/run-to-end';
import { alignSpans } from './align-spans';
import { buildDiffGraph, type DiffGraph } from './diff-graph';
import { mergeRows, type DiffRows } from './merged-rows';
import { nameSpans, type DiffInput } from './span-names';
import { totalByName, type NameTotals } from './time-breakdown';

export type { DiffInput } from './span-names';

/**
 * Two traces aligned span against span (see align-spans.ts), as rows to draw (merged-rows.ts) and
 * totals per name (time-breakdown.ts). Everything is typed arrays plus the small name tables, so
 * the worker transfers it whole; the main thread only filters and draws.
 */
export interface TraceDiff {
  readonly rows: DiffRows;
  readonly graph: DiffGraph;
  readonly totals: NameTotals;
  readonly nameCount: number;
  /** Per name id: index into `services`. */
  readonly nameService: Int32Array;
  readonly nameOperation: readonly string[];
  readonly services: readonly string[];
  readonly matched: number;
  /** Matched under a renamed or missing parent. */
  readonly moved: number;
  readonly onlyInA: number;
  readonly onlyInB: number;
}

/** The diff as a stepped computation: the worker pauses at each yield (run-sliced.ts). */
export function* diffSteps(a: DiffInput, b: DiffInput): Generator<undefined, TraceDiff, void> {
  const names = yield* nameSpans(a, b);
  const alignment = yield* alignSpans(
    a.columns,
    b.columns,
    names.nameOfA,
    names.nameOfB,
    names.nameCount,
  );
  const rows = yield* mergeRows(
    a.columns,
    b.columns,
    names.nameOfA,
    names.nameOfB,
    names.nameCount,
    alignment,
  );
  const totals = yield* totalByName(
    a.columns,
    b.columns,
    names.nameOfA,
    names.nameOfB,
    names.nameCount,
  );
  const graph = yield* buildDiffGraph(rows);
  return {
    rows,
    graph,
    totals,
    nameCount: names.nameCount,
    nameService: names.nameService,
    nameOperation: names.nameOperation,
    services: names.services,
    matched: alignment.matched,
    moved: alignment.moved,
    onlyInA: a.columns.spanCount - alignment.matched,
    onlyInB: b.columns.spanCount - alignment.matched,
  };
}

export function diffTraces(a: DiffInput, b: DiffInput): TraceDiff {
  return runToEnd(diffSteps(a, b));
}

/** Every buffer of `diff`, for postMessage's transfer list. */
export function diffBuffers(diff: TraceDiff): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    ...Object.values(diff.rows).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)),
    ...Object.values(diff.graph).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v)),
    ...Object.values(diff.totals),
    diff.nameService,
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}
