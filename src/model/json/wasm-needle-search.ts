import binary from './needle-search.wat';
import { instantiateOrNull } from './wasm-instance';

/**
 * Occurrences of an ASCII needle in bytes, found case-insensitively by needle-search.wat without
 * making text of the bytes: a find over a 1M-span trace searches ~850 MB, and decoding that to
 * strings in 64 KB pieces cost 150–400 ms per 86 MB in Chromium's worker (fresh string memory),
 * where copying into this module's memory and searching cost a fraction. Its own instance and
 * memory: the parse's skipper (wasm-skipper.ts) may be reading another trace meanwhile.
 */
interface NeedleExports {
  readonly memory: WebAssembly.Memory;
  find(p: number, end: number, needle: number, len: number): number;
}

const PAGE_BYTES = 65536;
/** The needle's place in memory, and the bytes' (after the longest needle searched here). */
const NEEDLE_AT = 0;
export const LONGEST_NEEDLE = 4096;
const BYTES_AT = LONGEST_NEEDLE;

let module: NeedleExports | null | undefined;

function instance(): NeedleExports | null {
  if (module === undefined) module = instantiateOrNull<NeedleExports>(binary);
  return module;
}

/** A searcher of one needle over pieces of bytes loaded one at a time. */
export interface PieceSearch {
  /** Loads `head` then `piece` as the bytes to search (replacing the previous ones). */
  load(head: Uint8Array, piece: Uint8Array): void;
  /** Index (in head + piece) of the first occurrence at or after `from`, or -1. */
  next(from: number): number;
}

/** Null where WebAssembly (with SIMD) is unavailable, or for a needle longer than LONGEST_NEEDLE. */
export function wasmPieceSearch(needle: string): PieceSearch | null {
  const exports = instance();
  if (exports === null || needle.length > LONGEST_NEEDLE) return null;
  const needleBytes = new TextEncoder().encode(needle);
  let length = 0;
  /** Where the loaded bytes start in memory: BYTES_AT and up to 63 bytes more (see `load`). */
  let start = BYTES_AT;
  return {
    load(head, piece) {
      // The piece lands at its own offset modulo 64, the head right before it: Chromium copies a
      // typed array 2-5× slower when the two offsets differ modulo 32 (a find over the 847 MB of
      // the bench's 1M trace spent ~270 ms a needle on this copy, ~55 ms aligned).
      start = BYTES_AT + ((piece.byteOffset - head.length) & 63);
      length = head.length + piece.length;
      const needed = start + length + 16 + needleBytes.length;
      const { memory } = exports;
      if (memory.buffer.byteLength < needed)
        memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
      const bytes = new Uint8Array(memory.buffer);
      // Written on every load: another search may share the memory between loads.
      bytes.set(needleBytes, NEEDLE_AT);
      bytes.set(head, start);
      bytes.set(piece, start + head.length);
    },
    next(from) {
      if (from >= length) return -1;
      const at = exports.find(start + from, start + length, NEEDLE_AT, needleBytes.length);
      return at < 0 ? -1 : at - start;
    },
  };
}
