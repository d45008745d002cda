/**
 * The input bytes, kept as the chunks they arrived in, so a span's detail can be decoded later
 * from its byte range instead of holding a parsed object per span. Chunks are kept by reference:
 * callers must not overwrite a chunk's bytes after pushing it.
 *
 * One exception to "by reference": a body read with a BYOB reader fills one buffer over several
 * reads, and each read transfers the buffer, which detaches the views of the earlier reads (their
 * bytes stay where they were, under a new ArrayBuffer object). A chunk appended after such a read
 * comes with the buffer's new incarnation, and the detached chunks before it are re-pointed there.
 */
import { lastAtOrBefore } from '../sorted-search';

export class ByteStore {
  private readonly chunks: Uint8Array[] = [];
  /** Absolute offset of each chunk's first byte. */
  private starts: number[] = [];
  /** Each chunk's byteOffset in its buffer, kept because a detached view forgets it. */
  private readonly offsets: number[] = [];
  private total = 0;
  private readonly decoder = new TextDecoder();

  get byteLength(): number {
    return this.total;
  }

  /** The chunks in order: together, the whole input. */
  get chunkList(): readonly Uint8Array[] {
    return this.chunks;
  }

  /**
   * Keeps `chunk`. An empty chunk is kept for its buffer only: a BYOB reader's last read (the
   * stream's end) transfers the buffer once more and hands back an empty view of it.
   */
  append(chunk: Uint8Array): void {
    this.repointDetached(chunk.buffer);
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.total);
    this.offsets.push(chunk.byteOffset);
    this.total += chunk.length;
  }

  /** Re-points the last chunks, if a later read into their buffer detached them, at `buffer`. */
  private repointDetached(buffer: ArrayBufferLike): void {
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const chunk = this.chunks[c];
      const length = this.lengthOf(c);
      // A live view keeps its length; only a detached one reads 0 (chunks are never empty).
      if (chunk === undefined || chunk.length === length) return;
      const offset = this.offsets[c] ?? 0;
      if (offset + length > buffer.byteLength) return;
      this.chunks[c] = new Uint8Array(buffer, offset, length);
    }
  }

  private lengthOf(c: number): number {
    return (this.starts[c + 1] ?? this.total) - (this.starts[c] ?? 0);
  }

  /** Bytes [start, end) as text. Copies only when the range crosses chunks. */
  text(start: number, end: number): string {
    return this.decoder.decode(this.bytes(start, end));
  }

  bytes(start: number, end: number): Uint8Array {
    let c = this.chunkAt(start);
    const first = this.chunks[c];
    const firstStart = this.starts[c] ?? 0;
    if (first === undefined) return new Uint8Array(0);
    if (end - firstStart <= first.length)
      return first.subarray(start - firstStart, end - firstStart);
    const out = new Uint8Array(end - start);
    let written = 0;
    while (written < out.length) {
      const chunk = this.chunks[c];
      if (chunk === undefined) break;
      const from = Math.max(0, start + written - (this.starts[c] ?? 0));
      const piece = chunk.subarray(from, Math.min(chunk.length, from + out.length - written));
      out.set(piece, written);
      written += piece.length;
      c++;
    }
    return out;
  }

  /** A fresh copy of bytes [start, end) followed by `padding` zeros. */
  copy(start: number, end: number, padding: number): Uint8Array {
    const out = new Uint8Array(end - start + padding);
    out.set(this.bytes(start, end));
    return out;
  }

  /**
   * The 1-based line of byte `offset` (newlines before it, plus one): for error messages only,
   * it walks every byte before the offset.
   */
  lineAt(offset: number): number {
    let line = 1;
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      const start = this.starts[c] ?? 0;
      if (chunk === undefined || start >= offset) break;
      const stop = Math.min(chunk.length, offset - start);
      for (let i = chunk.indexOf(10); i !== -1 && i < stop; i = chunk.indexOf(10, i + 1)) line++;
    }
    return line;
  }

  /** Index of the chunk holding byte `offset` (binary search over chunk starts). */
  private chunkAt(offset: number): number {
    return Math.max(0, lastAtOrBefore(this.starts, offset));
  }
}
