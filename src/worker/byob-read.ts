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
    const view: Uint8Array<ArrayBuffer> = new Uint8Array(buffer, filled);
    const { done, value }: ReadableStreamReadResult<Uint8Array<ArrayBuffer>> =
      await reader.read(view);
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

/**
 * Reads `body` to its end, pushing each chunk: the stream's own chunks until `byobFrom` bytes
 * have come, then, with `memory`, into its buffers through a BYOB reader where the stream lends
 * its reads. A body of unknown size (a gzip'd answer: jaeger-query compresses its API) switches
 * only once it has shown itself big, so small bodies never take a buffer they would not fill.
 * On a failure the download is cancelled; `memory` is released either way.
 */
export async function readBody(
  body: ReadableStream<Uint8Array>,
  push: (chunk: Uint8Array) => void,
  memory: BodyMemory | null,
  byobFrom = 0,
): Promise<void> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | ReadableStreamBYOBReader | null = null;
  try {
    let received = 0;
    if (memory === null || byobFrom > 0) {
      const own = body.getReader();
      reader = own;
      while (memory === null || received < byobFrom) {
        const { done, value } = await own.read();
        if (done) return;
        received += value.byteLength;
        push(value);
      }
      own.releaseLock();
      reader = null;
    }
    const byob = byobReaderOf(body);
    reader = byob ?? body.getReader();
    if (byob !== null) return await readInto(byob, memory, push);
    for (;;) {
      const { done, value } = await (reader as ReadableStreamDefaultReader<Uint8Array>).read();
      if (done) return;
      push(value);
    }
  } catch (error) {
    // Stop the download too; the rejection of cancel() itself is of no interest.
    reader?.cancel().catch(() => undefined);
    throw error;
  } finally {
    memory?.release();
  }
}
