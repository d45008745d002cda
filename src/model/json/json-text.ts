/**
 * Values read from JSON bytes as JSON.parse would give them: the scalars a span's row needs, and
 * the text of short strings without a TextDecoder call each. A span's row holds four strings
 * (trace id, span id, parent id, name); building them is a good part of a one-pass read.
 */
import {
  INVALID,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  isDigit,
  skipLiteral,
  skipNumber,
  skipString,
  skipValue,
} from './json-bytes';

// Token text: BOMs inside a value are characters, not encoding marks.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

const SHORT = 64;
/** One reused array per length: String.fromCharCode.apply on it is ~2-3× faster than resizing one. */
const CODES: number[][] = Array.from({ length: SHORT + 1 }, (_, n) => new Array<number>(n).fill(0));

/** Text of plain (unescaped) string content; short ASCII from char codes, the rest decoded. */
export function plainText(bytes: Uint8Array, from: number, to: number): string {
  const n = to - from;
  const codes = CODES[n];
  if (codes === undefined) return UTF8.decode(bytes.subarray(from, to));
  for (let k = 0; k < n; k++) {
    const b = bytes[from + k] ?? 0;
    if (b >= 128) return UTF8.decode(bytes.subarray(from, to));
    codes[k] = b;
  }
  return String.fromCharCode.apply(null, codes);
}

const CACHE_SLOTS = 1024;

/**
 * Texts of repeated short strings (a trace's id in every span, operation names), one string per
 * distinct byte sequence: a hash and a compare of the bytes cost less than a new string, and the
 * same string object makes the builder's interning a pointer compare. Direct-mapped: a collision
 * only replaces the slot.
 */
export class TextCache {
  private readonly keys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(
    CACHE_SLOTS,
  ).fill(undefined);
  private readonly texts: string[] = new Array<string>(CACHE_SLOTS).fill('');

  text(bytes: Uint8Array, from: number, to: number): string {
    const n = to - from;
    if (n > SHORT) return plainText(bytes, from, to);
    let hash = n;
    for (let k = from; k < to; k++) hash = Math.imul(hash ^ (bytes[k] ?? 0), 16777619);
    const slot = (hash >>> 0) & (CACHE_SLOTS - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === n) {
      let same = true;
      for (let k = 0; k < n && same; k++) same = key[k] === bytes[from + k];
      if (same) return this.texts[slot] ?? '';
    }
    const text = plainText(bytes, from, to);
    this.keys[slot] = bytes.slice(from, to);
    this.texts[slot] = text;
    return text;
  }
}

/** Marks a container where a reader wanted a scalar; every field reader treats it as absent. */
export const CONTAINER: Readonly<Record<string, never>> = Object.freeze({});

const escapes = { seen: false };

/**
 * The scalar at `i` as JSON.parse would give it (containers as CONTAINER); `at.end` receives the
 * index after it, INVALID when malformed. Plain strings' text comes from `cache` when given.
 */
export function readScalar(
  bytes: Uint8Array,
  i: number,
  end: number,
  at: { end: number },
  cache?: TextCache,
): unknown {
  const b = bytes[i] ?? 0;
  if (b === QUOTE) {
    escapes.seen = false;
    const after = skipString(bytes, i, end, escapes);
    at.end = after;
    if (after === INVALID) return undefined;
    if (escapes.seen) return JSON.parse(UTF8.decode(bytes.subarray(i, after))) as unknown;
    return cache ? cache.text(bytes, i + 1, after - 1) : plainText(bytes, i + 1, after - 1);
  }
  if (b === MINUS || isDigit(b)) {
    const after = skipNumber(bytes, i, end);
    at.end = after;
    return after === INVALID ? undefined : Number(plainText(bytes, i, after));
  }
  if (b === OPEN_BRACE || b === OPEN_BRACKET) {
    at.end = skipValue(bytes, i, end);
    return CONTAINER;
  }
  const after = skipLiteral(bytes, i, end);
  at.end = after;
  return b === 116 ? true : b === 102 ? false : null;
}
