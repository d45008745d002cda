import { SpanFlag, type TraceColumns } from '../trace';
import type { Alignment } from './align-spans';
import { bucketByKey, DIFF_STEP, inChunks } from './in-chunks';

/** Same-named siblings (either side) at or past this count fold into one "×N in A, ×M in B" row. */
export const REPEAT_MIN = 5;

export const RowFlag = {
  /** A summary of repeated calls; its members are its subtree. */
  Repeat: 1 << 0,
  /** Matched under a renamed or missing parent. */
  Moved: 1 << 1,
} as const;

/**
 * The merged tree as rows in depth-first order, ready to draw: row r is one span of A, of B, or
 * of both, or a summary of repeated calls. `subtreeEnd` makes collapsing one forward pass.
 * Durations, counts and errors are sums over the row's own spans (a repeat row: its members';
 * its indexA / indexB are its first member on each side).
 */
export interface DiffRows {
  readonly rowCount: number;
  readonly indexA: Int32Array;
  readonly indexB: Int32Array;
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  readonly name: Int32Array;
  readonly flags: Uint8Array;
  readonly countA: Int32Array;
  readonly countB: Int32Array;
  readonly durationA: Float64Array;
  readonly durationB: Float64Array;
  readonly errorsA: Int32Array;
  readonly errorsB: Int32Array;
}

function allocateRows(cap: number): DiffRows {
  return {
    rowCount: cap,
    indexA: new Int32Array(cap).fill(-1),
    indexB: new Int32Array(cap).fill(-1),
    parent: new Int32Array(cap),
    depth: new Int32Array(cap),
    subtreeEnd: new Int32Array(cap),
    name: new Int32Array(cap),
    flags: new Uint8Array(cap),
    countA: new Int32Array(cap),
    countB: new Int32Array(cap),
    durationA: new Float64Array(cap),
    durationB: new Float64Array(cap),
    errorsA: new Int32Array(cap),
    errorsB: new Int32Array(cap),
  };
}

/**
 * The first `count` rows, as views (no copy): rows are allocated for the most repeat summaries
 * there could be. Transferring a view moves its whole buffer, which is what the worker wants.
 */
function trimRows(rows: DiffRows, count: number): DiffRows {
  return {
    rowCount: count,
    indexA: rows.indexA.subarray(0, count),
    indexB: rows.indexB.subarray(0, count),
    parent: rows.parent.subarray(0, count),
    depth: rows.depth.subarray(0, count),
    subtreeEnd: rows.subtreeEnd.subarray(0, count),
    name: rows.name.subarray(0, count),
    flags: rows.flags.subarray(0, count),
    countA: rows.countA.subarray(0, count),
    countB: rows.countB.subarray(0, count),
    durationA: rows.durationA.subarray(0, count),
    durationB: rows.durationB.subarray(0, count),
    errorsA: rows.errorsA.subarray(0, count),
    errorsB: rows.errorsB.subarray(0, count),
  };
}

/** Spans of B without a partner, and each B span's tree row (its partner's, or nA + k). */
function spansOnlyInB(nA: number, nB: number, matchB: Int32Array) {
  const onlyB = new Int32Array(nB);
  const rowOfB = new Int32Array(nB);
  let extra = 0;
  for (let j = 0; j < nB; j++) {
    const partner = matchB[j] ?? -1;
    if (partner >= 0) rowOfB[j] = partner;
    else {
      rowOfB[j] = nA + extra;
      onlyB[extra++] = j;
    }
  }
  return { onlyB: onlyB.subarray(0, extra), rowOfB };
}

/**
 * Lays out the merged tree. Tree rows are A's spans (ids 0..nA-1, parents as in A) then spans
 * only in B (parents: their B parent's row), so a parent's children list A's children first
 * (start order), then B's extras (start order). Then one iterative depth-first walk emits rows,
 * folding same-named siblings of {@link REPEAT_MIN} or more under a summary row.
 */
export function* mergeRows(
  a: TraceColumns,
  b: TraceColumns,
  nameOfA: Int32Array,
  nameOfB: Int32Array,
  nameCount: number,
  { matchA, matchB, movedA }: Alignment,
): Generator<undefined, DiffRows, void> {
  const nA = a.spanCount;
  const { onlyB, rowOfB } = spansOnlyInB(nA, b.spanCount, matchB);
  const n = nA + onlyB.length;
  const treeName = new Int32Array(n);
  const parentKey = new Int32Array(n);
  yield* inChunks(n, (from, to) => {
    for (let r = from; r < to; r++) {
      if (r < nA) {
        treeName[r] = nameOfA[r] ?? 0;
        parentKey[r] = (a.parent[r] ?? -1) + 1;
      } else {
        const j = onlyB[r - nA] ?? 0;
        const p = b.parent[j] ?? -1;
        treeName[r] = nameOfB[j] ?? 0;
        parentKey[r] = p < 0 ? 0 : (rowOfB[p] ?? -1) + 1;
      }
    }
  });
  const children = bucketByKey(n, parentKey, n + 1);
  yield;

  const out = allocateRows(n + Math.floor(n / REPEAT_MIN) + 1);
  const spanOf = (r: number): [number, number] =>
    r < nA ? [r, matchA[r] ?? -1] : [-1, onlyB[r - nA] ?? -1];
  /** Adds span row r's spans (both sides) to out row o. */
  const addSpans = (o: number, r: number) => {
    const [ia, ib] = spanOf(r);
    if (ia >= 0) {
      out.countA[o] = (out.countA[o] ?? 0) + 1;
      out.durationA[o] = (out.durationA[o] ?? 0) + (a.duration[ia] ?? 0);
      if (((a.flags[ia] ?? 0) & SpanFlag.Error) !== 0) out.errorsA[o] = (out.errorsA[o] ?? 0) + 1;
      if ((out.indexA[o] ?? -1) < 0) out.indexA[o] = ia;
    }
    if (ib >= 0) {
      out.countB[o] = (out.countB[o] ?? 0) + 1;
      out.durationB[o] = (out.durationB[o] ?? 0) + (b.duration[ib] ?? 0);
      if (((b.flags[ib] ?? 0) & SpanFlag.Error) !== 0) out.errorsB[o] = (out.errorsB[o] ?? 0) + 1;
      if ((out.indexB[o] ?? -1) < 0) out.indexB[o] = ib;
    }
  };

  // Same-named children of the parent being expanded: counts per name (reset by epoch), and
  // each repeat group's members stored contiguously in `members`.
  const stamp = new Int32Array(nameCount);
  const count = new Int32Array(nameCount);
  const groupOfName = new Int32Array(nameCount);
  const groupStart = new Int32Array(out.rowCount + 1);
  const groupLength = new Int32Array(out.rowCount + 1);
  const members = new Int32Array(n);
  let groups = 0;
  let memberEnd = 0;
  let epoch = 0;

  // Work stack of (code, depth, parent out row): code ≥ 0 enters tree row `code`, code ≤ -2
  // enters repeat group -(code + 2), code -1 closes the out row held in the depth slot.
  const cap = 2 * out.rowCount + 2;
  const stackCode = new Int32Array(cap);
  const stackDepth = new Int32Array(cap);
  const stackParent = new Int32Array(cap);
  let top = 0;
  const push = (code: number, depth: number, parentOut: number) => {
    stackCode[top] = code;
    stackDepth[top] = depth;
    stackParent[top] = parentOut;
    top++;
  };
  const pushChildren = (parentRow: number, depth: number, parentOut: number) => {
    const from = children.start[parentRow + 1] ?? 0;
    const to = children.start[parentRow + 2] ?? 0;
    if (from === to) return;
    epoch++;
    for (let k = from; k < to; k++) {
      const name = treeName[children.items[k] ?? 0] ?? 0;
      if (stamp[name] !== epoch) {
        stamp[name] = epoch;
        count[name] = 0;
        groupOfName[name] = -1;
      }
      count[name] = (count[name] ?? 0) + 1;
    }
    for (let k = from; k < to; k++) {
      const c = children.items[k] ?? 0;
      const name = treeName[c] ?? 0;
      const size = count[name] ?? 0;
      if (size < REPEAT_MIN) continue;
      let g = groupOfName[name] ?? -1;
      if (g < 0) {
        g = groups++;
        groupOfName[name] = g;
        groupStart[g] = memberEnd;
        memberEnd += size;
      }
      members[(groupStart[g] ?? 0) + (groupLength[g] ?? 0)] = c;
      groupLength[g] = (groupLength[g] ?? 0) + 1;
    }
    // Reverse, so they pop in order; a repeat group stands where its first member stands.
    for (let k = to - 1; k >= from; k--) {
      const c = children.items[k] ?? 0;
      const name = treeName[c] ?? 0;
      if ((count[name] ?? 0) < REPEAT_MIN) push(c, depth, parentOut);
      else {
        const g = groupOfName[name] ?? 0;
        if (members[groupStart[g] ?? 0] === c) push(-(g + 2), depth, parentOut);
      }
    }
  };
  pushChildren(-1, 0, -1);
  let o = 0;
  // A plain function per slice (not the generator) so V8 optimizes the loop; see inChunks.
  const walk = (budget: number): boolean => {
    for (let steps = 0; top > 0 && steps < budget; steps++) {
      top--;
      const code = stackCode[top] ?? 0;
      const depth = stackDepth[top] ?? 0;
      if (code === -1) {
        out.subtreeEnd[depth] = o;
        continue;
      }
      out.parent[o] = stackParent[top] ?? -1;
      out.depth[o] = depth;
      push(-1, o, -1);
      if (code >= 0) {
        out.name[o] = treeName[code] ?? 0;
        addSpans(o, code);
        if (code < nA && movedA[code]) out.flags[o] = RowFlag.Moved;
        pushChildren(code, depth + 1, o);
      } else {
        const g = -(code + 2);
        const from = groupStart[g] ?? 0;
        const to = from + (groupLength[g] ?? 0);
        out.flags[o] = RowFlag.Repeat;
        out.name[o] = treeName[members[from] ?? 0] ?? 0;
        for (let k = from; k < to; k++) addSpans(o, members[k] ?? 0);
        for (let k = to - 1; k >= from; k--) push(members[k] ?? 0, depth + 1, o);
      }
      o++;
    }
    return top === 0;
  };
  while (!walk(DIFF_STEP)) yield;
  return trimRows(out, o);
}

/**
 * The rows shown before anything is unfolded or filtered: every row but the members of repeat
 * summaries, which start folded. Computed in the worker with the rows, so the page's first
 * render does not walk every row on cold code (the page's visibleRows gives the same rows with
 * nothing toggled and no filter).
 */
export function foldedRows(rows: DiffRows): Int32Array {
  const n = rows.rowCount;
  const out = new Int32Array(n);
  let count = 0;
  for (let r = 0; r < n;) {
    out[count++] = r;
    r = ((rows.flags[r] ?? 0) & RowFlag.Repeat) !== 0 ? (rows.subtreeEnd[r] ?? n) : r + 1;
  }
  return out.slice(0, count);
}
