/**
 * Buffers for big bodies, mapped in ahead of the read by a helper worker
 * (memory-warmer-worker.ts). The trace worker reads a body into them (byob-read.ts); when none is
 * ready yet it takes a fresh one and tells the helper it needs one fewer, so the two never map
 * more than the body needs; for a body of unknown size the helper keeps a few buffers ahead.
 * Only big bodies come here (parse-input.ts): a small one's page faults cost milliseconds, less
 * than the helper's start.
 */
import warmerUrl from './memory-warmer-worker.ts?worker&url';
import type { BodyMemory } from './byob-read';
import { createModuleWorker } from './worker-script-url';

/** One buffer: small enough to be ready soon (~11 ms of faults), big enough to be few. */
const PIECE_BYTES = 4 * 1024 * 1024;
/** How far the helper keeps ahead of a body of unknown size: 32 MB, given back at its end. */
const LEAD_PIECES = 8;

export type WarmerRequest =
  | {
      readonly type: 'warm';
      readonly load: number;
      readonly pieces: number;
      readonly pieceBytes: number;
    }
  | { readonly type: 'fewer' | 'more'; readonly load: number }
  /** One buffer of `bytes`, mapped in the same way, outside any body's pieces. */
  | { readonly type: 'block'; readonly block: number; readonly bytes: number };

export interface WarmerReply {
  readonly load: number;
  readonly buffer: ArrayBuffer;
  /** Set on the answer to a 'block' request: its number. */
  readonly block?: number;
}

/**
 * One more buffer from the helper, asked for before it is needed: the copy of a big trace's
 * columns for the page (loaded-trace.ts), whose ~46 bytes a span were page faults on the thread
 * that posts them (~0.15-0.28 s at 1M spans), asked for with the span count when the body ends
 * and mapped in while the tree builds.
 */
export interface BlockMemory {
  /** Asks for a buffer of `bytes` (only where a body's helper runs). */
  ask(bytes: number): void;
  /** Whether a block was asked for and not taken: it may be a message away. */
  readonly pending: boolean;
  /** The block, if it came and holds `bytes`; either way the request ends. */
  take(bytes: number): ArrayBuffer | null;
}

/** What WarmMemory needs of a worker (tests give it a stand-in). */
export interface WarmerPort {
  postMessage(message: WarmerRequest): void;
  onmessage: ((event: MessageEvent<WarmerReply>) => void) | null;
}

export class WarmMemory implements BlockMemory {
  private warmer: WarmerPort | null = null;
  private ready: ArrayBuffer[] = [];
  /** The number of the block asked for last, whether it is still wanted, and once it came, it. */
  private blockAsked = 0;
  private blockWanted = false;
  private block: ArrayBuffer | null = null;
  /** Which body the helper's buffers are for: a later one's request makes earlier ones stale. */
  private load = 0;

  constructor(
    private readonly startWarmer: () => WarmerPort = () =>
      createModuleWorker(warmerUrl) as unknown as WarmerPort,
    private readonly cores: number = globalThis.navigator?.hardwareConcurrency || 1,
  ) {}

  /**
   * Memory for a big body of `bytesTotal` bytes (parse-input.ts asks only for those that stream:
   * over 48 MB, or of unknown size, -1), or null to read it the usual way: also when
   * `loadsAtOnce` parsing workers leave no core for the helper (the compare page on 2 cores
   * measured no faster with it). A known size is asked for whole, one buffer fewer for each fresh
   * one taken; an unknown one is kept LEAD_PIECES ahead of the reader from its first buffer on.
   */
  forBody(bytesTotal: number, loadsAtOnce = 1): BodyMemory | null {
    if (bytesTotal === 0 || !(this.cores > loadsAtOnce)) return null;
    const known = bytesTotal > 0;
    // A body of unknown size may be small (most gzip'd traces are): the helper starts only when
    // the reader asks for a first buffer, past 48 MB.
    let warmer = known ? this.started() : null;
    if (known && warmer === null) return null;
    const load = ++this.load;
    this.ready = [];
    const ask = (pieces: number) =>
      warmer?.postMessage({ type: 'warm', load, pieces, pieceBytes: PIECE_BYTES });
    // One buffer more than the bytes fill: the read that finds the stream's end needs room too.
    if (known) ask(Math.ceil(bytesTotal / PIECE_BYTES) + 1);
    let leading = known;
    const memory = {
      warmTaken: 0,
      freshTaken: 0,
      next: () => {
        if (!leading) {
          leading = true;
          warmer = this.started();
          ask(LEAD_PIECES);
        }
        const warm = load === this.load ? this.ready.shift() : undefined;
        if (warm !== undefined) {
          memory.warmTaken += 1;
          if (!known) warmer?.postMessage({ type: 'more', load });
          return warm;
        }
        memory.freshTaken += 1;
        if (known) warmer?.postMessage({ type: 'fewer', load });
        return new ArrayBuffer(PIECE_BYTES);
      },
      release: () => {
        if (load !== this.load) return;
        this.load += 1;
        this.ready = [];
        warmer?.postMessage({ type: 'warm', load: this.load, pieces: 0, pieceBytes: 0 });
      },
    };
    return memory;
  }

  ask(bytes: number): void {
    // Only a helper already running for a body: starting one costs more than this saves.
    if (this.warmer === null || bytes <= 0) return;
    this.blockAsked += 1;
    this.blockWanted = true;
    this.block = null;
    this.warmer.postMessage({ type: 'block', block: this.blockAsked, bytes });
  }

  get pending(): boolean {
    return this.blockWanted && this.block === null;
  }

  take(bytes: number): ArrayBuffer | null {
    const block = this.block;
    this.block = null;
    this.blockWanted = false;
    return block !== null && block.byteLength >= bytes ? block : null;
  }

  private started(): WarmerPort | null {
    if (this.warmer !== null) return this.warmer;
    try {
      const warmer = this.startWarmer();
      warmer.onmessage = ({ data }) => {
        if (data.block !== undefined) {
          if (data.block === this.blockAsked && this.blockWanted) this.block = data.buffer;
        } else if (data.load === this.load) this.ready.push(data.buffer);
      };
      this.warmer = warmer;
    } catch {
      // No nested workers here (or a policy refused the script): bodies read into fresh memory.
      return null;
    }
    return this.warmer;
  }
}
