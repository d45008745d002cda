import binary from './skip-value.wat';

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

/** Where the mirrored bytes start in the module's memory; below is its stack of containers. */
const BYTES_AT = 1024;
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
}

let module: SkipperExports | null | undefined;
let mirrored: Uint8Array | null = null;

function instantiate(): SkipperExports | null {
  try {
    // Synchronous: ~1 KB, compiled once per worker, before the first chunk is read.
    return new WebAssembly.Instance(new WebAssembly.Module(binary as BufferSource))
      .exports as unknown as SkipperExports;
  } catch {
    // No WebAssembly or no SIMD, or compiling refused by the page's CSP.
    return null;
  }
}

/** Whether skips run in WebAssembly here (tests compare both readers). */
export function wasmSkipperAvailable(): boolean {
  module ??= instantiate();
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
  return copy;
}

/** Forgets the mirrored array (the parse ended): its bytes are no longer skipped here. */
export function forgetMirror(): void {
  mirrored = null;
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
