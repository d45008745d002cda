import binary from './skip-value.wat';
import { instantiateOrNull } from './wasm-instance';

/**
 * The WebAssembly form of json-bytes.ts's `skipValue` (skip-value.wat): the same answers, with
 * string content compared 16 bytes at a time. Most of a realistic span's bytes are attributes and
 * events the row never reads, and this skip is where the byte reader spent most of its time; it
 * also runs at full speed from the first chunk, where the JS reader is still cold.
 *
 * It works on a copy in its own memory: the streaming parser copies each chunk there as it
 * arrives (mirrorBytes) and reads that copy. A skip over that copy runs in WebAssembly; any
 * other array, or no WebAssembly (old engines, or a CSP without `'wasm-unsafe-eval'`), takes
 * the JS reader.
 */

/** Where `span` leaves its answers: an i32 per known member, flags, id halves, times. */
const FIELDS_AT = 1024;
/** How many members `span` knows (otlp-span-bytes.ts's FIELDS, in that order). */
export const SPAN_FIELD_COUNT = 10;
/** Where the mirrored bytes start in the module's memory; below are its stack and answers. */
const BYTES_AT = 1280;
/** The module loads 16 bytes at a time: bytes past a chunk's padding must be readable too. */
const READ_AHEAD = 16;
const PAGE_BYTES = 65536;

/** `skip`'s answers below zero; the same value as json-bytes.ts's INVALID. */
export const WASM_INVALID = -1;
/** Nesting deeper than the module's stack: the JS reader decides. */
const TOO_DEEP = -2;
/** The array is not the mirrored one. */
export const NOT_MIRRORED = -3;

interface SkipperExports {
  readonly memory: WebAssembly.Memory;
  skip(i: number, end: number): number;
  span(i: number, end: number): number;
}

let module: SkipperExports | null | undefined;
let mirrored: Uint8Array | null = null;
/** `span`'s answers (skip-value.wat's `$spanRead`), viewed over the memory. */
let answerWords: Int32Array | null = null;
let answerTimes: Float64Array | null = null;
const fieldStarts = new Int32Array(SPAN_FIELD_COUNT);

/** Flags of `spanValues`: which row fields the module read from their common form. */
export const SPAN_ID_READ = 1;
export const PARENT_ID_READ = 2;
export const START_READ = 4;
export const END_READ = 8;
/** The span's trace id spells the one of the span the module read before it. */
export const SAME_TRACE_ID = 16;

/** What the module read of the last span: ids as key halves, times in µs, as the JS readers would. */
export const spanValues = {
  flags: 0,
  spanHi: 0,
  spanLo: 0,
  parentHi: 0,
  parentLo: 0,
  start: Number.NaN,
  end: Number.NaN,
};

/** Whether skips run in WebAssembly here (tests compare both readers). */
export function wasmSkipperAvailable(): boolean {
  // Compiled once per worker, before the first chunk is read; a refusal is not asked again.
  if (module === undefined) module = instantiateOrNull<SkipperExports>(binary);
  return module !== null;
}

/**
 * Copies `bytes` into the module's memory, followed by `padding` zero bytes, and returns that
 * copy as an array (length + padding): skips over it run in WebAssembly. The copy is valid
 * until the next call, which overwrites it. Null where WebAssembly is unavailable.
 */
export function mirrorBytes(bytes: Uint8Array, padding: number): Uint8Array | null {
  if (!wasmSkipperAvailable() || module == null) return null;
  const memory = module.memory;
  const needed = BYTES_AT + bytes.length + padding + READ_AHEAD;
  if (memory.buffer.byteLength < needed)
    memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
  const copy = new Uint8Array(memory.buffer, BYTES_AT, bytes.length + padding);
  copy.set(bytes);
  new Uint8Array(memory.buffer, BYTES_AT + bytes.length, padding + READ_AHEAD).fill(0);
  mirrored = copy;
  if (answerWords?.buffer !== memory.buffer) {
    answerWords = new Int32Array(memory.buffer, FIELDS_AT, 16);
    answerTimes = new Float64Array(memory.buffer, FIELDS_AT + 64, 2);
  }
  return copy;
}

/** Forgets the mirrored array (the parse ended): its bytes are no longer skipped here. */
export function forgetMirror(): void {
  mirrored = null;
  answerWords = null;
  answerTimes = null;
}

/**
 * skipValue over the array mirrorBytes last returned: the index after the value, WASM_INVALID, or NOT_MIRRORED
 * (also for nesting past the module's stack). `doubt.seen` is set as textDoubt would be.
 */
export function wasmSkipValue(
  bytes: Uint8Array,
  i: number,
  end: number,
  doubt: { seen: boolean },
): number {
  if (bytes !== mirrored || module == null) return NOT_MIRRORED;
  const answer = module.skip(BYTES_AT + i, BYTES_AT + Math.min(end, bytes.length));
  if (answer === TOO_DEEP) return NOT_MIRRORED;
  if (answer < 0) return WASM_INVALID;
  if ((answer & 1) === 1) doubt.seen = true;
  return (answer >>> 1) - BYTES_AT;
}

/**
 * The OTLP span object at i in the array mirrorBytes last returned, its members validated and
 * skipped in WebAssembly as otlp-span-bytes.ts's JS loop does: the index after it, WASM_INVALID
 * (not a span the reader is sure about), or NOT_MIRRORED (also for nesting past the module's
 * stack). Where each known member's last value starts is then in `spanFieldStarts()`, by field
 * number (-1: absent), and what the module read of them in `spanValues`; `doubt.seen` is set as
 * textDoubt would be.
 */
export function wasmReadSpan(
  bytes: Uint8Array,
  i: number,
  end: number,
  doubt: { seen: boolean },
): number {
  const words = answerWords;
  const times = answerTimes;
  if (bytes !== mirrored || module == null || words === null || times === null) return NOT_MIRRORED;
  const answer = module.span(BYTES_AT + i, BYTES_AT + Math.min(end, bytes.length));
  if (answer === TOO_DEEP) return NOT_MIRRORED;
  if (answer < 0) return WASM_INVALID;
  if ((answer & 1) === 1) doubt.seen = true;
  for (let field = 0; field < SPAN_FIELD_COUNT; field++) {
    const at = words[field] ?? -1;
    fieldStarts[field] = at < 0 ? -1 : at - BYTES_AT;
  }
  // Word 10 the flags, 11-12 and 13-14 the ids' halves; the times after the 16 words.
  spanValues.flags = words[10] ?? 0;
  spanValues.spanHi = words[11] ?? 0;
  spanValues.spanLo = words[12] ?? 0;
  spanValues.parentHi = words[13] ?? 0;
  spanValues.parentLo = words[14] ?? 0;
  spanValues.start = times[0] ?? Number.NaN;
  spanValues.end = times[1] ?? Number.NaN;
  return (answer >>> 1) - BYTES_AT;
}

/** Where the span wasmReadSpan read last has each known member's value (-1: absent). */
export function spanFieldStarts(): Int32Array {
  return fieldStarts;
}
