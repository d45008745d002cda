import { idKey } from '../ids';

/**
 * One id lookup key (ids.ts `idKey`) per span, as numbers instead of strings.
 *
 * Almost every span id is 16 lowercase hex digits: its key is kept as two 32-bit halves. A 1M-span
 * trace kept its span and parent ids as two million strings that lived through the whole load:
 * their arrays' growth, their hashing in the id table and the garbage collector's marking of them
 * were ~15 % of the worker's time (a Chromium CPU profile of the bench's 1M load). Any other key
 * (upper case, over 64 bits, not hex: "span-1") is interned as a string and kept as its number,
 * so two keys are equal exactly when their strings are.
 */
export class SpanIdKeys {
  /** For a hex key: its high and low 32 bits. For an odd key: 0 and its interned number. */
  hi: Int32Array;
  lo: Int32Array;
  /** 1 where the key is an interned string. */
  odd: Uint8Array;

  constructor(
    private readonly interned: InternedKeys,
    capacity: number,
  ) {
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.odd = new Uint8Array(capacity);
  }

  grow(capacity: number): void {
    this.hi = copyInto(new Int32Array(capacity), this.hi);
    this.lo = copyInto(new Int32Array(capacity), this.lo);
    this.odd = copyInto(new Uint8Array(capacity), this.odd);
  }

  /**
   * Stores the key of the normalized id `id` at `i`. Leading zeros, then up to 16 lowercase hex
   * digits: exactly the ids whose `idKey` is those digits (or '' for none), so the number stands
   * for the string one to one. With `addNew` false an odd key no span has is not stored: false.
   */
  set(i: number, id: string, addNew = true): boolean {
    const n = id.length;
    let k = 0;
    while (k < n && id.charCodeAt(k) === 48) k++;
    if (n - k <= 16) {
      let hi = 0;
      let lo = 0;
      for (; k < n; k++) {
        const digit = hexDigit(id.charCodeAt(k));
        if (digit < 0) break;
        hi = (hi << 4) | (lo >>> 28);
        lo = (lo << 4) | digit;
      }
      if (k === n) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.odd[i] = 0;
        return true;
      }
    }
    const number = this.interned.numberOf(idKey(id), addNew);
    if (number === -1) return false;
    this.hi[i] = 0;
    this.lo[i] = number;
    this.odd[i] = 1;
    return true;
  }

  /** Stores a hex key given by its halves (an id a reader parsed from bytes). */
  setHalves(i: number, hi: number, lo: number): void {
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.odd[i] = 0;
  }

  /** Whether the key at `i` is empty: no id, or all zeros ("no parent" in every format). */
  isEmpty(i: number): boolean {
    return this.lo[i] === 0 && this.hi[i] === 0 && this.odd[i] === 0;
  }

  /** The key at `i` as `idKey` spells it. */
  text(i: number): string {
    const hi = this.hi[i] ?? 0;
    const lo = this.lo[i] ?? 0;
    if (this.odd[i] === 1) return this.interned.textOf(lo);
    if (hi !== 0) return (hi >>> 0).toString(16) + (lo >>> 0).toString(16).padStart(8, '0');
    return lo === 0 ? '' : (lo >>> 0).toString(16);
  }

  /**
   * Orders two keys as their strings compare: the tree's tie-break between siblings of equal
   * start, which real and generated traces have by the thousand. Hex keys are compared without
   * making their strings: left-aligned to 16 digits, then the shorter (a prefix) first.
   */
  compare(a: number, b: number): number {
    const hiA = this.hi[a] ?? 0;
    const loA = this.lo[a] ?? 0;
    const hiB = this.hi[b] ?? 0;
    const loB = this.lo[b] ?? 0;
    if (this.odd[a] === 1 || this.odd[b] === 1) {
      if (loA === loB && this.odd[a] === this.odd[b]) return 0;
      return this.text(a) < this.text(b) ? -1 : 1;
    }
    const digitsA = hexDigits(hiA, loA);
    const digitsB = hexDigits(hiB, loB);
    const byHigh = leftAlignedHigh(hiA, loA, digitsA) - leftAlignedHigh(hiB, loB, digitsB);
    if (byHigh !== 0) return byHigh;
    const byLow = leftAlignedLow(loA, digitsA) - leftAlignedLow(loB, digitsB);
    return byLow !== 0 ? byLow : digitsA - digitsB;
  }
}

/** The value of a lowercase hex digit's char code, -1 for any other. */
export function hexDigit(c: number): number {
  return c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
}

/** How many hex digits the key has (0 for the empty key). */
function hexDigits(hi: number, lo: number): number {
  if (hi !== 0) return 16 - (Math.clz32(hi) >> 2);
  return lo === 0 ? 0 : 8 - (Math.clz32(lo) >> 2);
}

/** The high 32 bits, unsigned, of the key shifted so that its first digit is the 16th. */
function leftAlignedHigh(hi: number, lo: number, digits: number): number {
  const shift = 4 * (16 - digits);
  if (shift === 0) return hi >>> 0;
  if (shift >= 64) return 0;
  if (shift >= 32) return (lo << (shift - 32)) >>> 0;
  return ((hi << shift) | (lo >>> (32 - shift))) >>> 0;
}

/** The low 32 bits, unsigned, of the same. */
function leftAlignedLow(lo: number, digits: number): number {
  const shift = 4 * (16 - digits);
  return shift >= 32 ? 0 : (lo << shift) >>> 0;
}

/** The odd keys of one trace's span and parent ids, numbered in the order first seen. */
export class InternedKeys {
  private readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();

  /** The key's number; a new one unless `addNew` is false (then -1 for a key not seen). */
  numberOf(key: string, addNew: boolean): number {
    let known = this.numbers.get(key);
    if (known === undefined) {
      if (!addNew) return -1;
      known = this.texts.length;
      this.texts.push(key);
      this.numbers.set(key, known);
    }
    return known;
  }

  textOf(number: number): string {
    return this.texts[number] ?? '';
  }
}

export function copyInto<T extends { set(values: ArrayLike<number>): void }>(
  target: T,
  from: ArrayLike<number>,
): T {
  target.set(from);
  return target;
}
