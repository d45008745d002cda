/**
 * Main-thread side of the trace worker: one shared worker, a promise per request, request ids,
 * and latest-wins per channel — a newer request on a channel rejects the older one with an
 * AbortError and its late reply is dropped (DESIGN.md §5).
 */
import type { TraceAnalysisData } from '../model/analysis/trace-analysis';
import type { FlameTree } from '../model/analysis/flame-tree';
import type { SpanColumn } from '../model/analysis/span-sort';
import type { MinimapBins } from '../model/minimap-bins';
import type { SpanDetail } from '../model/span-detail';
import type { DiffCore, TraceDiff } from '../model/diff/trace-diff';
import {
  REPLY_OF,
  type ArgsOf,
  type AskedType,
  type LoadedTrace,
  type ReplyTo,
  type RequestOf,
  type WorkerRequest,
  type WorkerResponse,
} from './messages';
import { markLoadTimings } from './load-timings';
import type { TracePaths } from './trace-paths-messages';
import traceWorkerUrl from './trace-worker.ts?worker&url';
import { createModuleWorker } from './worker-script-url';
import { TraceWorkerError } from './trace-worker-error';

export { isAbortError, TraceWorkerError } from './trace-worker-error';

export interface LoadProgress {
  readonly bytesReceived: number;
  /** -1 when the server did not send a length. */
  readonly bytesTotal: number;
  readonly spansParsed: number;
}

export interface LoadResult {
  readonly traces: readonly LoadedTrace[];
  readonly errors: readonly string[];
}

/** What the client needs of a Worker; tests pass a fake that runs TraceEngine in-process. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** A real Worker's; a crashed one is ended so it cannot live on holding its traces. */
  terminate?(): void;
}

interface Pending {
  /** Latest-wins group; undefined: superseded by nothing (React Query cancels through a signal). */
  readonly channel: string | undefined;
  /** Loads and diffs: the worker is told to stop when the request is superseded or aborted. */
  readonly cancellable: boolean;
  resolve(response: WorkerResponse): void;
  reject(error: unknown): void;
  onProgress?: (progress: LoadProgress) => void;
  onDiffCore?: (core: DiffCore) => void;
}

export interface RequestOptions {
  /** A newer request on the same channel supersedes this one; none: only `signal` cancels it. */
  readonly channel?: string;
  readonly signal?: AbortSignal | undefined;
  readonly transfer?: Transferable[];
  readonly onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** A diff's rows and totals, which arrive before its graph (diff-messages.ts). */
  readonly onDiffCore?: ((core: DiffCore) => void) | undefined;
}

/**
 * The channel a trace page's load (of a URL or a file) runs on: a new load on it replaces the one
 * before. The compare page's loads run on channels of their own.
 */
export const TRACE_LOAD_CHANNEL = 'load';

const DEFAULT_LOAD_TIMEOUT_MS = 30_000;
const CANCELLABLE: ReadonlySet<WorkerRequest['type']> = new Set([
  'load-url',
  'load-bytes',
  'diff',
  'load-paths',
]);
const aborted = (why: string) => new DOMException(why, 'AbortError');

export interface TraceLoadOptions {
  readonly onProgress?: (progress: LoadProgress) => void;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Loads on different channels run side by side (the compare page loads its traces so). */
  readonly channel?: string;
  /**
   * How many traces the page is downloading at once, this one included (the compare page: all
   * of its traces): a worker maps a big body's memory in ahead only on a core none of them uses.
   */
  readonly loadsAtOnce?: number;
}

export class TraceWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private starts = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly latest = new Map<string, number>();
  private readonly crashListeners = new Set<(error: TraceWorkerError) => void>();

  constructor(private readonly createWorker: () => WorkerLike) {}

  async loadTrace(
    url: string,
    traceId: string | undefined,
    options: TraceLoadOptions = {},
  ): Promise<LoadResult> {
    const { onProgress, signal, channel = TRACE_LOAD_CHANNEL, loadsAtOnce = 1 } = options;
    const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    const args = { url, timeoutMs, loadsAtOnce, ...(traceId === undefined ? {} : { traceId }) };
    return toLoadResult(await this.request('load-url', args, { channel, onProgress, signal }));
  }

  /**
   * Loads a document of many traces (a search's full traces) for their paths only, packed
   * (trace-paths-messages.ts); the worker keeps nothing, so there is nothing to release.
   */
  async loadPaths(
    url: string,
    signal?: AbortSignal,
    channel = 'paths',
    timeoutMs = DEFAULT_LOAD_TIMEOUT_MS,
  ): Promise<{ readonly paths: TracePaths; readonly errors: readonly string[] }> {
    const reply = await this.request('load-paths', { url, timeoutMs }, { channel, signal });
    if (reply.timings) markLoadTimings(reply.timings);
    return { paths: reply.paths, errors: reply.errors };
  }

  /** Parses a file's bytes; `bytes` is transferred (detached here afterwards). */
  async loadFile(
    name: string,
    bytes: ArrayBuffer,
    onProgress?: (progress: LoadProgress) => void,
    signal?: AbortSignal,
  ): Promise<LoadResult> {
    return toLoadResult(
      await this.request(
        'load-bytes',
        { name, bytes },
        { channel: TRACE_LOAD_CHANNEL, transfer: [bytes], onProgress, signal },
      ),
    );
  }

  /** `channel` separates independent views (e.g. two waterfalls side by side). */
  async spanDetail(handle: number, index: number, channel = 'detail'): Promise<SpanDetail> {
    return (await this.request('span-detail', { handle, index }, { channel })).detail;
  }

  async find(handle: number, query: string, channel = 'find'): Promise<Int32Array> {
    return (await this.request('find', { handle, query }, { channel })).matches;
  }

  async spanIndexById(handle: number, spanId: string, channel = 'span-index'): Promise<number> {
    return (await this.request('span-index-by-id', { handle, spanId }, { channel })).index;
  }

  /**
   * Clock skew, critical path and repeated siblings of a loaded trace, computed in the worker
   * (cached there per handle). Ask after the load resolved, so it never delays the first rows.
   */
  async analyze(handle: number, channel = 'analysis'): Promise<TraceAnalysisData> {
    return (await this.request('analyze', { handle }, { channel })).analysis;
  }

  /** The minimap's bins for a canvas of `width` × `height` pixels; a resize supersedes. */
  async minimapBins(
    handle: number,
    width: number,
    height: number,
    timeMode: 'raw' | 'adjusted',
    channel = 'minimap',
  ): Promise<MinimapBins> {
    const args = { handle, width, height, timeMode };
    return (await this.request('minimap-bins', args, { channel })).bins;
  }

  /** Span indexes ordered by `column` (sorted in the worker, cached there per column). */
  async sortSpans(
    handle: number,
    column: SpanColumn,
    descending: boolean,
    channel = 'sort-spans',
  ): Promise<Int32Array> {
    return (await this.request('sort-spans', { handle, column, descending }, { channel })).order;
  }

  /** The merged flame tree, built in the worker. */
  async flameTree(handle: number, channel = 'flame-tree'): Promise<FlameTree> {
    return (await this.request('flame-tree', { handle }, { channel })).tree;
  }

  /** Every span's normalized detail as one JSON Blob, assembled in the worker (the download). */
  async exportJson(handle: number, channel = 'export-json'): Promise<Blob> {
    return (await this.request('export-json', { handle }, { channel })).blob;
  }

  /**
   * Aligns side A with side B in the worker (each one trace, or for one of them several: their
   * median per aligned span; diff-messages.ts). Latest wins per channel. `onCore` gets the rows and totals as soon
   * as they are done; the promise resolves once the graph is built too.
   */
  async diff(
    handlesA: readonly number[],
    handlesB: readonly number[],
    channel = 'diff',
    signal?: AbortSignal,
    onCore?: (core: DiffCore) => void,
  ): Promise<TraceDiff> {
    const cores: DiffCore[] = [];
    const onDiffCore = (core: DiffCore) => {
      cores.push(core);
      onCore?.(core);
    };
    const reply = await this.request(
      'diff',
      { handlesA, handlesB },
      { channel, signal, onDiffCore },
    );
    const [core] = cores;
    if (!core) throw unexpected(reply);
    return { ...core, graph: reply.graph };
  }

  /**
   * Gives the worker its end of a channel to a peer worker (compare-workers.ts); `port` is
   * transferred. A 'helper' must get this before anything else.
   */
  connectPeer(port: MessagePort, role: 'primary' | 'helper'): void {
    this.ensureWorker().postMessage({ type: 'connect-peer', id: this.nextId++, port, role }, [
      port,
    ]);
  }

  /**
   * Calls `listener` when the worker crashes. Its traces are gone with it: whoever shows one
   * must load it again (the next request starts a new worker). Returns the unsubscribe.
   */
  onCrash(listener: (error: TraceWorkerError) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /** How many workers this client has started (a crashed one is replaced on the next request). */
  get startCount(): number {
    return this.starts;
  }

  /** Starts the worker now, so its script loads while the page is still getting ready. */
  prewarm(): void {
    this.ensureWorker();
  }

  /** Frees the worker's copy of a trace (its retained input, details). Fire and forget. */
  release(handle: number): void {
    this.ensureWorker().postMessage({ type: 'release', id: this.nextId++, handle }, []);
  }

  /**
   * Any request the worker answers, typed by the protocol's request → reply map (REPLY_OF): the
   * reply is checked here, once, for every kind.
   */
  async request<K extends AskedType>(
    type: K,
    args: ArgsOf<K>,
    options: RequestOptions = {},
  ): Promise<ReplyTo<K>> {
    // The spread of a generic Omit is not known to TypeScript as the request it rebuilds.
    const request = { ...args, type, id: this.nextId++ } as RequestOf<K>;
    const reply = await this.send(request, options);
    if (!isReplyTo(type, reply)) throw unexpected(reply);
    return reply;
  }

  private send(request: WorkerRequest, options: RequestOptions): Promise<WorkerResponse> {
    const { channel, signal, onProgress, onDiffCore, transfer = [] } = options;
    if (signal?.aborted) return Promise.reject(aborted('Aborted before it started'));
    const worker = this.ensureWorker();
    if (channel !== undefined) {
      const previous = this.latest.get(channel);
      if (previous !== undefined) this.supersede(previous);
      this.latest.set(channel, request.id);
    }
    return new Promise<WorkerResponse>((resolve, reject) => {
      const onAbort = () => {
        if (this.pending.delete(request.id)) {
          worker.postMessage({ type: 'cancel', id: request.id }, []);
          reject(aborted('Aborted'));
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(request.id, {
        channel,
        cancellable: CANCELLABLE.has(request.type),
        resolve: (response) => {
          settle();
          resolve(response);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        ...(onProgress ? { onProgress } : {}),
        ...(onDiffCore ? { onDiffCore } : {}),
      });
      worker.postMessage(request, transfer);
    });
  }

  /** Rejects an older request of the channel; loads and diffs are also cancelled in the worker. */
  private supersede(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (entry.cancellable) this.worker?.postMessage({ type: 'cancel', id }, []);
    entry.reject(aborted('Superseded by a newer request'));
  }

  private onMessage(response: WorkerResponse): void {
    const entry = this.pending.get(response.id);
    // Stale (superseded, aborted) or unknown: drop. A load that finished as it was cancelled still
    // made its traces in the worker, and no one else will ever know their handles: free them.
    if (!entry) {
      if (response.type === 'loaded')
        for (const trace of response.traces) this.release(trace.handle);
      return;
    }
    if (response.type === 'progress') {
      entry.onProgress?.(response);
      return;
    }
    if (response.type === 'diff-core') {
      entry.onDiffCore?.(response.core);
      return;
    }
    this.pending.delete(response.id);
    if (entry.channel !== undefined && this.latest.get(entry.channel) === response.id)
      this.latest.delete(entry.channel);
    if (response.type === 'error') entry.reject(new TraceWorkerError(response.error));
    else entry.resolve(response);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    this.starts++;
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = (event) => {
      // A crashed worker answers nothing more: fail everything in flight, start afresh next time.
      const error = new TraceWorkerError({
        kind: 'worker',
        message: `Trace worker failed: ${event.message}`,
      });
      for (const entry of this.pending.values()) entry.reject(error);
      this.pending.clear();
      this.latest.clear();
      this.worker = null;
      worker.terminate?.();
      for (const listener of [...this.crashListeners]) listener(error);
    };
    this.worker = worker;
    return worker;
  }
}

function isReplyTo<K extends AskedType>(type: K, reply: WorkerResponse): reply is ReplyTo<K> {
  return reply.type === REPLY_OF[type];
}

function toLoadResult(reply: ReplyTo<'load-url'>): LoadResult {
  if (reply.timings) markLoadTimings(reply.timings);
  return { traces: reply.traces, errors: reply.errors ?? [] };
}

const unexpected = (reply: WorkerResponse) =>
  new TraceWorkerError({ kind: 'parse', message: `Unexpected worker reply '${reply.type}'` });

let shared: TraceWorkerClient | null = null;

/** A new trace worker running trace-worker.ts. */
export const startTraceWorker = (): WorkerLike =>
  createModuleWorker(traceWorkerUrl) as unknown as WorkerLike;

/** The app's one trace worker, created on first use (compare-workers.ts adds a helper). */
export function traceWorkerClient(): TraceWorkerClient {
  shared ??= new TraceWorkerClient(startTraceWorker);
  return shared;
}
