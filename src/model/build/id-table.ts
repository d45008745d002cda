/**
 * Span id → input index, for up to millions of ids. A Map<string, number> spent most of the trace
 * build's time here; this is an open-addressing table over an Int32Array (linear probing, load
 * ≤ 0.5) whose slots hold only indexes into the span id keys (span-id-keys.ts), which are numbers:
 * a probe compares two integers, and nothing is allocated per entry.
 */
import type { SpanIdKeys } from './span-id-keys';

export class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly keys: SpanIdKeys;

  constructor(keys: SpanIdKeys, capacityHint: number) {
    let capacity = 16;
    while (capacity < capacityHint * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.keys = keys;
  }

  /** Adds index `i` under its key unless the key is present; returns the earlier index or -1. */
  addFirst(i: number): number {
    const { hi, lo, odd } = this.keys;
    const h = hi[i] ?? 0;
    const l = lo[i] ?? 0;
    const o = odd[i] ?? 0;
    let p = slotOf(h, l, o) & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (lo[at] === l && hi[at] === h && odd[at] === o) return at;
      p = (p + 1) & this.mask;
    }
    this.slots[p] = i;
    return -1;
  }

  /** The index stored for the key `from` holds at `j` (the same keys or others), or -1. */
  find(from: SpanIdKeys, j: number): number {
    return this.get(from.hi[j] ?? 0, from.lo[j] ?? 0, from.odd[j] ?? 0);
  }

  /** The index stored for a key given by its parts (SpanIdKeys), or -1. */
  get(h: number, l: number, o: number): number {
    const { hi, lo, odd } = this.keys;
    let p = slotOf(h, l, o) & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (lo[at] === l && hi[at] === h && odd[at] === o) return at;
      p = (p + 1) & this.mask;
    }
    return -1;
  }

  /** Points an existing key at another index with the same key (Zipkin shared spans). */
  replace(i: number): void {
    const { hi, lo, odd } = this.keys;
    const h = hi[i] ?? 0;
    const l = lo[i] ?? 0;
    const o = odd[i] ?? 0;
    let p = slotOf(h, l, o) & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (lo[at] === l && hi[at] === h && odd[at] === o) {
        this.slots[p] = i;
        return;
      }
      p = (p + 1) & this.mask;
    }
  }
}

/**
 * Mixes a key's parts into a slot number (murmur3's finalizer): random ids are spread already,
 * but hand-made ones ("1", "2", … or counters) differ only in their low bits.
 */
function slotOf(hi: number, lo: number, odd: number): number {
  let h = Math.imul(lo ^ odd, 0x9e3779b1) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
