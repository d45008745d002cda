/**
 * The tags a span's detail makes from OTLP fields rather than from an attribute list, read from
 * the span's bytes for attribute-equality.ts: `span.kind` (kind), `error=true` and
 * `otel.status_code` (status code), `otel.status_description` (status message) and
 * `w3c.tracestate` (traceState), with the meanings of otlp-span.ts (`kindOf`, `statusOf`) and
 * find.ts (`derivedAttributes`). A field this does not read exactly (an escape, an exponent, a
 * repeated member, an odd type) is unknown, and a term on its tag is then UNSURE.
 */
import {
  INVALID,
  OPEN_BRACE,
  QUOTE,
  isDigit,
  skipSpace,
  spells,
  skipString,
  skipValidContainer,
  skipValueJs,
} from '../json/json-bytes';
import { FIELD_CODE_RECORDED, FIELD_KINDS, FIELD_KIND_OTHER } from '../formats/otlp-span';
import { KV_FOUND, KV_NONE, KV_UNSURE, type KvVerdict } from './kv-verdict';

/** Keys of these tags (find.ts `derivedAttributes`, and the trace state). */
export const FIELD_TAG_KEYS: readonly string[] = [
  'w3c.tracestate',
  'span.kind',
  'error',
  'otel.status_code',
  'otel.status_description',
];

const UNKNOWN = null;

/** What a span's fields give its tags; null where not read exactly. Defaults: field absent. */
export interface FieldValues {
  kind: string | null;
  status: 'unset' | 'ok' | 'error' | null;
  message: string | null;
  traceState: string | null;
}

export function absentFields(): FieldValues {
  return { kind: '', status: 'unset', message: '', traceState: '' };
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const KIND = encode('kind');
const STATUS = encode('status');
const TRACE_STATE = encode('traceState');

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, to));

/** The text of a plain string at `i` (no backslash), or null; `end` gets the index after it. */
const after = { at: 0 };
function plainString(bytes: Uint8Array, i: number, end: number): string | null {
  after.at = skipString(bytes, i, end);
  if (after.at === INVALID) return null;
  for (let k = i + 1; k < after.at - 1; k++) if (bytes[k] === 0x5c) return null;
  return ascii(bytes, i + 1, after.at - 1);
}

/** A non-negative integer written as plain digits at `i`, or null (the index after: `after`). */
function plainInteger(bytes: Uint8Array, i: number, end: number): number | null {
  after.at = skipValueJs(bytes, i, end);
  if (after.at === INVALID || after.at - i > 9) return null;
  for (let k = i; k < after.at; k++) if (!isDigit(bytes[k] ?? 0)) return null;
  return Number(ascii(bytes, i, after.at));
}

function kindAt(bytes: Uint8Array, v: number, end: number): string | null {
  if (bytes[v] === QUOTE) {
    const text = plainString(bytes, v, end)
      ?.toLowerCase()
      .replace(/^span_kind_/, '');
    return text === undefined ? UNKNOWN : text === 'unspecified' ? '' : text;
  }
  const n = plainInteger(bytes, v, end);
  return n === null ? UNKNOWN : (FIELD_KINDS[n] ?? '');
}

function codeAt(bytes: Uint8Array, v: number, end: number): FieldValues['status'] {
  const code = bytes[v] === QUOTE ? plainString(bytes, v, end) : plainInteger(bytes, v, end);
  if (code === null) return UNKNOWN;
  if (code === 2 || code === '2' || code === 'STATUS_CODE_ERROR') return 'error';
  if (code === 1 || code === '1' || code === 'STATUS_CODE_OK') return 'ok';
  return 'unset';
}

/** The `status` object at `v` into `into`; returns the index after it, or INVALID. */
function statusAt(bytes: Uint8Array, v: number, end: number, into: FieldValues): number {
  const skipped = skipValueJs(bytes, v, end);
  into.status = UNKNOWN;
  into.message = UNKNOWN;
  if (skipped === INVALID || bytes[v] !== OPEN_BRACE) return skipped;
  let status: FieldValues['status'] = 'unset';
  let message: string | null = '';
  const seen = { code: false, message: false };
  let j = skipSpace(bytes, v + 1, end);
  while (bytes[j] === QUOTE) {
    const nameEnd = skipString(bytes, j, end);
    if (nameEnd === INVALID) return skipped;
    const name = ascii(bytes, j + 1, nameEnd - 1);
    const colon = skipSpace(bytes, nameEnd, end);
    if (bytes[colon] !== 0x3a) return skipped;
    const value = skipSpace(bytes, colon + 1, end);
    const valueEnd = skipValueJs(bytes, value, end);
    if (valueEnd === INVALID) return skipped;
    if (name === 'code' || name === 'message') {
      if (seen[name]) return skipped;
      seen[name] = true;
      if (name === 'code') status = codeAt(bytes, value, end);
      else message = bytes[value] === QUOTE ? plainString(bytes, value, end) : UNKNOWN;
    }
    j = skipSpace(bytes, valueEnd, end);
    if (bytes[j] === 0x2c) j = skipSpace(bytes, j + 1, end);
  }
  if (j !== skipped - 1) return skipped;
  into.status = status;
  into.message = message;
  return skipped;
}

/**
 * Reads the span member named bytes [nameFrom, nameTo) into `into` when it is one of the fields:
 * the index after its value, INVALID on bad bytes, or -2 for another member.
 */
export function readFieldMember(
  bytes: Uint8Array,
  nameFrom: number,
  nameTo: number,
  v: number,
  end: number,
  into: FieldValues,
): number {
  // Compared as bytes: a string per member name was most of the time of a find on `error`.
  if (spells(bytes, nameFrom, nameTo, KIND)) into.kind = kindAt(bytes, v, end);
  else if (spells(bytes, nameFrom, nameTo, TRACE_STATE))
    into.traceState = bytes[v] === QUOTE ? plainString(bytes, v, end) : UNKNOWN;
  else if (spells(bytes, nameFrom, nameTo, STATUS)) return statusAt(bytes, v, end, into);
  else return -2;
  return skipValueJs(bytes, v, end);
}

/** The tag `key` as the fields make it: its text, '' when the span has no such tag, or null. */
export function fieldTag(key: string, fields: FieldValues): string | null {
  const { kind, status, message, traceState } = fields;
  if (key === 'span.kind') return kind;
  if (key === 'w3c.tracestate') return traceState;
  if (key === 'otel.status_description') return message;
  if (status === null) return null;
  if (key === 'error') return status === 'error' ? 'true' : '';
  return status === 'unset' ? '' : status.toUpperCase();
}

/**
 * The fields of the span whose JSON object is `bytes`, or null on bytes this does not read. The
 * bytes must be a span the reader validated and kept (a plain span of span-text-filter.ts).
 */
export function spanFields(bytes: Uint8Array): FieldValues | null {
  const end = bytes.length;
  const fields = absentFields();
  let j = skipSpace(bytes, 0, end);
  if (bytes[j] !== OPEN_BRACE) return null;
  j = skipSpace(bytes, j + 1, end);
  while (bytes[j] === QUOTE) {
    const nameEnd = skipString(bytes, j, end);
    if (nameEnd === INVALID) return null;
    const colon = skipSpace(bytes, nameEnd, end);
    if (bytes[colon] !== 0x3a) return null;
    const v = skipSpace(bytes, colon + 1, end);
    const field = readFieldMember(bytes, j + 1, nameEnd - 1, v, end, fields);
    // Most of a span is its attribute lists: crossed without reading them (the reader read them).
    const other = (): number =>
      bytes[v] === OPEN_BRACE || bytes[v] === 0x5b
        ? skipValidContainer(bytes, v, end)
        : skipValueJs(bytes, v, end);
    const valueEnd = field === -2 ? other() : field;
    if (valueEnd === INVALID) return null;
    j = skipSpace(bytes, valueEnd, end);
    if (bytes[j] === 0x2c) j = skipSpace(bytes, j + 1, end);
  }
  return bytes[j] === 0x7d ? fields : null;
}

/** Whether a tag the fields make holds `text` (lowercase) in its key or its value. */
export function fieldTagsContain(fields: FieldValues, text: string): boolean | null {
  for (const key of FIELD_TAG_KEYS) {
    const value = fieldTag(key, fields);
    if (value === null) return null;
    if (value !== '' && (key.includes(text) || value.toLowerCase().includes(text))) return true;
  }
  return false;
}

/** The tag `key` as a recorded field code (otlp-span.ts `otlpFieldCode`) makes it: as fieldTag. */
function codeTag(key: string, code: number): string | null {
  if ((code & FIELD_CODE_RECORDED) === 0) return null;
  const kind = code & 7;
  const status = (code >> 3) & 3;
  if (key === 'span.kind') return kind === FIELD_KIND_OTHER ? null : (FIELD_KINDS[kind] ?? null);
  if (key === 'error') return status === 2 ? 'true' : '';
  if (key === 'otel.status_code') return status === 0 ? '' : status === 1 ? 'OK' : 'ERROR';
  // A message or trace state is there or not; its text is in the bytes, not in the code.
  const present = key === 'otel.status_description' ? code & 0x20 : code & 0x40;
  return present === 0 ? '' : null;
}

/**
 * A `key=value` term (lowercase `value`, null for `key=`) on a tag the fields make, from the
 * span's recorded field code: KV_FOUND, KV_NONE, or KV_UNSURE when the code cannot tell.
 */
export function codeVerdict(key: string, value: string | null, code: number): KvVerdict {
  const tag = codeTag(key, code);
  if (tag === '') return KV_NONE;
  const present =
    (code & FIELD_CODE_RECORDED) !== 0 &&
    ((key === 'otel.status_description' && (code & 0x20) !== 0) ||
      (key === 'w3c.tracestate' && (code & 0x40) !== 0));
  if (tag === null) return present && value === null ? KV_FOUND : KV_UNSURE;
  if (value === null) return KV_FOUND;
  return tag.toLowerCase() === value ? KV_FOUND : KV_NONE;
}

/**
 * Whether a tag the fields make holds `text` (lowercase) in its key, or in a value the code
 * knows (kind, `true`, `ERROR`, `OK`), from the span's recorded field code; null when the code
 * cannot tell. A message or trace state is text in the span's bytes, which the word search sees.
 */
export function codeTagsContain(code: number, text: string): boolean | null {
  if ((code & FIELD_CODE_RECORDED) === 0 || (code & 7) === FIELD_KIND_OTHER) return null;
  for (const key of FIELD_TAG_KEYS) {
    const tag = codeTag(key, code);
    if (tag === '') continue;
    if (key.includes(text) || (tag !== null && tag.toLowerCase().includes(text))) return true;
  }
  return false;
}
