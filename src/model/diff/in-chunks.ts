/** Spans handled between two pauses of a stepped diff (~1–3 ms of work on a laptop core). */
export const DIFF_STEP = 16_384;

/**
 * Runs `body` over [0, n) a chunk at a time and pauses (yields) after each. The loops live in
 * plain functions, not in the generator: V8 does not optimize a hot loop inside a generator that
 * runs once (no on-stack replacement there), which made the diff several times slower.
 */
export function* inChunks(
  n: number,
  body: (from: number, to: number) => void,
): Generator<undefined, void, void> {
  for (let from = 0; from < n; from += DIFF_STEP) {
    body(from, Math.min(n, from + DIFF_STEP));
    yield;
  }
}

/**
 * Items of [0, n) bucketed by an integer key in [0, keys) — a stable counting sort, so each
 * bucket keeps index order (for spans in pre-order: start order among siblings). Items with a
 * negative key are left out. Direct indexing, no hash: ~3 sequential passes.
 */
export interface Buckets {
  /** keys + 1 offsets into `items`. */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

export function bucketByKey(n: number, key: Int32Array, keys: number): Buckets {
  const start = new Int32Array(keys + 1);
  for (let i = 0; i < n; i++) {
    const k = key[i] ?? -1;
    if (k >= 0) start[k + 1] = (start[k + 1] ?? 0) + 1;
  }
  for (let k = 0; k < keys; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const cursor = start.slice(0, keys);
  const items = new Int32Array(start[keys] ?? 0);
  for (let i = 0; i < n; i++) {
    const k = key[i] ?? -1;
    if (k < 0) continue;
    const at = cursor[k] ?? 0;
    items[at] = i;
    cursor[k] = at + 1;
  }
  return { start, items };
}

/**
 * Per-name linked lists over a set of spans, reset in O(1) by bumping an epoch: the diff builds
 * one for each matched parent's children, and the name table is small next to the spans, so
 * the arrays indexed by name stay in cache where a hash keyed by (parent, name) would not.
 */
export class NameQueues {
  private readonly stamp: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private epoch = 0;

  constructor(nameCount: number, spanCount: number) {
    this.stamp = new Int32Array(nameCount);
    this.head = new Int32Array(nameCount);
    this.tail = new Int32Array(nameCount);
    this.next = new Int32Array(spanCount);
  }

  /** Empties every queue. */
  reset(): void {
    this.epoch++;
  }

  push(name: number, span: number): void {
    this.next[span] = -1;
    if (this.stamp[name] !== this.epoch) {
      this.stamp[name] = this.epoch;
      this.head[name] = span;
    } else this.next[this.tail[name] ?? 0] = span;
    this.tail[name] = span;
  }

  /** The oldest span queued under `name`, removed; -1 when none. */
  shift(name: number): number {
    if (this.stamp[name] !== this.epoch) return -1;
    const span = this.head[name] ?? -1;
    if (span >= 0) this.head[name] = this.next[span] ?? -1;
    return span;
  }
}
