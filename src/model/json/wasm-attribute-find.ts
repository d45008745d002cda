import binary from './skip-value.wat';
import { instantiateOrNull } from './wasm-instance';

/**
 * attribute-equality.ts's span reading for a `key=value` find, in WebAssembly
 * (attribute-find.wat): one call a span instead of a JS walk over its members and attributes,
 * where a find like `db.system=redis` over 1M spans spent ~0.8 s in Chromium's worker. It answers
 * 0 (none), 1 (found) or 2 (unsure: a shape it does not read; the JS reader decides). Its own
 * instance of the skipper's module: a parse may be mirroring chunks into the other one.
 */
interface FindExports {
  readonly memory: WebAssembly.Memory;
  kvFind(p: number, end: number, key: number, keyLen: number, value: number, len: number): number;
}

export const WASM_NONE = 0;
export const WASM_FOUND = 1;
export const WASM_UNSURE = 2;

const PAGE_BYTES = 65536;
/** The term's bytes; below, the module's stack and the parse's answers (unused here). */
const TERM_AT = 1280;
/** Zeros after the span: the module reads strings 16 bytes at a time. */
const PADDING = 64;
/**
 * Longer spans go to the JS reader: the module's memory never shrinks, and one hostile span of
 * 100 MB would keep it that big for the worker's life. Real spans are a few KB at most.
 */
export const LONGEST_SPAN = 1 << 20;

let module: FindExports | null | undefined;

function instance(): FindExports | null {
  if (module === undefined) module = instantiateOrNull<FindExports>(binary);
  return module;
}

/**
 * A reader of spans for one term (lowercase ASCII key, and value or null for `key=`), or null
 * where WebAssembly is unavailable. Each call copies the span into the module's memory.
 */
export function wasmAttributeFinder(
  key: Uint8Array,
  value: Uint8Array | null,
): ((span: Uint8Array) => number) | null {
  const exports = instance();
  if (exports === null) return null;
  const valueAt = TERM_AT + key.length;
  // The span after the term, at its own offset modulo 64: Chromium copies a typed array 2-5×
  // slower when the two offsets differ modulo 32 (wasm-needle-search.ts).
  const spanBase = (valueAt + (value?.length ?? 0) + PADDING + 63) & ~63;
  let view = new Uint8Array(0);
  return (span) => {
    if (span.length > LONGEST_SPAN) return WASM_UNSURE;
    const start = spanBase + (span.byteOffset & 63);
    const end = start + span.length;
    const { memory } = exports;
    if (memory.buffer.byteLength < end + PADDING)
      memory.grow(Math.ceil((end + PADDING - memory.buffer.byteLength) / PAGE_BYTES));
    if (view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer);
    // Written on every call: another find's reader may have used the memory in between.
    view.set(key, TERM_AT);
    if (value !== null) view.set(value, valueAt);
    view.set(span, start);
    view.fill(0, end, end + PADDING);
    return exports.kvFind(start, end, TERM_AT, key.length, valueAt, value?.length ?? -1);
  };
}
