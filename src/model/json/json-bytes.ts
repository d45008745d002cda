/**
 * Reading JSON straight from UTF-8 bytes without building values: a validating skip over any
 * value, and readers for the few scalars a span's row needs. The streaming parser uses them to
 * read spans without JSON.parse, which would allocate an object for every attribute.
 *
 * Soundness is the contract: `skipValue` accepts only what JSON.parse accepts (it may be stricter
 * only where a caller falls back to JSON.parse, so any doubt costs time, never a different result).
 */
import { NOT_MIRRORED, wasmSkipValue } from './wasm-skipper';

export const QUOTE = 34;
const BACKSLASH = 92;
export const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const SLASH = 47;
export const MINUS = 45;

/** -1: the bytes are not valid JSON here. */
export const INVALID = -1;

export const isSpace = (b: number): boolean => b === 32 || b === 10 || b === 13 || b === 9;

export function skipSpace(bytes: Uint8Array, i: number, end: number): number {
  while (i < end && isSpace(bytes[i] ?? 0)) i++;
  return i;
}

const isHex = (b: number): boolean =>
  (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102);

/** Escapes JSON allows after a backslash: " \ / b f n r t (u is checked apart). */
const SIMPLE_ESCAPE = new Uint8Array(128);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

/**
 * Whether a string read since the caller last reset it held text a byte search cannot see as it
 * is: a non-ASCII byte or DEL, or a `\u`, `\/`, `\b` or `\f` escape. The other escapes decode
 * to quotes, backslashes and line breaks, which a find's needle never holds and find does not show
 * escaped (visible-text.ts shows DEL, \b and \f as `\u007F`…, text a needle could match). The
 * span reader resets it per span, so find searches a plain span's bytes without decoding them
 * (span-text-filter.ts).
 */
export const textDoubt = { seen: false };

/**
 * A string starting at the quote at `i`: the index after its closing quote, or INVALID.
 * `escapes.seen` tells whether it held a backslash (then its text needs JSON.parse to decode).
 */
export function skipString(
  bytes: Uint8Array,
  i: number,
  end: number,
  escapes?: { seen: boolean },
): number {
  i++;
  while (i < end) {
    // Most bytes of a trace are plain string content: this loop is the reader's hottest. Compares
    // measured faster than a lookup table (V8, Node 20); the ASCII bound costs no measurable time.
    const b = bytes[i] ?? 0;
    if (b !== QUOTE && b !== BACKSLASH && b >= 32 && b < 127) {
      i++;
      continue;
    }
    if (b === QUOTE) return i + 1;
    if (b >= 127) {
      textDoubt.seen = true;
      i++;
      continue;
    }
    if (b !== BACKSLASH) return INVALID; // a control character
    if (escapes) escapes.seen = true;
    const e = bytes[i + 1] ?? 0;
    if (e === 117) {
      if (i + 5 >= end) return INVALID;
      for (let k = 2; k < 6; k++) if (!isHex(bytes[i + k] ?? 0)) return INVALID;
      textDoubt.seen = true;
      i += 6;
    } else if (e < 128 && SIMPLE_ESCAPE[e] === 1) {
      if (e === SLASH || e === 98 || e === 102) textDoubt.seen = true;
      i += 2;
    } else return INVALID;
  }
  return INVALID;
}

export const isDigit = (b: number): boolean => b >= 48 && b <= 57;

/** A number in JSON's grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
export function skipNumber(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] === MINUS) i++;
  if (i >= end) return INVALID;
  if (bytes[i] === 48) i++;
  else if (isDigit(bytes[i] ?? 0)) while (i < end && isDigit(bytes[i] ?? 0)) i++;
  else return INVALID;
  if (bytes[i] === 46) {
    i++;
    if (!isDigit(bytes[i] ?? 0)) return INVALID;
    while (i < end && isDigit(bytes[i] ?? 0)) i++;
  }
  if (bytes[i] === 101 || bytes[i] === 69) {
    i++;
    if (bytes[i] === 43 || bytes[i] === MINUS) i++;
    if (!isDigit(bytes[i] ?? 0)) return INVALID;
    while (i < end && isDigit(bytes[i] ?? 0)) i++;
  }
  return i > end ? INVALID : i;
}

const LITERALS: Readonly<Record<number, readonly number[]>> = {
  116: [116, 114, 117, 101], // true
  102: [102, 97, 108, 115, 101], // false
  110: [110, 117, 108, 108], // null
};

export function skipLiteral(bytes: Uint8Array, i: number, end: number): number {
  const word = LITERALS[bytes[i] ?? 0];
  if (word === undefined || i + word.length > end) return INVALID;
  for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word[k]) return INVALID;
  return i + word.length;
}

/** Open containers of skipValue: 1 object, 2 array. Grown on demand; nesting depth is unbounded. */
let stack = new Uint8Array(64);

/**
 * Any value starting at `i` (no leading space): the index after it, or INVALID. Over a chunk the
 * streaming parser mirrored, WebAssembly does it (wasm-skipper.ts); elsewhere the JS reader.
 */
export function skipValue(bytes: Uint8Array, i: number, end: number): number {
  const skipped = wasmSkipValue(bytes, i, end, textDoubt);
  return skipped === NOT_MIRRORED ? skipValueJs(bytes, i, end) : skipped;
}

/** skipValue in JS: for arrays not mirrored, engines without WebAssembly, and as the reference. */
export function skipValueJs(bytes: Uint8Array, i: number, end: number): number {
  let depth = 0;
  for (;;) {
    // A value is expected at i.
    if (i >= end) return INVALID;
    const b = bytes[i] ?? 0;
    const keyValue = b === OPEN_BRACE ? skipKeyValue(bytes, i, end) : UNSURE;
    if (keyValue !== UNSURE) i = keyValue;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      i = skipSpace(bytes, i + 1, end);
      const close = b === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      if (bytes[i] === close) i++;
      else {
        if (depth === stack.length) {
          const grown = new Uint8Array(stack.length * 2);
          grown.set(stack);
          stack = grown;
        }
        stack[depth++] = b === OPEN_BRACE ? 1 : 2;
        if (b === OPEN_BRACE) {
          i = objectKey(bytes, i, end);
          if (i === INVALID) return INVALID;
        }
        continue;
      }
    } else if (b === QUOTE) i = skipString(bytes, i, end);
    else if (b === MINUS || isDigit(b)) i = skipNumber(bytes, i, end);
    else i = skipLiteral(bytes, i, end);
    // After a complete value: close containers, or find the next member.
    for (;;) {
      if (i === INVALID) return INVALID;
      if (depth === 0) return i;
      i = skipSpace(bytes, i, end);
      const c = bytes[i] ?? 0;
      const inObject = stack[depth - 1] === 1;
      if (c === COMMA) {
        i = skipSpace(bytes, i + 1, end);
        if (inObject) i = objectKey(bytes, i, end);
        break;
      }
      if (c !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return INVALID;
      depth--;
      i++;
    }
    if (i === INVALID) return INVALID;
  }
}

/** Not sure: the caller reads the value with the general grammar instead. */
const UNSURE = -2;

/**
 * An OTLP attribute in the compact form encoders write, `{"key":"…","value":{"<type>":…}}` with a
 * scalar value, at i: the index after it. Most of a realistic span's bytes are such attributes,
 * and checking their fixed bytes in place costs far less than the general grammar. Anything else
 * (whitespace, a container value, other keys) is UNSURE, never a guess; INVALID only where the
 * general grammar would fail too (a malformed or cut-off string or scalar, read by the same code).
 * A non-negative answer means exactly that form: one `key` string, then one `value` object.
 */
export function skipKeyValue(bytes: Uint8Array, i: number, end: number): number {
  // {"key":"
  if (
    i + 8 > end ||
    bytes[i + 1] !== QUOTE ||
    bytes[i + 2] !== 107 ||
    bytes[i + 3] !== 101 ||
    bytes[i + 4] !== 121 ||
    bytes[i + 5] !== QUOTE ||
    bytes[i + 6] !== COLON ||
    bytes[i + 7] !== QUOTE
  )
    return UNSURE;
  let k = skipString(bytes, i + 7, end);
  if (k === INVALID) return INVALID;
  // ,"value":{"
  if (
    k + 11 > end ||
    bytes[k] !== COMMA ||
    bytes[k + 1] !== QUOTE ||
    bytes[k + 2] !== 118 ||
    bytes[k + 3] !== 97 ||
    bytes[k + 4] !== 108 ||
    bytes[k + 5] !== 117 ||
    bytes[k + 6] !== 101 ||
    bytes[k + 7] !== QUOTE ||
    bytes[k + 8] !== COLON ||
    bytes[k + 9] !== OPEN_BRACE ||
    bytes[k + 10] !== QUOTE
  )
    return UNSURE;
  // The type's name is any string: which one does not change what is valid JSON.
  k = skipString(bytes, k + 10, end);
  if (k === INVALID) return INVALID;
  if (bytes[k] !== COLON || k + 1 >= end) return UNSURE;
  k++;
  const c = bytes[k] ?? 0;
  let v: number;
  if (c === QUOTE) v = skipString(bytes, k, end);
  else if (c === MINUS || isDigit(c)) v = skipNumber(bytes, k, end);
  else if (c === 116 || c === 102 || c === 110) v = skipLiteral(bytes, k, end);
  else return UNSURE;
  if (v < 0) return v;
  return bytes[v] === CLOSE_BRACE && bytes[v + 1] === CLOSE_BRACE && v + 2 <= end ? v + 2 : UNSURE;
}

/** `"key" :` at i; returns where the member's value starts. */
function objectKey(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== QUOTE) return INVALID;
  i = skipString(bytes, i, end);
  if (i === INVALID) return INVALID;
  i = skipSpace(bytes, i, end);
  if (bytes[i] !== COLON) return INVALID;
  return skipSpace(bytes, i + 1, end);
}

/** Whether the bytes [from, to) are exactly `word`. */
export function spells(bytes: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  return to - from === word.length && bytesEqual(bytes, from, word);
}

/** Whether the bytes [i, i + key.length) spell `key` (ASCII). */
export function bytesEqual(bytes: Uint8Array, i: number, key: Uint8Array): boolean {
  for (let k = 0; k < key.length; k++) if (bytes[i + k] !== key[k]) return false;
  return true;
}

/** Names a reader looks for among an object's keys, each with its closing quote, by first byte. */
export interface KeyTable {
  readonly quoted: readonly Uint8Array[];
  readonly byFirst: readonly (readonly number[] | undefined)[];
}

export function keyTable(names: readonly string[]): KeyTable {
  const quoted = names.map((name) => new TextEncoder().encode(`${name}"`));
  const byFirst: number[][] = [];
  quoted.forEach((key, index) => (byFirst[key[0] ?? 0] ??= []).push(index));
  return { quoted, byFirst };
}

/** Where matchKey's key ends: the index after its closing quote. */
export const keyAt = { end: 0 };

/**
 * Index in the table of the key whose opening quote is at i, with `keyAt.end` after it; -1 for
 * any other key (then find its end as before). The name and its closing quote are compared in one
 * pass, so a span's known keys are neither scanned for their end nor compared twice; a key with
 * an escape never matches (a name in the table has no backslash).
 */
export function matchKey(table: KeyTable, bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== QUOTE) return -1;
  const candidates = table.byFirst[bytes[i + 1] ?? 0];
  if (candidates === undefined) return -1;
  for (const index of candidates) {
    const key = table.quoted[index];
    if (key !== undefined && i + 1 + key.length <= end && bytesEqual(bytes, i + 1, key)) {
      keyAt.end = i + 1 + key.length;
      return index;
    }
  }
  return -1;
}

/**
 * The end of the container (object or array) at `i` in bytes a validating skip has accepted
 * before (a span the reader kept as bytes): only strings, escapes and nesting are followed, none
 * of the grammar checked. INVALID if unclosed.
 */
export function skipValidContainer(bytes: Uint8Array, i: number, end: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < end; j++) {
    const b = bytes[j];
    if (inString) {
      if (b === BACKSLASH) j++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return INVALID;
}
