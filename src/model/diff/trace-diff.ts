import type { TraceColumns } from '../trace';

/** What the diff needs of a trace: its columns and string tables. */
export interface DiffInput {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
}

/**
 * Two traces aligned span against span. Row `r` of the merged tree is a column entry; a side
 * without that span has index -1. Rows are in merged depth-first order (A's order, with spans only
 * in B placed after their matched siblings), so the result draws as one waterfall.
 */
export interface TraceDiff {
  readonly rowCount: number;
  readonly indexA: Int32Array;
  readonly indexB: Int32Array;
  readonly depth: Int32Array;
  /** µs; NaN where the side lacks the span. */
  readonly durationA: Float64Array;
  readonly durationB: Float64Array;
  readonly onlyInA: number;
  readonly onlyInB: number;
  readonly matched: number;
}

/**
 * A span's identity across traces: the chain of (service, operation) from its root, plus which
 * occurrence it is among same-named siblings in start order. Span ids never match across traces, so
 * structure is all there is; the occurrence index keeps N+1 loops aligned call by call.
 */
function spanKeys(input: DiffInput): string[] {
  const { columns, services, operations } = input;
  const keys = new Array<string>(columns.spanCount);
  const seen = new Map<string, number>();
  for (let i = 0; i < columns.spanCount; i++) {
    const parent = columns.parent[i] ?? -1;
    const name = `${services[columns.service[i] ?? 0] ?? ''}\u0001${operations[columns.operation[i] ?? 0] ?? ''}`;
    const prefix = parent >= 0 ? (keys[parent] ?? '') : '';
    const sibling = `${prefix}\u0002${name}`;
    const occurrence = seen.get(sibling) ?? 0;
    seen.set(sibling, occurrence + 1);
    keys[i] = `${sibling}#${occurrence}`;
  }
  return keys;
}

export function diffTraces(a: DiffInput, b: DiffInput): TraceDiff {
  const keysA = spanKeys(a);
  const keysB = spanKeys(b);
  const indexInB = new Map<string, number>();
  keysB.forEach((key, index) => indexInB.set(key, index));
  const matchedB = new Uint8Array(b.columns.spanCount);

  // B-only spans hang under their nearest matched ancestor (or at the root); collect them per anchor.
  const extrasAfter = new Map<number, number[]>();
  const indexInA = new Map<string, number>();
  keysA.forEach((key, index) => indexInA.set(key, index));
  const bOnlyRoots: number[] = [];
  for (let j = 0; j < b.columns.spanCount; j++) {
    if (indexInA.has(keysB[j] ?? '')) continue;
    const parent = b.columns.parent[j] ?? -1;
    if (parent >= 0 && !indexInA.has(keysB[parent] ?? '')) continue; // drawn with its B-only parent
    const anchor = parent >= 0 ? (indexInA.get(keysB[parent] ?? '') ?? -1) : -1;
    if (anchor < 0) bOnlyRoots.push(j);
    else {
      const list = extrasAfter.get(anchor);
      if (list) list.push(j);
      else extrasAfter.set(anchor, [j]);
    }
  }

  const rowsA: number[] = [];
  const rowsB: number[] = [];
  const depths: number[] = [];
  const pushBSubtree = (root: number, baseDepth: number) => {
    const end = b.columns.subtreeEnd[root] ?? root + 1;
    const rootDepth = b.columns.depth[root] ?? 0;
    for (let j = root; j < end; j++) {
      rowsA.push(-1);
      rowsB.push(j);
      depths.push(baseDepth + (b.columns.depth[j] ?? 0) - rootDepth);
    }
  };

  // A's pre-order; after each A span's subtree closes, its B-only children follow. A stack of open
  // subtrees (by end index) tells when that happens without recursion.
  const open: number[] = [];
  const closeUntil = (limit: number) => {
    while (open.length > 0 && (a.columns.subtreeEnd[open[open.length - 1] ?? 0] ?? 0) <= limit) {
      const anchor = open.pop() ?? 0;
      for (const extra of extrasAfter.get(anchor) ?? [])
        pushBSubtree(extra, (a.columns.depth[anchor] ?? 0) + 1);
    }
  };
  for (let i = 0; i < a.columns.spanCount; i++) {
    closeUntil(i);
    const match = indexInB.get(keysA[i] ?? '') ?? -1;
    if (match >= 0) matchedB[match] = 1;
    rowsA.push(i);
    rowsB.push(match);
    depths.push(a.columns.depth[i] ?? 0);
    open.push(i);
  }
  closeUntil(Number.POSITIVE_INFINITY);
  for (const root of bOnlyRoots) pushBSubtree(root, 0);

  const rowCount = rowsA.length;
  const durationA = new Float64Array(rowCount);
  const durationB = new Float64Array(rowCount);
  let matched = 0;
  for (let r = 0; r < rowCount; r++) {
    const ia = rowsA[r] ?? -1;
    const ib = rowsB[r] ?? -1;
    durationA[r] = ia >= 0 ? (a.columns.duration[ia] ?? 0) : Number.NaN;
    durationB[r] = ib >= 0 ? (b.columns.duration[ib] ?? 0) : Number.NaN;
    if (ia >= 0 && ib >= 0) matched++;
  }
  return {
    rowCount,
    indexA: Int32Array.from(rowsA),
    indexB: Int32Array.from(rowsB),
    depth: Int32Array.from(depths),
    durationA,
    durationB,
    matched,
    onlyInA: a.columns.spanCount - matched,
    onlyInB: b.columns.spanCount - matched,
  };
}
