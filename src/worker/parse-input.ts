/**
 * Turns a body (a network stream or a file's bytes) into a ParseResult, reporting progress.
 *
 * OTLP documents and Jaeger v1 API bodies of any size, large inputs and streams of unknown length
 * go chunk by chunk through the streaming parser, which reads while the body is still arriving: a
 * 1M-span document may not fit in one JS string, chunks let progress and cancellation through,
 * and OTLP and Jaeger spans are read from their bytes in one pass (src/model/stream). Other small
 * inputs are decoded to one string and parsed whole, the fastest way for span objects JSON.parse
 * must build.
 */
import type { ParseResult } from '../model/parse-document';
import { wasmSkipperAvailable } from '../model/json/wasm-skipper';
import type { ReadTimings } from './load-timings';
import { epochNow } from './load-timings';
import { yieldToEvents } from './yield-to-events';
import { readBody, type BodyMemory } from './byob-read';
import type { BlockMemory } from './warm-memory';
import { COLUMN_BYTES_PER_SPAN } from './loaded-trace';

/** What the engine needs of `createStreamingParser()` (src/model/stream). */
export interface StreamingParserLike {
  push(chunk: Uint8Array): void;
  finish(): ParseResult;
  readonly spansParsed: number;
}

export interface ParserDeps {
  parseText(text: string): ParseResult;
  createStreamingParser(): StreamingParserLike;
  /** Overrides {@link STREAM_THRESHOLD_BYTES} (tests). */
  readonly streamThresholdBytes?: number;
  /**
   * Buffers to read a big body (one that streams) of this size into (byob-read.ts), while
   * `loadsAtOnce` bodies download at once; none: the browser's own chunks.
   */
  bodyMemory?(bytesTotal: number, loadsAtOnce: number): BodyMemory | null;
  /** Where a big body's end asks for the memory of the columns' copy (warm-memory.ts). */
  readonly blockMemory?: BlockMemory;
}

export interface Progress {
  readonly bytesReceived: number;
  readonly bytesTotal: number;
  readonly spansParsed: number;
}

/**
 * Above this many bytes (or with no Content-Length) the streaming parser is used whatever the
 * format: responses of a few hundred MB (1M spans) may not fit one string. Below it, OTLP and
 * Jaeger v1 API bodies stream too (their spans are read from their bytes); others are parsed whole.
 */
export const STREAM_THRESHOLD_BYTES = 48 * 1024 * 1024;
/** How often progress is posted at most; ~10 updates a second read as continuous. */
export const PROGRESS_INTERVAL_MS = 100;
/** File bytes are fed to the parser in slices this big, so progress and cancel get through. */
const FILE_SLICE_BYTES = 1024 * 1024;

export class Cancelled extends Error {
  override readonly name = 'Cancelled';
}

export interface ReadOptions {
  readonly bytesTotal: number;
  readonly onProgress: (progress: Progress) => void;
  readonly isCancelled: () => boolean;
  /** Called after each chunk (the idle timeout re-arms here; the first bytes classify a failure). */
  readonly onChunk?: (chunk: Uint8Array) => void;
  /** Filled in when given: chunk arrival times and the parser's time while reading. */
  readonly timings?: ReadTimings;
  /** Bodies the page downloads at once, this one included (1 when absent). */
  readonly loadsAtOnce?: number;
}

/** Whether a body of this size streams whatever its format: big, or of unknown size (-1). */
function streamsBySize(bytesTotal: number, deps: ParserDeps): boolean {
  return bytesTotal < 0 || bytesTotal > (deps.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES);
}

/**
 * The first bytes of a document whose spans are read from their bytes, which streams at any size:
 * OTLP JSON (a v3 response or TracesData), or Jaeger's v1 API envelope, whose `data` comes first
 * (jaeger-query writes its fields in declaration order). jaeger-query compresses its answers, so
 * their size is unknown and they streamed already; this sends the same bodies through the same
 * path when a proxy or a file gives their size.
 */
const SNIFF_BYTES = 512;
const BYTE_READ_MARKERS = ['"resourceSpans"', '"result"'];
const JAEGER_V1_ENVELOPE = /^\s*\{\s*"data"\s*:\s*\[/;

function spansReadFromBytes(chunk: Uint8Array): boolean {
  const head = new TextDecoder().decode(chunk.subarray(0, SNIFF_BYTES));
  return BYTE_READ_MARKERS.some((marker) => head.includes(marker)) || JAEGER_V1_ENVELOPE.test(head);
}

/**
 * Collects chunks and parses: streaming when its spans are read from their bytes, large or of
 * unknown size (decided on the first chunk), else whole.
 */
class Sink {
  private streaming: StreamingParserLike | null = null;
  private decided = false;
  private readonly chunks: Uint8Array[] = [];
  private bytes = 0;
  private lastProgress = 0;

  constructor(
    private readonly deps: ParserDeps,
    private readonly options: ReadOptions,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.options.isCancelled()) throw new Cancelled();
    if (chunk.byteLength === 0) {
      // A BYOB read's end: no bytes, only its buffer's new incarnation for the kept ones.
      this.streaming?.push(chunk);
      return;
    }
    if (!this.decided) {
      this.decided = true;
      if (streamsBySize(this.options.bytesTotal, this.deps) || spansReadFromBytes(chunk)) {
        this.streaming = this.deps.createStreamingParser();
        if (this.options.timings)
          this.options.timings.reader = wasmSkipperAvailable() ? 'wasm' : 'js';
      }
    }
    this.bytes += chunk.byteLength;
    const timings = this.options.timings;
    const arrived = timings ? epochNow() : 0;
    if (timings && timings.firstChunk === 0) timings.firstChunk = arrived;
    if (this.streaming) this.streaming.push(chunk);
    else this.chunks.push(chunk);
    if (timings) {
      timings.lastChunk = arrived;
      timings.parseMs += epochNow() - arrived;
      timings.chunks += 1;
    }
    this.options.onChunk?.(chunk);
    const now = performance.now();
    if (now - this.lastProgress >= PROGRESS_INTERVAL_MS) {
      this.lastProgress = now;
      this.report();
    }
  }

  get spansParsed(): number {
    return this.streaming?.spansParsed ?? 0;
  }

  finish(): ParseResult {
    this.report();
    if (this.streaming) return this.streaming.finish();
    const whole = new Uint8Array(this.bytes);
    let at = 0;
    for (const chunk of this.chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    this.chunks.length = 0;
    return this.deps.parseText(new TextDecoder().decode(whole));
  }

  private report(): void {
    this.options.onProgress({
      bytesReceived: this.bytes,
      bytesTotal: this.options.bytesTotal,
      spansParsed: this.spansParsed,
    });
  }
}

export async function parseStream(
  body: ReadableStream<Uint8Array>,
  deps: ParserDeps,
  options: ReadOptions,
): Promise<ParseResult> {
  const sink = new Sink(deps, options);
  // Only a body that streams (a big one, or one of unknown size): the whole-document path keeps
  // the chunks themselves, and a BYOB read detaches the ones before it in the same buffer
  // (ByteStore re-points its own). One of unknown size switches to them once past the threshold.
  const { bytesTotal, loadsAtOnce = 1 } = options;
  const memory = streamsBySize(bytesTotal, deps)
    ? (deps.bodyMemory?.(bytesTotal, loadsAtOnce) ?? null)
    : null;
  const byobFrom = bytesTotal < 0 ? (deps.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES) : 0;
  try {
    await readBody(body, (chunk) => sink.push(chunk), memory, byobFrom);
    // The span count is known now: the helper maps the columns' copy in while the tree builds.
    if (memory !== null) deps.blockMemory?.ask(sink.spansParsed * COLUMN_BYTES_PER_SPAN);
  } finally {
    if (memory !== null && options.timings) {
      options.timings.warmBuffers = memory.warmTaken;
      options.timings.freshBuffers = memory.freshTaken;
    }
  }
  return sink.finish();
}

export async function parseBytes(
  bytes: Uint8Array,
  deps: ParserDeps,
  options: ReadOptions,
): Promise<ParseResult> {
  const sink = new Sink(deps, { ...options, bytesTotal: bytes.byteLength });
  let lastYield = performance.now();
  for (let at = 0; at < bytes.byteLength; at += FILE_SLICE_BYTES) {
    sink.push(bytes.subarray(at, Math.min(at + FILE_SLICE_BYTES, bytes.byteLength)));
    if (performance.now() - lastYield > 50) {
      await yieldToEvents();
      lastYield = performance.now();
    }
  }
  if (options.isCancelled()) throw new Cancelled();
  return sink.finish();
}
