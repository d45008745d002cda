/**
 * Reads a body into buffers the reader supplies (a BYOB reader) instead of the ones the browser
 * allocates for each chunk. A buffer whose pages are already mapped (warm-memory.ts) takes the
 * bytes at the speed of a copy; a fresh one makes the reading thread fault its pages in one by
 * one, which on a virtual machine costs ~11 µs a 4 KB page: ~2 s of a 1M-span trace's 850 MB,
 * on the thread that also parses (docs/benchmarks.md).
 */

/** Where a body's bytes go. */
export interface BodyMemory {
  /** The next buffer to read into (the body is kept: each is used once). */
  next(): ArrayBuffer;
  /** The body is read, or its read stopped: buffers not handed out are given back. */
  release(): void;
  /** Buffers handed out so far that were mapped in ahead, and fresh ones. */
  readonly warmTaken: number;
  readonly freshTaken: number;
}

/** A BYOB reader of `body`, or null where the stream cannot lend its reads (not a byte stream). */
export function byobReaderOf(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | null {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    // Not a byte stream (older engines' fetch bodies, most user streams): the default reader.
    return null;
  }
}

/**
 * Reads every byte into buffers from `memory`, each filled before the next is taken, handing
 * each read's view to `push`. A read transfers its buffer, so the views of earlier reads into
 * the same buffer are detached by the next one; the bytes stay, under the view `push` gets next
 * (ByteStore re-points what it kept). The stream's end hands back an empty view for the same
 * reason, and `push` gets it too.
 */
export async function readInto(
  reader: ReadableStreamBYOBReader,
  memory: BodyMemory,
  push: (chunk: Uint8Array) => void,
): Promise<void> {
  let buffer: ArrayBuffer | null = null;
  let filled = 0;
  for (;;) {
    buffer ??= memory.next();
    const { done, value } = await reader.read(new Uint8Array(buffer, filled));
    if (value !== undefined) {
      buffer = value.buffer;
      filled += value.byteLength;
      push(value);
    }
    if (done) return;
    if (filled === buffer.byteLength) {
      buffer = null;
      filled = 0;
    }
  }
}
