/**
 * Which spans show a needle in their attributes, found by searching the whole input once instead
 * of decoding span by span: each chunk is decoded to text in one native call and searched with
 * one case-insensitive regular expression, and each occurrence is mapped to the span whose byte
 * range holds it by a walk that only moves forward (spans arrive in input order), then placed
 * (hit-context.ts): in an attribute's key or string value the span is FOUND and the search jumps
 * to its end (a needle in every span costs one occurrence per span); in a member name it does not
 * count; anywhere else the span is UNSURE.
 *
 * Offsets in the text are offsets in the bytes only when the chunk is ASCII. A chunk that is not
 * (its text is shorter than its bytes: every multi-byte sequence, valid or not, shrinks to fewer
 * characters) marks the spans that overlap it UNSURE, and so does a needle cut by a chunk's end
 * that the carried tail of the previous chunk cannot complete. Callers treat UNSURE as "decode
 * the span and look".
 */
export const ABSENT = 0;
export const FOUND = 1;
export const UNSURE = 2;

/** The retained input: its chunks in order, and span `s`'s bytes at [ranges[2s], ranges[2s+1]). */
export interface SpanLayout {
  readonly chunks: readonly Uint8Array[];
  readonly ranges: Float64Array;
  spanBytes(source: number): Uint8Array;
}

import { IN_SHOWN_TEXT, UNKNOWN_PLACE, hitPlace } from './hit-context';

const DECODER = new TextDecoder();
/** Text is decoded a piece at a time: a whole file may be one chunk, longer than a string can be. */
const PIECE_BYTES = 1 << 20;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class NeedleScan {
  /** Per source: ABSENT, FOUND or UNSURE. */
  readonly marks: Uint8Array;
  private readonly pattern: RegExp;
  private readonly keep: number;
  private chunk = 0;
  /** Offset of the next piece in the current chunk, and in the whole input. */
  private offset = 0;
  private base = 0;
  private source = 0;
  /** The last `keep` characters of the previous chunk, when it was ASCII: a needle may start there. */
  private carry = '';
  private cachedSource = -1;
  private cachedBytes: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly layout: SpanLayout,
    private readonly sources: number,
    needle: string,
  ) {
    this.marks = new Uint8Array(sources);
    this.pattern = new RegExp(escapeRegExp(needle), 'gi');
    this.keep = needle.length - 1;
    if (needle === '') {
      this.marks.fill(UNSURE);
      this.chunk = layout.chunks.length;
    } else if (!rangesAscend(layout.ranges, sources)) this.marks.fill(UNSURE);
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

  private searchPiece(bytes: Uint8Array): void {
    const text = DECODER.decode(bytes);
    if (text.length !== bytes.length) {
      this.markOverlapping(this.base - this.carry.length, this.base + bytes.length);
      this.carry = '';
      return;
    }
    const searched = this.carry + text;
    const origin = this.base - this.carry.length;
    const { pattern, layout, marks } = this;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(searched); match !== null; match = pattern.exec(searched)) {
      const at = origin + match.index;
      this.moveTo(at);
      const source = this.source;
      const start = layout.ranges[source * 2] ?? 0;
      if (source >= this.sources || start > at || marks[source] === FOUND) continue;
      const bytes = this.bytesOf(source);
      const place = hitPlace(bytes, at - start, at - start + this.keep + 1);
      if (place === IN_SHOWN_TEXT) {
        marks[source] = FOUND;
        const end = layout.ranges[source * 2 + 1] ?? 0;
        pattern.lastIndex = Math.max(pattern.lastIndex, end - origin);
      } else if (place === UNKNOWN_PLACE) marks[source] = UNSURE;
    }
    this.carry = this.keep > 0 ? searched.slice(-this.keep) : '';
  }

  /** The bytes of span `source`, fetched once for all its occurrences. */
  private bytesOf(source: number): Uint8Array {
    if (this.cachedSource !== source) {
      this.cachedSource = source;
      this.cachedBytes = this.layout.spanBytes(source);
    }
    return this.cachedBytes;
  }

  /** Marks UNSURE every span overlapping bytes [from, to) that has no hit yet. */
  private markOverlapping(from: number, to: number): void {
    const { ranges } = this.layout;
    this.moveTo(from);
    for (let s = this.source; s < this.sources && (ranges[s * 2] ?? 0) < to; s++)
      if (this.marks[s] === ABSENT && (ranges[s * 2 + 1] ?? 0) > from) this.marks[s] = UNSURE;
  }

  /** Moves the span cursor to the first span that ends after byte `at`. */
  private moveTo(at: number): void {
    const { ranges } = this.layout;
    while (this.source < this.sources && (ranges[this.source * 2 + 1] ?? 0) <= at) this.source++;
  }
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
