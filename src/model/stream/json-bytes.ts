/**
 * Reading JSON straight from UTF-8 bytes without building values: a validating skip over any
 * value, and readers for the few scalars a span's row needs. The streaming parser uses them to
 * read spans without JSON.parse, which would allocate an object for every attribute.
 *
 * Soundness is the contract: `skipValue` accepts only what JSON.parse accepts (it may be stricter
 * only where a caller falls back to JSON.parse, so any doubt costs time, never a different result).
 */

export const QUOTE = 34;
const BACKSLASH = 92;
export const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
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
    // Most bytes of a trace are plain string content: this loop is the reader's hottest. Two
    // compares and a range check measured faster than a lookup table (V8, Node 20).
    const b = bytes[i] ?? 0;
    if (b !== QUOTE && b !== BACKSLASH && b >= 32) {
      i++;
      continue;
    }
    if (b === QUOTE) return i + 1;
    if (b !== BACKSLASH) return INVALID; // a control character
    if (escapes) escapes.seen = true;
    const e = bytes[i + 1] ?? 0;
    if (e === 117) {
      if (i + 5 >= end) return INVALID;
      for (let k = 2; k < 6; k++) if (!isHex(bytes[i + k] ?? 0)) return INVALID;
      i += 6;
    } else if (e < 128 && SIMPLE_ESCAPE[e] === 1) i += 2;
    else return INVALID;
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

/** Any value starting at `i` (no leading space): the index after it, or INVALID. */
export function skipValue(bytes: Uint8Array, i: number, end: number): number {
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

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const KV_HEAD = ascii('{"key":"');
const KV_VALUE = ascii(',"value":{"');
const STRING_VALUE = ascii('stringValue":');
const INT_VALUE = ascii('intValue":');
const DOUBLE_VALUE = ascii('doubleValue":');
const BOOL_VALUE = ascii('boolValue":');

/**
 * An OTLP attribute in the compact form encoders write, `{"key":"…","value":{"stringValue":…}}`
 * (or intValue, doubleValue, boolValue), at i: the index after it. Most of a realistic span's
 * bytes are such attributes, and matching their fixed bytes costs far less than the general
 * grammar. Anything else (whitespace, other value types, other keys) is UNSURE, never a guess;
 * INVALID only where the general grammar would fail too (a malformed or cut-off string).
 */
function skipKeyValue(bytes: Uint8Array, i: number, end: number): number {
  if (i + 40 > end || !bytesEqual(bytes, i, KV_HEAD)) return UNSURE;
  let k = skipString(bytes, i + 7, end);
  if (k === INVALID) return INVALID;
  // Room for the member's fixed bytes and the longest type name: nothing read reaches `end`.
  if (k + KV_VALUE.length + DOUBLE_VALUE.length > end || !bytesEqual(bytes, k, KV_VALUE))
    return UNSURE;
  k += KV_VALUE.length;
  const t = bytes[k];
  let v: number;
  if (t === 115 && bytesEqual(bytes, k, STRING_VALUE)) {
    v = k + STRING_VALUE.length;
    v = bytes[v] === QUOTE ? skipString(bytes, v, end) : UNSURE;
  } else if (t === 105 && bytesEqual(bytes, k, INT_VALUE)) {
    v = k + INT_VALUE.length;
    const c = bytes[v] ?? 0;
    v =
      c === QUOTE
        ? skipString(bytes, v, end)
        : c === MINUS || isDigit(c)
          ? skipNumber(bytes, v, end)
          : UNSURE;
  } else if (t === 100 && bytesEqual(bytes, k, DOUBLE_VALUE)) {
    v = k + DOUBLE_VALUE.length;
    const c = bytes[v] ?? 0;
    v = c === MINUS || isDigit(c) ? skipNumber(bytes, v, end) : UNSURE;
  } else if (t === 98 && bytesEqual(bytes, k, BOOL_VALUE)) {
    v = k + BOOL_VALUE.length;
    v = bytes[v] === 116 || bytes[v] === 102 ? skipLiteral(bytes, v, end) : UNSURE;
  } else return UNSURE;
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

/** Whether the bytes [i, i + key.length) spell `key` (ASCII). */
export function bytesEqual(bytes: Uint8Array, i: number, key: Uint8Array): boolean {
  for (let k = 0; k < key.length; k++) if (bytes[i + k] !== key[k]) return false;
  return true;
}
