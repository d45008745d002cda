/**
 * An open-addressing hash from a pair of non-negative int32s to a dense id (0, 1, 2, … in
 * insertion order). The flame graph and the trace graph key every span by (parent node, pair);
 * a Map with number keys costs ~50 ns a lookup plus boxing, this ~10 ns with no allocation, which
 * is the difference between a frame and a stall at 1M spans.
 *
 * Capacity doubles at half load, so probes stay short; memory is 12 bytes a slot.
 */
/** Spreads both members over all 32 bits (a murmur-style finalizer), so linear probing stays short. */
function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

export class PairHash {
  private slotA: Int32Array;
  private slotB: Int32Array;
  /** Id per slot; -1 is empty. */
  private slotId: Int32Array;
  private mask: number;
  private firsts: Int32Array;
  private seconds: Int32Array;
  size = 0;

  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slotA = new Int32Array(capacity);
    this.slotB = new Int32Array(capacity);
    this.slotId = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    this.firsts = new Int32Array(Math.max(16, expected));
    this.seconds = new Int32Array(this.firsts.length);
  }

  /** The id of (a, b), adding it when new. */
  getOrAdd(a: number, b: number): number {
    let slot = mix(a, b) & this.mask;
    for (;;) {
      const id = this.slotId[slot] ?? -1;
      if (id === -1) break;
      if (this.slotA[slot] === a && this.slotB[slot] === b) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.slotA[slot] = a;
    this.slotB[slot] = b;
    this.slotId[slot] = id;
    if (id === this.firsts.length) this.growKeys();
    this.firsts[id] = a;
    this.seconds[id] = b;
    if (this.size * 2 > this.slotId.length) this.rehash();
    return id;
  }

  /** The first / second member of the pair with this id. */
  first(id: number): number {
    return this.firsts[id] ?? -1;
  }
  second(id: number): number {
    return this.seconds[id] ?? -1;
  }

  private growKeys(): void {
    const firsts = new Int32Array(this.firsts.length * 2);
    firsts.set(this.firsts);
    this.firsts = firsts;
    const seconds = new Int32Array(this.seconds.length * 2);
    seconds.set(this.seconds);
    this.seconds = seconds;
  }

  private rehash(): void {
    const capacity = this.slotId.length * 2;
    this.slotA = new Int32Array(capacity);
    this.slotB = new Int32Array(capacity);
    this.slotId = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const a = this.firsts[id] ?? 0;
      const b = this.seconds[id] ?? 0;
      let slot = mix(a, b) & this.mask;
      while ((this.slotId[slot] ?? -1) !== -1) slot = (slot + 1) & this.mask;
      this.slotA[slot] = a;
      this.slotB[slot] = b;
      this.slotId[slot] = id;
    }
  }
}
