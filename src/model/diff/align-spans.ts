import type { TraceColumns } from '../trace';
import { bucketByKey, inChunks, NameQueues } from './in-chunks';

/** Which span of the other trace each span is aligned with (-1: none). */
export interface Alignment {
  readonly matchA: Int32Array;
  readonly matchB: Int32Array;
  /** Per span of A: 1 when matched under a renamed or missing parent (second pass). */
  readonly movedA: Uint8Array;
  readonly matched: number;
  readonly moved: number;
}

/**
 * Aligns two traces span against span. Span ids never match across traces, so structure and
 * names are all there is. Name ids are shared by both traces (span-names.ts).
 *
 * Pass 1, top down: the children of each matched pair of parents (and the two root lists) are
 * paired by name, the k-th same-named child in start order with the k-th. A span's identity is
 * thus (partner of its parent, name, occurrence): exact integers, no path strings or path hashes
 * that could collide, and no key that grows with depth.
 *
 * Pass 2, rescue: spans still unmatched on both sides are keyed by their nearest matched
 * ancestor and paired by name and occurrence in pre-order. So a renamed parent, or a wrapper span
 * that only one side has, does not unalign the subtree below it where the children still match.
 *
 * Both passes pair the k-th candidate of one side with the k-th of the other under equal keys,
 * so swapping A and B gives the mirrored alignment. Linear in spans and iterative: every walk is a
 * forward pass over pre-order, where a parent comes before its children.
 */
export function* alignSpans(
  a: TraceColumns,
  b: TraceColumns,
  nameOfA: Int32Array,
  nameOfB: Int32Array,
  nameCount: number,
): Generator<undefined, Alignment, void> {
  const nA = a.spanCount;
  const nB = b.spanCount;
  const matchA = new Int32Array(nA).fill(-1);
  const matchB = new Int32Array(nB).fill(-1);
  const movedA = new Uint8Array(nA);
  const queues = new NameQueues(nameCount, nB);
  let matched = 0;
  let moved = 0;

  /** Pairs the children of A's `pa` with those of B's `pb` (-1, -1: the roots). */
  const matchChildren = (pa: number, pb: number) => {
    queues.reset();
    const endB = pb < 0 ? nB : (b.subtreeEnd[pb] ?? nB);
    for (let c = pb + 1; c < endB; c = b.subtreeEnd[c] ?? endB) queues.push(nameOfB[c] ?? 0, c);
    const endA = pa < 0 ? nA : (a.subtreeEnd[pa] ?? nA);
    for (let i = pa + 1; i < endA; i = a.subtreeEnd[i] ?? endA) {
      const j = queues.shift(nameOfA[i] ?? 0);
      if (j < 0) continue;
      matchA[i] = j;
      matchB[j] = i;
      matched++;
    }
  };
  matchChildren(-1, -1);
  yield* inChunks(nA, (from, to) => {
    for (let i = from; i < to; i++) {
      const j = matchA[i] ?? -1;
      if (j >= 0) matchChildren(i, j);
    }
  });

  // Key of an unmatched span: its nearest matched ancestor as a B index + 1 (0: the roots);
  // -1 for matched spans, which leaves them out.
  function* strandedKeys(side: TraceColumns, match: Int32Array, toB: Int32Array | null) {
    const anchor = new Int32Array(side.spanCount);
    const keys = new Int32Array(side.spanCount);
    yield* inChunks(side.spanCount, (from, to) => {
      for (let i = from; i < to; i++) {
        const p = side.parent[i] ?? -1;
        const at = p < 0 ? -1 : (match[p] ?? -1) >= 0 ? p : (anchor[p] ?? -1);
        anchor[i] = at;
        keys[i] = (match[i] ?? -1) >= 0 ? -1 : at < 0 ? 0 : (toB ? (toB[at] ?? -1) : at) + 1;
      }
    });
    return keys;
  }
  const keysA = yield* strandedKeys(a, matchA, matchA);
  const keysB = yield* strandedKeys(b, matchB, null);
  const strandedA = bucketByKey(nA, keysA, nB + 1);
  yield;
  const strandedB = bucketByKey(nB, keysB, nB + 1);
  yield;
  yield* inChunks(nB + 1, (from, to) => {
    for (let k = from; k < to; k++) {
      const fromA = strandedA.start[k] ?? 0;
      const toA = strandedA.start[k + 1] ?? 0;
      const fromB = strandedB.start[k] ?? 0;
      const toB = strandedB.start[k + 1] ?? 0;
      if (fromA === toA || fromB === toB) continue;
      queues.reset();
      for (let at = fromB; at < toB; at++) {
        const j = strandedB.items[at] ?? 0;
        queues.push(nameOfB[j] ?? 0, j);
      }
      for (let at = fromA; at < toA; at++) {
        const i = strandedA.items[at] ?? 0;
        const j = queues.shift(nameOfA[i] ?? 0);
        if (j < 0) continue;
        matchA[i] = j;
        matchB[j] = i;
        movedA[i] = 1;
        matched++;
        moved++;
      }
    }
  });
  return { matchA, matchB, movedA, matched, moved };
}
