import type { IdHalves, SpanRecord } from '../build/span-record';
import { hexDigit } from '../build/span-id-keys';
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
  textDoubt,
} from '../json/json-bytes';
import {
  END_READ,
  NOT_MIRRORED,
  PARENT_ID_READ,
  SAME_TRACE_ID,
  SPAN_ID_READ,
  START_READ,
  spanFieldStarts,
  spanValues,
  wasmReadSpan,
} from '../json/wasm-skipper';
import { CONTAINER, TextCache, readScalar } from '../json/json-text';
import { otlpFieldCode, readOtlpSpanAt } from './otlp-span';
import { nanosFieldToMicros } from './time';
import type { SpanContext } from './span-context';

/**
 * Reads an OTLP/JSON span's row fields straight from its bytes: ids, name, kind, times, status
 * code and whether it has links. Attributes, events and links are validated and skipped, never
 * built; they stay in the retained body until a detail or a find decodes them.
 *
 * The fields are handed to readOtlpSpan in one reused stand-in object, so the row is read by the
 * same code as a JSON.parsed span. Fails when the bytes are not a JSON object the reader is sure
 * about (malformed, cut off, or a key with escapes): the caller then takes the reference path
 * (find the value's end, JSON.parse it), which also gives that path's error message.
 */

const FIELDS = [
  'traceId',
  'spanId',
  'parentSpanId',
  'name',
  'kind',
  'startTimeUnixNano',
  'endTimeUnixNano',
  'status',
  'links',
  'traceState',
] as const;
const KEYS = keyTable(FIELDS);
const TRACE_ID = 0;
const SPAN_ID = 1;
const PARENT_SPAN_ID = 2;
const NAME = 3;
const START = 5;
const END = 6;
const STATUS = 7;
const LINKS = 8;
const TRACE_STATE = 9;
const CODE = new TextEncoder().encode('code');
const MESSAGE = new TextEncoder().encode('message');

/**
 * The stand-in span: only the fields readOtlpSpanAt reads; absent ones stay undefined. Written
 * by name, never by a computed key: keyed stores to it were ~10 % of the reader's time.
 */
const stand = {
  traceId: undefined as unknown,
  spanId: undefined as unknown,
  parentSpanId: undefined as unknown,
  name: undefined as unknown,
  kind: undefined as unknown,
  status: undefined as unknown,
  links: undefined as unknown,
  /** Read for find's field code only (otlpFieldCode); the row does not use it. */
  traceState: undefined as unknown,
};

function setScalar(field: number, value: unknown): void {
  if (field === TRACE_ID) stand.traceId = value;
  else if (field === SPAN_ID) stand.spanId = value;
  else if (field === PARENT_SPAN_ID) stand.parentSpanId = value;
  else if (field === NAME) stand.name = value;
  else stand.kind = value;
}
const status: { code?: unknown; message?: unknown } = {};
const ONE_LINK: readonly unknown[] = [CONTAINER];
const NO_LINKS: readonly unknown[] = [];
const at = { end: 0 };

/** Set by skipString when a key holds a backslash: then the reader leaves the span to JSON.parse. */
const escapes = { seen: false };

/** The end of the key string at i, INVALID when malformed or escaped. */
function plainKeyEnd(bytes: Uint8Array, i: number, end: number): number {
  escapes.seen = false;
  const keyEnd = skipString(bytes, i, end, escapes);
  return escapes.seen ? INVALID : keyEnd;
}

/** Trace ids and names repeat from span to span: one string each (json-text.ts). */
const texts = new TextCache();

const times = { start: Number.NaN, end: Number.NaN };

/** The span's and parent's ids when read as key halves, copied to the record with the row. */
const spanKey: IdHalves = { read: false, hi: 0, lo: 0 };
const parentKey: IdHalves = { read: false, hi: 0, lo: 0 };

/**
 * A quoted id at i of leading zeros and up to 16 lowercase hex digits (nearly every OTLP id) into
 * `key` as SpanIdKeys would store its string, without making the string: the index after it, or
 * INVALID (key untouched) for any other value, which the string path then reads.
 */
function readHexKey(bytes: Uint8Array, i: number, end: number, key: IdHalves): number {
  if (bytes[i] !== QUOTE) return INVALID;
  let k = i + 1;
  while (k < end && bytes[k] === 48) k++;
  const digitsEnd = Math.min(end, k + 17);
  let hi = 0;
  let lo = 0;
  for (; k < digitsEnd; k++) {
    const digit = hexDigit(bytes[k] ?? 0);
    if (digit < 0) break;
    hi = (hi << 4) | (lo >>> 28);
    lo = (lo << 4) | digit;
  }
  if (k >= end || bytes[k] !== QUOTE || k === digitsEnd) return INVALID;
  key.read = true;
  key.hi = hi;
  key.lo = lo;
  return k + 1;
}

/**
 * A `*UnixNano` field at i into `times[which]` (µs), as nanosFieldToMicros would read it. The
 * common form, a quoted run of up to 19 digits whose whole µs stay below 2^53, is computed from the bytes with the same
 * arithmetic as nanosToMicros (whole µs + the last three digits / 1000), without a string.
 */
function readNanos(bytes: Uint8Array, i: number, end: number, which: 'start' | 'end'): number {
  if (bytes[i] === QUOTE) {
    let whole = 0;
    let k = i + 1;
    const digitsEnd = Math.min(end, i + 21);
    while (k < digitsEnd && (bytes[k] ?? 0) >= 48 && (bytes[k] ?? 0) <= 57) k++;
    const count = k - i - 1;
    if (bytes[k] === QUOTE && count > 3 && count <= 19) {
      for (let d = i + 1; d < k - 3; d++) whole = whole * 10 + ((bytes[d] ?? 0) - 48);
      const rest =
        ((bytes[k - 3] ?? 0) - 48) * 100 +
        ((bytes[k - 2] ?? 0) - 48) * 10 +
        ((bytes[k - 1] ?? 0) - 48);
      // Past 2^53 the sum above was rounded: nanosToMicros' BigInt path decides instead.
      if (whole <= Number.MAX_SAFE_INTEGER) {
        times[which] = whole + rest / 1000;
        return k + 1;
      }
    }
  }
  times[which] = nanosFieldToMicros(readScalar(bytes, i, end, at));
  return at.end;
}

/** `status` object at i: keeps its last `code` in `status`; returns the index after it. */
function readStatus(bytes: Uint8Array, i: number, end: number): number {
  status.code = undefined;
  status.message = undefined;
  i = skipSpace(bytes, i + 1, end);
  if (bytes[i] === 125) return i + 1;
  for (;;) {
    if (bytes[i] !== QUOTE) return INVALID;
    const keyEnd = plainKeyEnd(bytes, i, end);
    if (keyEnd === INVALID) return INVALID;
    const isCode = keyEnd - i - 2 === CODE.length && bytesEqual(bytes, i + 1, CODE);
    const isMessage = keyEnd - i - 2 === MESSAGE.length && bytesEqual(bytes, i + 1, MESSAGE);
    i = skipSpace(bytes, keyEnd, end);
    if (bytes[i] !== 58) return INVALID;
    i = skipSpace(bytes, i + 1, end);
    if (isCode) {
      status.code = readScalar(bytes, i, end, at);
      i = at.end;
    } else if (isMessage) {
      // For find's field code (otlpFieldCode): whether the detail has a status message.
      status.message = readScalar(bytes, i, end, at);
      i = at.end;
    } else i = skipValue(bytes, i, end);
    if (i === INVALID) return INVALID;
    i = skipSpace(bytes, i, end);
    if (bytes[i] === 125) return i + 1;
    if (bytes[i] !== 44) return INVALID;
    i = skipSpace(bytes, i + 1, end);
  }
}

/**
 * Reads the span object starting at `start`, not looking at or past `end`: the index after it,
 * or INVALID (then nothing was written to `out`), which includes a span cut off by `end`.
 */
export function readOtlpSpanBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  context: SpanContext,
  out: SpanRecord,
): number {
  clearSpan();
  // Over the mirrored chunk, WebAssembly walks the members and says where the known ones are.
  let after = wasmReadSpan(bytes, start, end, textDoubt);
  if (after === NOT_MIRRORED) after = readMembers(bytes, start, end);
  else if (after !== INVALID && !readModuleFields(bytes, end)) after = INVALID;
  if (after === INVALID) return INVALID;
  readOtlpSpanAt(stand, times.start, times.end, context, out);
  copyHalves(spanKey, out.spanKey);
  copyHalves(parentKey, out.parentKey);
  return after;
}

/** The string of the trace id the module saw last (its SAME_TRACE_ID compares with its bytes). */
let lastTraceId: unknown;

/**
 * The known members where the module found them, taking what it read of them (ids, times, the
 * trace id as the last span's); false when one is not what the reader is sure about.
 */
function readModuleFields(bytes: Uint8Array, end: number): boolean {
  const starts = spanFieldStarts();
  const { flags } = spanValues;
  for (let field = 0; field < starts.length; field++) {
    const i = starts[field] ?? -1;
    if (i < 0) continue;
    if (field === SPAN_ID && (flags & SPAN_ID_READ) !== 0) {
      setHalves(spanKey, spanValues.spanHi, spanValues.spanLo);
      stand.spanId = undefined;
    } else if (field === PARENT_SPAN_ID && (flags & PARENT_ID_READ) !== 0) {
      setHalves(parentKey, spanValues.parentHi, spanValues.parentLo);
      stand.parentSpanId = undefined;
    } else if (field === START && (flags & START_READ) !== 0) times.start = spanValues.start;
    else if (field === END && (flags & END_READ) !== 0) times.end = spanValues.end;
    else if (field === TRACE_ID && (flags & SAME_TRACE_ID) !== 0 && lastTraceId !== undefined)
      stand.traceId = lastTraceId;
    // The module has validated and skipped the links: only whether there are any is read.
    else if (field === LINKS) stand.links = linksMark(bytes, i, end);
    else {
      if (readField(bytes, field, i, end) === INVALID) return false;
      if (field === TRACE_ID) lastTraceId = stand.traceId;
    }
  }
  return true;
}

function setHalves(key: IdHalves, hi: number, lo: number): void {
  key.read = true;
  key.hi = hi;
  key.lo = lo;
}

function clearSpan(): void {
  stand.traceId = undefined;
  stand.spanId = undefined;
  stand.parentSpanId = undefined;
  stand.name = undefined;
  stand.kind = undefined;
  stand.status = undefined;
  stand.links = undefined;
  stand.traceState = undefined;
  times.start = Number.NaN;
  times.end = Number.NaN;
  spanKey.read = false;
  parentKey.read = false;
}

/** The span's members in JS, as the module walks them: the index after the object, or INVALID. */
function readMembers(bytes: Uint8Array, start: number, end: number): number {
  if (bytes[start] !== 123) return INVALID;
  let i = skipSpace(bytes, start + 1, end);
  if (bytes[i] !== 125) {
    for (;;) {
      if (bytes[i] !== QUOTE) return INVALID;
      const field = matchKey(KEYS, bytes, i, end);
      const keyEnd = field >= 0 ? keyAt.end : plainKeyEnd(bytes, i, end);
      if (keyEnd === INVALID) return INVALID;
      i = skipSpace(bytes, keyEnd, end);
      if (bytes[i] !== 58) return INVALID;
      i = skipSpace(bytes, i + 1, end);
      i = field < 0 ? skipValue(bytes, i, end) : readField(bytes, field, i, end);
      if (i === INVALID) return INVALID;
      i = skipSpace(bytes, i, end);
      if (i >= end) return INVALID;
      if (bytes[i] === 125) break;
      if (bytes[i] !== 44) return INVALID;
      i = skipSpace(bytes, i + 1, end);
    }
  }
  return i >= end ? INVALID : i + 1;
}

/** Whether a `links` value at i has links: undefined (not an array), none, or some. */
function linksMark(bytes: Uint8Array, i: number, end: number): readonly unknown[] | undefined {
  const first = bytes[i] === 91 ? bytes[skipSpace(bytes, i + 1, end)] : undefined;
  return first === undefined ? undefined : first === 93 ? NO_LINKS : ONE_LINK;
}

/** The known member `field`'s value at i into the stand-in: the index after it, or INVALID. */
function readField(bytes: Uint8Array, field: number, i: number, end: number): number {
  if (field === START || field === END)
    return readNanos(bytes, i, end, field === START ? 'start' : 'end');
  if (field === STATUS) {
    if (bytes[i] === 123) {
      stand.status = status;
      return readStatus(bytes, i, end);
    }
    stand.status = undefined;
    return skipValue(bytes, i, end);
  }
  if (field === TRACE_STATE) {
    stand.traceState = readScalar(bytes, i, end, at);
    return at.end;
  }
  if (field === LINKS) {
    stand.links = linksMark(bytes, i, end);
    return skipValue(bytes, i, end);
  }
  // A repeated key counts once, its last value: each path clears the other's result.
  const key = field === SPAN_ID ? spanKey : field === PARENT_SPAN_ID ? parentKey : undefined;
  const after = key === undefined ? INVALID : readHexKey(bytes, i, end, key);
  if (after !== INVALID) {
    setScalar(field, undefined);
    return after;
  }
  if (key !== undefined) key.read = false;
  const cached = field === TRACE_ID || field === NAME ? texts : undefined;
  setScalar(field, readScalar(bytes, i, end, at, cached));
  return at.end;
}

function copyHalves(from: IdHalves, to: IdHalves): void {
  to.read = from.read;
  to.hi = from.hi;
  to.lo = from.lo;
}

/** The field code (otlp-span.ts `otlpFieldCode`) of the span readOtlpSpanBytes read last. */
export function lastOtlpFieldCode(): number {
  return otlpFieldCode(stand);
}
