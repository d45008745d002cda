/**
 * A find's `key=value` term, answered from one OTLP span's JSON bytes without decoding the span:
 * does an attribute of the span, of one of its events or of one of its links have this key and
 * this value, as find compares them (find.ts `attributesMatch`: case-insensitive, the value's
 * display text)? A word search can only say that both words are somewhere in the span; this
 * reads the attribute lists, so `db.system=redis` over 1M spans decodes none of them.
 *
 * It answers only what it reads exactly, and UNSURE for the rest (the caller then decodes): a
 * backslash in a compared string, a value other than a string, a bool or an integer written as
 * decimal digits, a repeated member (JSON.parse keeps the last), anything but the shape encoders
 * write. Strings hold no byte a plain span lacks (span-text-filter.ts: ASCII, no `\u`), so a
 * byte compare is a text compare. Resource and scope are the caller's part; for a key the detail
 * also makes from the span's fields (`error`, `span.kind`…) those are read too (field-tags.ts).
 */
import {
  INVALID,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  isDigit,
  skipSpace,
  spells,
  skipString,
  skipKeyValue,
  skipValueJs,
} from '../json/json-bytes';
import { WASM_FOUND, WASM_NONE, wasmAttributeFinder } from '../json/wasm-attribute-find';
import { absentFields, fieldTag, readFieldMember, type FieldValues } from './field-tags';
import { KV_FOUND, KV_NONE, KV_UNSURE, type KvVerdict } from './kv-verdict';

/**
 * The term: lowercase ASCII bytes; a null value means `key=` (the key is present). `fieldTag`: the
 * key names a tag the detail also makes from the span's fields (field-tags.ts).
 */
export interface ExactAttribute {
  readonly key: Uint8Array;
  readonly value: Uint8Array | null;
  readonly fieldTag?: string;
}

const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const ATTRIBUTES = encode('attributes');
const EVENTS = encode('events');
const LINKS = encode('links');
const KEY = encode('key');
const VALUE = encode('value');
const STRING_VALUE = encode('stringValue');
const BOOL_VALUE = encode('boolValue');
const INT_VALUE = encode('intValue');
const TRUE = encode('true');
const FALSE = encode('false');
/** Digits that print back the same from a double: below 2^53, no exponent, no fraction. */
const MAX_INT_DIGITS = 15;

/** Where the last read stopped; -1 after bytes this does not read (module-level: no allocation). */
let at = 0;

/** Gives up on the rest of the span: UNSURE, and `at` says to stop. */
function lost(): KvVerdict {
  at = -1;
  return KV_UNSURE;
}

/** Case-insensitive (ASCII) equality of bytes [from, to) with lowercase `wanted`. */
function equalsLower(bytes: Uint8Array, from: number, to: number, wanted: Uint8Array): boolean {
  if (to - from !== wanted.length) return false;
  for (let k = 0; k < wanted.length; k++) {
    const b = bytes[from + k] ?? 0;
    if ((b >= 0x41 && b <= 0x5a ? b + 32 : b) !== wanted[k]) return false;
  }
  return true;
}

function hasBackslash(bytes: Uint8Array, from: number, to: number): boolean {
  // Not indexOf: it would search on past `to`, to the span's end, for every string.
  for (let k = from; k < to; k++) if (bytes[k] === BACKSLASH) return true;
  return false;
}

/** Bytes [from, to) of the member name read last (without its quotes). */
const name = { from: 0, to: 0 };

/** Reads `"name":` at `i`: false on other bytes; else `name` is set and `at` is on the value. */
function memberName(bytes: Uint8Array, i: number, end: number): boolean {
  if (bytes[i] !== QUOTE) return false;
  const close = skipString(bytes, i, end);
  if (close === INVALID) return false;
  const colon = skipSpace(bytes, close, end);
  if (bytes[colon] !== COLON) return false;
  name.from = i + 1;
  name.to = close - 1;
  at = skipSpace(bytes, colon + 1, end);
  return true;
}

const NEXT_BAD = -1;
/** readFieldMember's answer for a member that is not one of the fields. */
const NOT_A_FIELD = -2;
const NEXT_CLOSED = -2;

/**
 * After a member or element ending at `at`: the start of the next one, NEXT_CLOSED (the container
 * closes with `close`; `at` is then after it) or NEXT_BAD.
 */
function next(bytes: Uint8Array, end: number, close: number): number {
  const j = skipSpace(bytes, at, end);
  if (bytes[j] === COMMA) return skipSpace(bytes, j + 1, end);
  if (bytes[j] !== close) return NEXT_BAD;
  at = j + 1;
  return NEXT_CLOSED;
}

/** Each element of the array at `i`, read by `each` (which leaves `at` after it, or -1). */
function eachElement(
  bytes: Uint8Array,
  i: number,
  end: number,
  each: (start: number) => KvVerdict,
): KvVerdict {
  if (bytes[i] !== OPEN_BRACKET) return lost();
  let verdict: KvVerdict = KV_NONE;
  let j = skipSpace(bytes, i + 1, end);
  if (bytes[j] === CLOSE_BRACKET) {
    at = j + 1;
    return KV_NONE;
  }
  for (;;) {
    verdict = strongest(verdict, each(j));
    if (at < 0) return KV_UNSURE;
    j = next(bytes, end, CLOSE_BRACKET);
    if (j === NEXT_BAD) return lost();
    if (j === NEXT_CLOSED) return verdict;
  }
}

/** FOUND over UNSURE over NONE. */
const strongest = (a: KvVerdict, b: KvVerdict): KvVerdict =>
  a === KV_FOUND || b === KV_FOUND
    ? KV_FOUND
    : a === KV_UNSURE || b === KV_UNSURE
      ? KV_UNSURE
      : KV_NONE;

/** The display text of the AnyValue read last, as bytes [from, to), when `exact`. */
const shown = { exact: false, from: 0, to: 0 };

/** An integer JSON number at [from, to) that JavaScript prints back as the same digits. */
function printsAsWritten(bytes: Uint8Array, from: number, to: number): boolean {
  const digits = bytes[from] === MINUS ? from + 1 : from;
  const count = to - digits;
  if (count < 1 || count > MAX_INT_DIGITS) return false;
  for (let k = digits; k < to; k++) if (!isDigit(bytes[k] ?? 0)) return false;
  // -0 prints as 0.
  return !(bytes[digits] === 0x30 && (count > 1 || digits > from));
}

/**
 * The AnyValue object at `i`: sets `shown` (exact for a string, a bool, or an integer as a string
 * or as plain digits) and leaves `at` after it, or -1 on bytes that are not one value.
 */
function readValue(bytes: Uint8Array, i: number, end: number): void {
  shown.exact = false;
  if (bytes[i] !== OPEN_BRACE || !memberName(bytes, skipSpace(bytes, i + 1, end), end)) {
    at = skipValueJs(bytes, i, end);
    return;
  }
  const v = at;
  const type = spells(bytes, name.from, name.to, STRING_VALUE)
    ? 's'
    : spells(bytes, name.from, name.to, INT_VALUE)
      ? 'i'
      : spells(bytes, name.from, name.to, BOOL_VALUE)
        ? 'b'
        : '';
  const valueEnd = skipValueJs(bytes, v, end);
  if (valueEnd === INVALID) {
    at = -1;
    return;
  }
  if (bytes[v] === QUOTE && (type === 's' || type === 'i')) {
    shown.from = v + 1;
    shown.to = valueEnd - 1;
    shown.exact = !hasBackslash(bytes, shown.from, shown.to);
  } else if (type === 'i') {
    shown.from = v;
    shown.to = valueEnd;
    shown.exact = printsAsWritten(bytes, v, valueEnd);
  } else if (type === 'b') {
    shown.from = v;
    shown.to = valueEnd;
    shown.exact = spells(bytes, v, valueEnd, TRUE) || spells(bytes, v, valueEnd, FALSE);
  }
  at = valueEnd;
  // One member only: with another (a second type, or the same one again) it is not read here.
  if (next(bytes, end, CLOSE_BRACE) !== NEXT_CLOSED) {
    shown.exact = false;
    at = skipValueJs(bytes, i, end);
  }
}

/**
 * An attribute in the compact form (json-bytes.ts `skipKeyValue`: one key, then one value) whose
 * plain key is not `key`: the index after it. -1 for any other attribute, which `attribute` reads
 * member by member. Most attributes of a span are such, and this is all their reading costs: a
 * `key=value` term over 1M spans spent most of its time reading attributes it could not match.
 */
function otherKeyEnd(bytes: Uint8Array, i: number, end: number, key: Uint8Array): number {
  const after = skipKeyValue(bytes, i, end);
  if (after < 0) return -1;
  // The key's text: after `{"key":"`, up to its closing quote.
  const keyTo = skipString(bytes, i + 7, end) - 1;
  if (hasBackslash(bytes, i + 8, keyTo) || equalsLower(bytes, i + 8, keyTo, key)) return -1;
  return after;
}

/** One `{"key": …, "value": {…}}` element of an attribute list. */
function attribute(bytes: Uint8Array, i: number, end: number, term: ExactAttribute): KvVerdict {
  const other = otherKeyEnd(bytes, i, end, term.key);
  if (other >= 0) {
    at = other;
    return KV_NONE;
  }
  const unreadable = (): KvVerdict => {
    at = skipValueJs(bytes, i, end);
    return KV_UNSURE;
  };
  if (bytes[i] !== OPEN_BRACE) return unreadable();
  let keyFrom = -1;
  let keyTo = -1;
  let seenValue = false;
  let valueExact = false;
  let valueFrom = 0;
  let valueTo = 0;
  let j = skipSpace(bytes, i + 1, end);
  if (bytes[j] === CLOSE_BRACE) return unreadable();
  for (;;) {
    if (!memberName(bytes, j, end)) return unreadable();
    const v = at;
    if (spells(bytes, name.from, name.to, KEY)) {
      if (keyFrom >= 0 || bytes[v] !== QUOTE) return unreadable();
      at = skipString(bytes, v, end);
      if (at === INVALID) return unreadable();
      keyFrom = v + 1;
      keyTo = at - 1;
    } else if (spells(bytes, name.from, name.to, VALUE)) {
      if (seenValue) return unreadable();
      seenValue = true;
      readValue(bytes, v, end);
      if (at < 0) return unreadable();
      valueExact = shown.exact;
      valueFrom = shown.from;
      valueTo = shown.to;
    } else {
      at = skipValueJs(bytes, v, end);
      if (at === INVALID) return unreadable();
    }
    j = next(bytes, end, CLOSE_BRACE);
    if (j === NEXT_BAD) return unreadable();
    if (j === NEXT_CLOSED) break;
  }
  if (keyFrom < 0 || hasBackslash(bytes, keyFrom, keyTo)) return KV_UNSURE;
  if (!equalsLower(bytes, keyFrom, keyTo, term.key)) return KV_NONE;
  if (term.value === null) return KV_FOUND;
  if (!seenValue || !valueExact) return KV_UNSURE;
  return equalsLower(bytes, valueFrom, valueTo, term.value) ? KV_FOUND : KV_NONE;
}

const ATTRIBUTE_LIST = 0;
const EVENT_LIST = 1;
const LINK_LIST = 2;

/**
 * The object at `i` (a span, an event, a link): its `attributes`, and with `nested` its events'
 * and links'. Leaves `at` after the object, or -1. Read to its end before any answer: a repeated
 * member later on would replace the list a match was found in.
 */
function objectAttributes(
  bytes: Uint8Array,
  i: number,
  end: number,
  term: ExactAttribute,
  nested: boolean,
): KvVerdict {
  if (bytes[i] !== OPEN_BRACE) return lost();
  let verdict: KvVerdict = KV_NONE;
  const seen = [false, false, false];
  const fields = nested && term.fieldTag !== undefined ? absentFields() : null;
  let j = skipSpace(bytes, i + 1, end);
  if (bytes[j] === CLOSE_BRACE) {
    at = j + 1;
    return fields === null ? KV_NONE : fieldVerdict(term, fields);
  }
  for (;;) {
    if (!memberName(bytes, j, end)) return lost();
    const v = at;
    const list = spells(bytes, name.from, name.to, ATTRIBUTES)
      ? ATTRIBUTE_LIST
      : nested && spells(bytes, name.from, name.to, EVENTS)
        ? EVENT_LIST
        : nested && spells(bytes, name.from, name.to, LINKS)
          ? LINK_LIST
          : -1;
    if (list >= 0) {
      // JSON.parse keeps a repeated member's last value: the first one read may not count.
      if (seen[list]) return lost();
      seen[list] = true;
      verdict = strongest(
        verdict,
        list === ATTRIBUTE_LIST
          ? eachElement(bytes, v, end, (start) => attribute(bytes, start, end, term))
          : eachElement(bytes, v, end, (start) => objectAttributes(bytes, start, end, term, false)),
      );
      if (at < 0) return KV_UNSURE;
    } else {
      const field =
        fields === null ? NOT_A_FIELD : readFieldMember(bytes, name.from, name.to, v, end, fields);
      at = field === NOT_A_FIELD ? skipValueJs(bytes, v, end) : field;
      if (at === INVALID) return lost();
    }
    j = next(bytes, end, CLOSE_BRACE);
    if (j === NEXT_BAD) return lost();
    if (j === NEXT_CLOSED)
      return fields === null ? verdict : strongest(verdict, fieldVerdict(term, fields));
  }
}

/** The term on the tag the span's fields make (its attribute lists are read apart). */
function fieldVerdict(term: ExactAttribute, fields: FieldValues): KvVerdict {
  const tag = fieldTag(term.fieldTag ?? '', fields);
  if (tag === null) return KV_UNSURE;
  if (tag === '') return KV_NONE;
  if (term.value === null) return KV_FOUND;
  const text = new TextEncoder().encode(tag);
  return equalsLower(text, 0, text.length, term.value) ? KV_FOUND : KV_NONE;
}

/** Whether the span whose JSON object is `bytes` has the attribute `term` (see the top). */
export function spanHasAttribute(bytes: Uint8Array, term: ExactAttribute): KvVerdict {
  const end = bytes.length;
  return objectAttributes(bytes, skipSpace(bytes, 0, end), end, term, true);
}

/**
 * spanHasAttribute for one term, first in WebAssembly (wasm-attribute-find.ts: compact JSON and
 * attributes in the compact form, one call a span); this module's reader where that one is
 * unsure or unavailable, and for a key the span's fields also make a tag of (read here).
 */
export function attributeReader(term: ExactAttribute): (bytes: Uint8Array) => KvVerdict {
  const wasm = term.fieldTag === undefined ? wasmAttributeFinder(term.key, term.value) : null;
  if (wasm === null) return (bytes) => spanHasAttribute(bytes, term);
  return (bytes) => {
    const answer = wasm(bytes);
    if (answer === WASM_FOUND) return KV_FOUND;
    return answer === WASM_NONE ? KV_NONE : spanHasAttribute(bytes, term);
  };
}
