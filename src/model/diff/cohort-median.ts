import { SpanFlag, type TraceColumns } from '../trace';
import { alignSpans } from './align-spans';
import { inChunks } from './in-chunks';
import { nameSpans, type DiffInput } from './span-names';

function median(values: number[]): number {
  values.sort((x, y) => x - y);
  const mid = values.length >> 1;
  return values.length % 2 ? (values[mid] ?? 0) : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2;
}

/**
 * A baseline for trace A made from a cohort: A's tree, keeping each span that at least half of the
 * other traces have (aligned as in align-spans.ts), with the median duration and self time of its
 * partners and the error flag of most of them. Diffing A against it shows where A departs from
 * the usual. Spans kept under a dropped parent hang under their nearest kept ancestor.
 */
export function* cohortMedian(
  a: DiffInput,
  others: readonly DiffInput[],
): Generator<undefined, DiffInput, void> {
  const n = a.columns.spanCount;
  const durations: Float64Array[] = [];
  const selfs: Float64Array[] = [];
  const errors: Uint8Array[] = [];
  for (const other of others) {
    const names = yield* nameSpans(a, other);
    const { matchA } = yield* alignSpans(
      a.columns,
      other.columns,
      names.nameOfA,
      names.nameOfB,
      names.nameCount,
    );
    const d = new Float64Array(n).fill(Number.NaN);
    const s = new Float64Array(n);
    const e = new Uint8Array(n);
    const { duration, selfTime, flags } = other.columns;
    for (let i = 0; i < n; i++) {
      const j = matchA[i] ?? -1;
      if (j < 0) continue;
      d[i] = duration[j] ?? 0;
      s[i] = selfTime[j] ?? 0;
      e[i] = ((flags[j] ?? 0) & SpanFlag.Error) !== 0 ? 1 : 0;
    }
    durations.push(d);
    selfs.push(s);
    errors.push(e);
  }

  const newIndex = new Int32Array(n).fill(-1);
  const keptAncestor = new Int32Array(n);
  const kept: number[] = [];
  const medianDuration: number[] = [];
  const medianSelf: number[] = [];
  const errorFlag: number[] = [];
  yield* inChunks(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const p = a.columns.parent[i] ?? -1;
      keptAncestor[i] = p < 0 ? -1 : (newIndex[p] ?? -1) >= 0 ? p : (keptAncestor[p] ?? -1);
      const ds: number[] = [];
      const ss: number[] = [];
      let errs = 0;
      durations.forEach((d, k) => {
        const v = d[i] ?? Number.NaN;
        if (Number.isNaN(v)) return;
        ds.push(v);
        ss.push(selfs[k]?.[i] ?? 0);
        errs += errors[k]?.[i] ?? 0;
      });
      if (ds.length === 0 || ds.length * 2 < others.length) continue;
      newIndex[i] = kept.push(i) - 1;
      medianDuration.push(median(ds));
      medianSelf.push(median(ss));
      errorFlag.push(errs * 2 > ds.length ? SpanFlag.Error : 0);
    }
  });
  const m = kept.length;
  const parent = new Int32Array(m);
  const depth = new Int32Array(m);
  const subtreeEnd = new Int32Array(m);
  kept.forEach((i, x) => {
    const anc = keptAncestor[i] ?? -1;
    const p = anc < 0 ? -1 : (newIndex[anc] ?? -1);
    parent[x] = p;
    depth[x] = p < 0 ? 0 : (depth[p] ?? 0) + 1;
    subtreeEnd[x] = x + 1;
  });
  // Pre-order: a subtree ends where its last descendant's subtree ends.
  for (let x = m - 1; x >= 0; x--) {
    const p = parent[x] ?? -1;
    if (p >= 0) subtreeEnd[p] = Math.max(subtreeEnd[p] ?? 0, subtreeEnd[x] ?? 0);
  }
  const pick = <T extends Int32Array | Float64Array>(column: T, make: (m: number) => T): T => {
    const out = make(m);
    kept.forEach((i, x) => (out[x] = column[i] ?? 0));
    return out;
  };
  const columns: TraceColumns = {
    spanCount: m,
    start: pick(a.columns.start, (size) => new Float64Array(size)),
    duration: Float64Array.from(medianDuration),
    selfTime: Float64Array.from(medianSelf),
    parent,
    depth,
    subtreeEnd,
    service: pick(a.columns.service, (size) => new Int32Array(size)),
    operation: pick(a.columns.operation, (size) => new Int32Array(size)),
    flags: Uint16Array.from(errorFlag),
  };
  return { columns, services: a.services, operations: a.operations };
}
