import { runToEnd } from '../analysis/run-to-end';
import { alignSpans } from './align-spans';
import { buildDiffGraph, type DiffGraph } from './diff-graph';
import { foldedRows, mergeRows, type DiffRows } from './merged-rows';
import { nameSpans, type DiffInput } from './span-names';
import { totalByName, type NameTotals } from './time-breakdown';

export type { DiffInput } from './span-names';

/**
 * What the aligned table and "where the time went" draw: two traces aligned span against span
 * (align-spans.ts), as rows (merged-rows.ts) and totals per name (time-breakdown.ts). Typed
 * arrays plus the small name tables, so the worker transfers it whole; the main thread only
 * filters and draws. It is posted before the graph is built, so the rows show sooner.
 */
export interface DiffCore {
  readonly rows: DiffRows;
  /** The rows shown while nothing is unfolded or filtered (foldedRows). */
  readonly shown: Int32Array;
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

/** The whole comparison: the core and the structural diff graph built from its rows. */
export interface TraceDiff extends DiffCore {
  readonly graph: DiffGraph;
}

/** The core as a stepped computation: the worker pauses at each yield (run-sliced.ts). */
export function* diffCoreSteps(a: DiffInput, b: DiffInput): Generator<undefined, DiffCore, void> {
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
  const shown = foldedRows(rows);
  yield;
  const totals = yield* totalByName(
    a.columns,
    b.columns,
    names.nameOfA,
    names.nameOfB,
    names.nameCount,
  );
  return {
    rows,
    shown,
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
  const core = runToEnd(diffCoreSteps(a, b));
  return { ...core, graph: runToEnd(buildDiffGraph(core.rows)) };
}

const typedArraysOf = (record: object): ArrayBufferView[] =>
  Object.values(record).filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));

/** Every buffer of these typed arrays, each once, for postMessage's transfer list. */
function buffersOf(arrays: readonly ArrayBufferView[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}

/** Every buffer of `core`. */
export const coreBuffers = (core: DiffCore): ArrayBuffer[] =>
  buffersOf([
    ...typedArraysOf(core.rows),
    ...typedArraysOf(core.totals),
    core.nameService,
    core.shown,
  ]);

/** Every buffer of `graph`. */
export const graphBuffers = (graph: DiffGraph): ArrayBuffer[] => buffersOf(typedArraysOf(graph));

/**
 * A copy of the rows (a memcpy of ~60 bytes a row; each buffer exactly its array), so the worker
 * transfers the copy and keeps building the graph from the original.
 */
export const copyRows = (rows: DiffRows): DiffRows => ({
  rowCount: rows.rowCount,
  indexA: rows.indexA.slice(),
  indexB: rows.indexB.slice(),
  parent: rows.parent.slice(),
  depth: rows.depth.slice(),
  subtreeEnd: rows.subtreeEnd.slice(),
  name: rows.name.slice(),
  flags: rows.flags.slice(),
  countA: rows.countA.slice(),
  countB: rows.countB.slice(),
  durationA: rows.durationA.slice(),
  durationB: rows.durationB.slice(),
  errorsA: rows.errorsA.slice(),
  errorsB: rows.errorsB.slice(),
});
