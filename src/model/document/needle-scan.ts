/**
 * Which spans show a needle in their attributes, found by searching the whole input once instead
 * of decoding span by span: the retained chunks are searched a piece at a time (in WebAssembly,
 * wasm-needle-search.ts, else decoded to text and searched with a regular expression), and each
 * occurrence is mapped to the span whose byte range holds it by a walk that only moves forward
 * (spans arrive in input order), then placed (hit-context.ts): in an attribute's key or string
 * value the span is FOUND and the search jumps to its end (a needle in every span costs one
 * occurrence per span); in a member name it does not count; anywhere else the span is UNSURE,
 * and callers decode it to tell.
 */
import { IN_SHOWN_TEXT, UNKNOWN_PLACE, hitPlace } from './hit-context';
import { wasmPieceSearch } from '../json/wasm-needle-search';
import type { PieceSearch } from '../json/wasm-needle-search';

export const ABSENT = 0;
export const FOUND = 1;
export const UNSURE = 2;

/** The retained input: its chunks in order, and span `s`'s bytes at [ranges[2s], ranges[2s+1]). */
export interface SpanLayout {
  readonly chunks: readonly Uint8Array[];
  readonly ranges: Float64Array;
  spanBytes(source: number): Uint8Array;
}

/**
 * Pieces of at most 64 KB: a whole file may be one chunk, and the text fallback's strings cost ten
 * times as much a byte in Chromium from 256 KB on (decode and search of 85 MB: ~30 ms in 64 KB
 * pieces, ~350 ms in 1 MB ones).
 */
const PIECE_BYTES = 1 << 16;
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Without WebAssembly: windows-1252 text (the decoder browsers give for 'latin1') has one
 * character per byte, so text offsets are byte offsets, and its non-ASCII characters never match
 * an ASCII needle case-insensitively (without the `u` flag, no case mapping crosses into ASCII).
 */
export function textPieceSearch(needle: string): PieceSearch {
  const decoder = new TextDecoder('latin1');
  const pattern = new RegExp(escapeRegExp(needle), 'gi');
  let text = '';
  return {
    load(head, piece) {
      text = decoder.decode(head) + decoder.decode(piece);
    },
    next(from) {
      pattern.lastIndex = from;
      return pattern.exec(text)?.index ?? -1;
    },
  };
}

export class NeedleScan {
  /** Per source: ABSENT, FOUND or UNSURE. */
  readonly marks: Uint8Array;
  private readonly search: PieceSearch;
  private readonly keep: number;
  private chunk = 0;
  /** Offset of the next piece in the current chunk, and in the whole input. */
  private offset = 0;
  private base = 0;
  private source = 0;
  /** The last `keep` bytes before the next piece: a needle may start there. */
  private carry: Uint8Array = new Uint8Array(0);
  private cachedSource = -1;
  private cachedBytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly layout: SpanLayout,
    private readonly sources: number,
    needle: string,
  ) {
    this.marks = new Uint8Array(sources);
    this.search = wasmPieceSearch(needle) ?? textPieceSearch(needle);
    this.keep = Math.max(0, needle.length - 1);
    if (needle === '' || !rangesAscend(layout.ranges, sources)) {
      this.marks.fill(UNSURE);
      this.chunk = layout.chunks.length;
    }
  }

  get done(): boolean {
    return this.chunk >= this.layout.chunks.length;
  }

  /** Searches pieces of chunks until about `byteBudget` bytes are read; true when the whole input is. */
  step(byteBudget: number): boolean {
    let read = 0;
    while (!this.done && read < byteBudget) {
      const chunk = this.layout.chunks[this.chunk] as Uint8Array;
      const piece = chunk.subarray(this.offset, this.offset + PIECE_BYTES);
      this.searchPiece(piece);
      this.base += piece.length;
      this.offset += piece.length;
      read += piece.length;
      if (this.offset >= chunk.length) {
        this.chunk++;
        this.offset = 0;
      }
    }
    return this.done;
  }

  private searchPiece(piece: Uint8Array): void {
    const { search, layout, marks, carry } = this;
    search.load(carry, piece);
    const origin = this.base - carry.length;
    const length = this.keep + 1;
    for (let i = search.next(0); i !== -1;) {
      const at = origin + i;
      this.moveTo(at);
      const source = this.source;
      const start = layout.ranges[source * 2] ?? 0;
      let resume = i + 1;
      if (source < this.sources && start <= at) {
        if (marks[source] !== FOUND) {
          const place = hitPlace(this.bytesOf(source), at - start, at - start + length);
          if (place === IN_SHOWN_TEXT) marks[source] = FOUND;
          else if (place === UNKNOWN_PLACE) marks[source] = UNSURE;
        }
        if (marks[source] === FOUND)
          resume = Math.max(resume, (layout.ranges[source * 2 + 1] ?? 0) - origin);
      }
      i = search.next(resume);
    }
    this.carry = carryAfter(carry, piece, this.keep);
  }

  /** The bytes of span `source`, fetched once for all its occurrences. */
  private bytesOf(source: number): Uint8Array {
    if (this.cachedSource !== source) {
      this.cachedSource = source;
      this.cachedBytes = this.layout.spanBytes(source);
    }
    return this.cachedBytes;
  }

  /** Moves the span cursor to the first span that ends after byte `at`. */
  private moveTo(at: number): void {
    const { ranges } = this.layout;
    while (this.source < this.sources && (ranges[this.source * 2 + 1] ?? 0) <= at) this.source++;
  }
}

/** The last `keep` bytes of `carry` followed by `piece`. */
function carryAfter(carry: Uint8Array, piece: Uint8Array, keep: number): Uint8Array {
  if (piece.length >= keep) return piece.slice(piece.length - keep);
  const joined = new Uint8Array(carry.length + piece.length);
  joined.set(carry);
  joined.set(piece, carry.length);
  return joined.slice(Math.max(0, joined.length - keep));
}

/** Whether the non-empty ranges come in input order without overlapping (the walk relies on it). */
function rangesAscend(ranges: Float64Array, sources: number): boolean {
  let lastEnd = 0;
  for (let s = 0; s < sources; s++) {
    const start = ranges[s * 2] ?? 0;
    const end = ranges[s * 2 + 1] ?? 0;
    if (end <= start) continue;
    if (start < lastEnd) return false;
    lastEnd = end;
  }
  return true;
}
