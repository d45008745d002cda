/**
 * Span id → input index, for up to millions of ids. A Map<string, number> spends most of the
 * trace build's time here; an open-addressing table over an Int32Array (FNV-1a of the id's char
 * codes, linear probing, load ≤ 0.5) is about twice as fast and allocates nothing per entry. Keys
 * are the id strings already kept in `keys`, so slots hold only indexes; each slot also keeps its
 * key's hash, so probing past other keys rarely has to touch their strings (a cache miss each).
 */
import { fnv1a } from '../fnv-hash';
export class IdTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  private readonly keys: readonly string[];

  constructor(keys: readonly string[], capacityHint: number) {
    let capacity = 16;
    while (capacity < capacityHint * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.keys = keys;
  }

  /** Adds index `i` under keys[i] unless the key is present; returns the earlier index or -1. */
  addFirst(i: number): number {
    const key = this.keys[i] ?? '';
    const h = hash(key);
    let p = h & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (this.hashes[p] === h && this.keys[at] === key) return at;
      p = (p + 1) & this.mask;
    }
    this.slots[p] = i;
    this.hashes[p] = h;
    return -1;
  }

  /** Index stored for `key`, or -1. */
  get(key: string): number {
    const h = hash(key);
    let p = h & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (this.hashes[p] === h && this.keys[at] === key) return at;
      p = (p + 1) & this.mask;
    }
    return -1;
  }

  /** Points an existing key at another index with the same key (Zipkin shared spans). */
  replace(i: number): void {
    const key = this.keys[i] ?? '';
    let p = hash(key) & this.mask;
    for (let at = this.slots[p] ?? -1; at !== -1; at = this.slots[p] ?? -1) {
      if (this.keys[at] === key) {
        this.slots[p] = i;
        return;
      }
      p = (p + 1) & this.mask;
    }
  }
}

/** Signed, as the Int32Array of stored hashes holds it. */
const hash = (key: string): number => fnv1a(key) | 0;
