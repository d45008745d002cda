import type { SpanRecord } from '../build/span-record';
import {
  INVALID,
  QUOTE,
  bytesEqual,
  keyAt,
  matchKey,
  keyTable,
  skipSpace,
  skipString,
  skipValue,
} from '../json/json-bytes';
import { TextCache, readScalar } from '../json/json-text';
import { readJaegerSpan } from './jaeger-span';
import type { SpanContext } from './span-context';

/**
 * Reads a Jaeger span's row fields (v1 API JSON or the domain model's) straight from its bytes:
 * ids, references, times, operation, process, and of its tags only the three the row reads
 * (`error`, `otel.status_code`, `span.kind`). Every other tag, the logs and the warnings are
 * validated and skipped, never built; a detail decodes them later from the retained bytes.
 *
 * The fields go to readJaegerSpan in one reused stand-in object, so the row is read by the same
 * code as a JSON.parsed span: small containers (references, a process, the three tags) are
 * JSON.parsed from their bytes as they are. Fails (INVALID) on bytes the reader is not sure about
 * (malformed, cut off, an escaped key): the caller then JSON.parses the span, which also gives
 * that path's error message.
 */

/** Every key readJaegerSpan reads; any other member is skipped. */
const FIELDS = [
  'traceID',
  'traceId',
  'spanID',
  'spanId',
  'parentSpanID',
  'parentSpanId',
  'operationName',
  'references',
  'startTime',
  'duration',
  'process',
  'processID',
  'processId',
  'tags',
] as const;
type Field = (typeof FIELDS)[number];
const KEYS = keyTable(FIELDS);
const TAGS = FIELDS.indexOf('tags');
const REFERENCES = FIELDS.indexOf('references');
/** Ids, names and process ids repeat from span to span: one string each (json-text.ts). */
const CACHED = new Set<Field>(['traceID', 'traceId', 'operationName', 'processID', 'processId']);

/** The tags readJaegerSpan looks up (tagText); any other tag cannot change the row. */
const ROW_TAGS = ['error', 'otel.status_code', 'span.kind'].map((k) => new TextEncoder().encode(k));

type Stand = Record<Field, unknown>;
/** The stand-in span: all FIELDS, absent ones undefined (readJaegerSpan's `pick` skips those). */
const stand = Object.fromEntries(FIELDS.map((name) => [name, undefined])) as Stand;
const texts = new TextCache();
const at = { end: 0 };
const UTF8 = new TextDecoder();

const escapes = { seen: false };

/** The end of the string at i, INVALID when malformed or escaped. */
function plainStringEnd(bytes: Uint8Array, i: number, end: number): number {
  if (bytes[i] !== QUOTE) return INVALID;
  escapes.seen = false;
  const after = skipString(bytes, i, end, escapes);
  return escapes.seen ? INVALID : after;
}

/** The value at i as JSON.parse gives it; `at.end` receives the index after it. */
function readValue(bytes: Uint8Array, i: number, end: number, cache?: TextCache): unknown {
  const b = bytes[i];
  if (b !== 123 && b !== 91) return readScalar(bytes, i, end, at, cache);
  at.end = skipValue(bytes, i, end);
  return at.end === INVALID
    ? undefined
    : (JSON.parse(UTF8.decode(bytes.subarray(i, at.end))) as unknown);
}

const TYPE_MEMBER = new TextEncoder().encode(',"type":');
const VALUE_MEMBER = new TextEncoder().encode(',"value":');

/**
 * A tag in the compact form Jaeger writes, `{"key":"…","type":"…","value":<scalar>}`, whose plain
 * key is none of ROW_TAGS: such a tag cannot change the row. Returns the index after it, or -1
 * for anything else (another key order, whitespace, an escaped key, a container value, a row
 * tag), which the caller parses and keeps for readJaegerSpan.
 */
function skipOtherTag(bytes: Uint8Array, i: number, end: number): number {
  if (
    bytes[i] !== 123 ||
    bytes[i + 1] !== QUOTE ||
    bytes[i + 2] !== 107 ||
    bytes[i + 3] !== 101 ||
    bytes[i + 4] !== 121 ||
    bytes[i + 5] !== QUOTE ||
    bytes[i + 6] !== 58
  )
    return -1;
  let k = plainStringEnd(bytes, i + 7, end);
  if (k === INVALID) return -1;
  const length = k - i - 9;
  if (ROW_TAGS.some((tag) => tag.length === length && bytesEqual(bytes, i + 8, tag))) return -1;
  if (k + TYPE_MEMBER.length >= end || !bytesEqual(bytes, k, TYPE_MEMBER)) return -1;
  k += TYPE_MEMBER.length;
  if (bytes[k] !== QUOTE) return -1;
  k = skipString(bytes, k, end);
  if (k === INVALID || k + VALUE_MEMBER.length >= end || !bytesEqual(bytes, k, VALUE_MEMBER))
    return -1;
  k += VALUE_MEMBER.length;
  const b = bytes[k];
  if (b === 123 || b === 91) return -1;
  k = skipValue(bytes, k, end);
  return k !== INVALID && k < end && bytes[k] === 125 ? k + 1 : -1;
}

const REF_TYPE = new TextEncoder().encode('{"refType":');
const REF_TRACE = new TextEncoder().encode(',"traceID":');
const REF_SPAN = new TextEncoder().encode(',"spanID":');

/** Plain string members of a reference, read in order (JSON.parse's value when it matches). */
const refParts = ['', '', ''];

/**
 * A reference in the compact form Jaeger writes, `{"refType":"…","traceID":"…","spanID":"…"}`
 * with plain strings, read into an object of the same three members; -1 for anything else.
 */
function readCompactReference(bytes: Uint8Array, i: number, end: number, refs: unknown[]): number {
  let k = i;
  for (let part = 0; part < 3; part++) {
    const member = part === 0 ? REF_TYPE : part === 1 ? REF_TRACE : REF_SPAN;
    if (k + member.length >= end || !bytesEqual(bytes, k, member)) return -1;
    const from = k + member.length;
    k = plainStringEnd(bytes, from, end);
    if (k === INVALID) return -1;
    refParts[part] = texts.text(bytes, from + 1, k - 1);
  }
  if (bytes[k] !== 125) return -1;
  refs.push({ refType: refParts[0], traceID: refParts[1], spanID: refParts[2] });
  return k + 1;
}

/**
 * The array at i, element by element: `compact` reads (or skips) an element it is sure about and
 * returns the index after it, -1 otherwise; such elements are JSON.parsed into `kept` as they
 * are. The index after the array, or INVALID.
 */
function readList(
  bytes: Uint8Array,
  i: number,
  end: number,
  kept: unknown[],
  compact: (bytes: Uint8Array, i: number, end: number, kept: unknown[]) => number,
): number {
  i = skipSpace(bytes, i + 1, end);
  if (bytes[i] === 93) return i + 1;
  for (;;) {
    let after = compact(bytes, i, end, kept);
    if (after < 0) {
      after = skipValue(bytes, i, end);
      if (after === INVALID) return INVALID;
      kept.push(JSON.parse(UTF8.decode(bytes.subarray(i, after))) as unknown);
    }
    i = skipSpace(bytes, after, end);
    if (bytes[i] === 93) return i + 1;
    if (bytes[i] !== 44) return INVALID;
    i = skipSpace(bytes, i + 1, end);
  }
}

/**
 * Reads the span object starting at `start`, not looking at or past `end`: the index after it,
 * or INVALID (then nothing was written to `out`), which includes a span cut off by `end`.
 */
export function readJaegerSpanBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  context: SpanContext,
  out: SpanRecord,
): number {
  for (const name of FIELDS) stand[name] = undefined;
  if (bytes[start] !== 123) return INVALID;
  let i = skipSpace(bytes, start + 1, end);
  if (bytes[i] !== 125) {
    for (;;) {
      const field = matchKey(KEYS, bytes, i, end);
      const keyEnd = field >= 0 ? keyAt.end : plainStringEnd(bytes, i, end);
      if (keyEnd === INVALID) return INVALID;
      i = skipSpace(bytes, keyEnd, end);
      if (bytes[i] !== 58) return INVALID;
      i = skipSpace(bytes, i + 1, end);
      if (field < 0) i = skipValue(bytes, i, end);
      else if (field === TAGS && bytes[i] === 91) {
        // A later `tags` member replaces an earlier one, as in JSON.parse.
        const kept: unknown[] = [];
        i = readList(bytes, i, end, kept, skipOtherTag);
        stand.tags = kept;
      } else if (field === REFERENCES && bytes[i] === 91) {
        const refs: unknown[] = [];
        i = readList(bytes, i, end, refs, readCompactReference);
        stand.references = refs;
      } else {
        const name = FIELDS[field] as Field;
        stand[name] = readValue(bytes, i, end, CACHED.has(name) ? texts : undefined);
        i = at.end;
      }
      if (i === INVALID) return INVALID;
      i = skipSpace(bytes, i, end);
      if (i >= end) return INVALID;
      if (bytes[i] === 125) break;
      if (bytes[i] !== 44) return INVALID;
      i = skipSpace(bytes, i + 1, end);
    }
  }
  if (i >= end) return INVALID;
  try {
    readJaegerSpan(stand, context, out);
  } catch {
    // The adapter reads defensively; should it throw, the parsed path reads the span and notes it.
    return INVALID;
  }
  return i + 1;
}
