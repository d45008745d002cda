/**
 * The worker's protocol logic as a plain class: no `self`, no Worker, so unit tests drive it on
 * the main thread with a fake `post`. trace-worker.ts only wires it to `self`.
 *
 * It owns every parsed trace (by handle) and everything the main thread does not draw: tags,
 * events, the retained input behind `detail()`.
 */
import { isTraceIdKey, traceIdKey } from '../model/ids';
import { binMinimap, recordedAxis } from '../model/minimap-bins';
import type { ParsedTrace, ParseResult } from '../model/parse-document';
import { answerExportJson } from './export-json';
import { answerDiff } from './diff-answer';
import { answerLoadPaths } from './trace-paths';
import { COLUMN_BYTES_PER_SPAN, toLoadedTrace } from './loaded-trace';
import { yieldToEvents } from './yield-to-events';
import type { BlockMemory } from './warm-memory';
import type { LoadedTrace, WorkerRequest, WorkerResponse } from './messages';
import { downloadTrace } from './download-trace';
import { epochNow, type LoadTimings } from './load-timings';
import { Cancelled, parseBytes, type ParserDeps } from './parse-input';
import { notFound, toWireError } from './wire-error';
import { copyForTransfer, TraceAnalyses } from './trace-analyses';
import { buildFlameTreeSliced } from './flame-trees';
import { SpanOrders } from './span-orders';
import { Abandoned } from './run-sliced';
import { PeerLink } from './peer-link';
import { ownerOfHandle, type ConnectPeerRequest } from './peer-messages';

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

export interface EngineDeps extends ParserDeps {
  /** Span indexes matching the find text, ascending; null when `isStale()` cut it short. */
  find(
    parsed: ParsedTrace,
    query: string,
    isStale: () => boolean,
  ): Promise<Int32Array | null> | Int32Array | null;
}

export class TraceEngine {
  private readonly traces = new Map<number, ParsedTrace>();
  private readonly analyses = new TraceAnalyses();
  private readonly spanOrders = new SpanOrders();
  /** In-flight loads and diffs by request id, so `cancel` can stop them. */
  private readonly cancellable = new Map<number, AbortController>();
  /**
   * Handles go up in steps of two, odd in the primary worker and even in the compare page's
   * helper (peer-messages.ts), so a handle alone says which worker holds the trace.
   */
  private nextHandle = 1;
  private role: ConnectPeerRequest['role'] = 'primary';
  private peer: PeerLink | null = null;
  private latestFind = 0;

  constructor(
    private readonly post: Post,
    private readonly deps: EngineDeps,
  ) {}

  /** Resolves when the request is fully answered (tests await it; the worker need not). */
  async handle(request: WorkerRequest): Promise<void> {
    switch (request.type) {
      case 'load-url':
        return this.loadUrl(request);
      case 'load-bytes':
        return this.loadBytes(request.id, request.name, request.bytes);
      case 'cancel':
        this.cancellable.get(request.id)?.abort(new Cancelled('Cancelled'));
        return;
      case 'connect-peer':
        return this.connectPeer(request);
      case 'span-detail':
        return this.withTrace(request.id, request.handle, (parsed) => {
          if (!(request.index >= 0 && request.index < parsed.trace.spanCount)) {
            throw notFound(`No span ${request.index} in this trace`);
          }
          this.post({ type: 'span-detail', id: request.id, detail: parsed.detail(request.index) });
        });
      case 'span-index-by-id':
        return this.withTrace(request.id, request.handle, (parsed) => {
          this.post({
            type: 'span-index',
            id: request.id,
            index: parsed.spanIndexById(request.spanId),
          });
        });
      case 'find':
        return this.find(request.id, request.handle, request.query);
      case 'analyze':
        return this.analyze(request.id, request.handle);
      case 'minimap-bins':
        return this.withTraceAsync(request.id, request.handle, async ({ trace }, isLoaded) => {
          // On the adjusted axis the bins place spans at their clock-skew-adjusted starts.
          const skew =
            request.timeMode === 'adjusted'
              ? (
                  await this.analyses.get(
                    request.handle,
                    trace.columns,
                    trace.services.length,
                    isLoaded,
                    () => notFound(`Trace handle ${request.handle} was released meanwhile`),
                  )
                ).skew
              : null;
          const axis =
            skew && skew.shiftedCount > 0
              ? {
                  start: skew.adjustedStart,
                  origin: skew.adjustedFirst,
                  duration: skew.adjustedLast - skew.adjustedFirst,
                }
              : recordedAxis(trace.columns, trace.duration);
          const bins = binMinimap(
            trace.columns,
            axis,
            request.width,
            request.height,
            trace.services.length,
          );
          this.post({ type: 'minimap-bins', id: request.id, bins }, [
            bins.density.buffer,
            bins.rowService.buffer,
          ]);
        });
      case 'sort-spans':
        return this.withTraceAsync(request.id, request.handle, async (parsed, isLoaded) => {
          const order = await this.spanOrders.order(
            request.handle,
            parsed.trace,
            request.column,
            request.descending,
            isLoaded,
          );
          this.post({ type: 'span-order', id: request.id, order }, [order.buffer]);
        });
      case 'flame-tree':
        return this.withTraceAsync(request.id, request.handle, async (parsed, isLoaded) => {
          const { tree, transfer } = await buildFlameTreeSliced(parsed.trace, isLoaded);
          this.post({ type: 'flame-tree', id: request.id, tree }, transfer);
        });
      case 'export-json': {
        const parsed = this.traces.get(request.handle);
        return answerExportJson(
          request.id,
          parsed,
          () => this.traces.get(request.handle) !== parsed,
          this.post,
        );
      }
      case 'diff':
        return this.whileCancellable(request.id, (signal) =>
          answerDiff(
            request,
            {
              input: (handle) =>
                this.owns(handle) ? this.traces.get(handle)?.trace : this.peer?.columns(handle),
              // A peer's copy is this request's own: releasing the original does not touch it.
              isCurrent: (handle, input) =>
                !this.owns(handle) || this.traces.get(handle)?.trace === input,
            },
            () => signal.aborted,
            this.post,
          ),
        );
      case 'load-paths': {
        // The DDG's load (trace-paths.ts): parsed, packed and answered; nothing is kept here.
        const controller = new AbortController();
        this.cancellable.set(request.id, controller);
        try {
          return await answerLoadPaths(request, this.deps, controller, this.post);
        } finally {
          this.cancellable.delete(request.id);
        }
      }
      case 'release':
        this.traces.delete(request.handle);
        this.analyses.delete(request.handle);
        this.spanOrders.delete(request.handle);
        return;
    }
  }

  private owns(handle: number): boolean {
    return ownerOfHandle(handle) === this.role;
  }

  private connectPeer(request: ConnectPeerRequest): void {
    if (request.role !== this.role) {
      // Only a fresh worker changes role: handles already given out keep their owner.
      if (this.traces.size > 0) {
        const message = 'A trace worker holding traces cannot change its role';
        this.post({ type: 'error', id: request.id, error: { kind: 'worker', message } });
        return;
      }
      this.role = request.role;
      this.nextHandle = request.role === 'helper' ? 2 : 1;
    }
    this.peer?.close();
    this.peer = new PeerLink(request.port, (handle) =>
      this.owns(handle) ? this.traces.get(handle)?.trace : undefined,
    );
  }

  /** Runs `work` with a signal that a `cancel` of request `id` aborts. */
  private async whileCancellable(
    id: number,
    work: (signal: AbortSignal) => Promise<void>,
  ): Promise<void> {
    const controller = new AbortController();
    this.cancellable.set(id, controller);
    try {
      await work(controller.signal);
    } finally {
      this.cancellable.delete(id);
    }
  }

  /** Handles currently held; for tests and leak checks. */
  get handleCount(): number {
    return this.traces.size;
  }

  private withTrace(id: number, handle: number, run: (parsed: ParsedTrace) => void): void {
    try {
      const parsed = this.traces.get(handle);
      if (!parsed)
        throw notFound(`Trace handle ${handle} is not loaded (released or never loaded)`);
      run(parsed);
    } catch (error) {
      this.post({ type: 'error', id, error: toWireError(error, '') });
    }
  }

  /** Like `withTrace` for sliced work; `isLoaded` turns false if the handle is released meanwhile. */
  private async withTraceAsync(
    id: number,
    handle: number,
    run: (parsed: ParsedTrace, isLoaded: () => boolean) => Promise<void>,
  ): Promise<void> {
    try {
      const parsed = this.traces.get(handle);
      if (!parsed)
        throw notFound(`Trace handle ${handle} is not loaded (released or never loaded)`);
      await run(parsed, () => this.traces.get(handle) === parsed);
    } catch (error) {
      const released =
        error instanceof Abandoned
          ? notFound(`Trace handle ${handle} was released meanwhile`)
          : error;
      this.post({ type: 'error', id, error: toWireError(released, '') });
    }
  }

  private async find(id: number, handle: number, query: string): Promise<void> {
    // Latest wins here too: a newer find stops an attribute scan still running.
    this.latestFind = id;
    try {
      const parsed = this.traces.get(handle);
      if (!parsed)
        throw notFound(`Trace handle ${handle} is not loaded (released or never loaded)`);
      const matches = await this.deps.find(
        parsed,
        query,
        () => this.latestFind !== id || !this.traces.has(handle),
      );
      if (matches) this.post({ type: 'find-result', id, matches }, [matches.buffer]);
    } catch (error) {
      this.post({ type: 'error', id, error: toWireError(error, '') });
    }
  }

  private async analyze(id: number, handle: number): Promise<void> {
    try {
      const parsed = this.traces.get(handle);
      if (!parsed)
        throw notFound(`Trace handle ${handle} is not loaded (released or never loaded)`);
      const { columns, services } = parsed.trace;
      const data = await this.analyses.get(
        handle,
        columns,
        services.length,
        () => this.traces.get(handle) === parsed,
        () => notFound(`Trace handle ${handle} was released during its analysis`),
      );
      const { analysis, viewRows, transfer } = copyForTransfer(
        data,
        this.analyses.defaultViewRows(handle, columns, data),
      );
      this.post({ type: 'analysis', id, analysis, viewRows }, transfer);
    } catch (error) {
      this.post({ type: 'error', id, error: toWireError(error, '') });
    }
  }

  private async loadUrl(request: WorkerRequest & { type: 'load-url' }): Promise<void> {
    const { id, url, timeoutMs, traceId, loadsAtOnce = 1 } = request;
    const controller = new AbortController();
    this.cancellable.set(id, controller);
    try {
      const { result, timings } = await downloadTrace(
        url,
        timeoutMs,
        this.deps,
        controller,
        (p) => this.post({ type: 'progress', id, ...p }),
        loadsAtOnce,
      );
      // A big body's helper may be mapping in the columns' copy (parse-input.ts): its answer is a
      // message, let in by one turn of the event loop.
      const blocks = this.deps.blockMemory;
      if (blocks?.pending) await yieldToEvents();
      this.finishLoad(id, result, url, traceId, timings, blocks);
    } catch (error) {
      this.post({ type: 'error', id, error: toWireError(error, url) });
    } finally {
      this.cancellable.delete(id);
    }
  }

  private async loadBytes(id: number, name: string, bytes: ArrayBuffer): Promise<void> {
    const controller = new AbortController();
    this.cancellable.set(id, controller);
    try {
      const result = await parseBytes(new Uint8Array(bytes), this.deps, {
        bytesTotal: bytes.byteLength,
        onProgress: (progress) => this.post({ type: 'progress', id, ...progress }),
        isCancelled: () => controller.signal.aborted,
      });
      this.finishLoad(id, result, name, undefined);
    } catch (error) {
      this.post({ type: 'error', id, error: toWireError(error, name) });
    } finally {
      this.cancellable.delete(id);
    }
  }

  private finishLoad(
    id: number,
    result: ParseResult,
    source: string,
    traceId: string | undefined,
    timings?: Omit<LoadTimings, 'posted'>,
    /** Where the columns' copy of a single trace may already be mapped in (warm-memory.ts). */
    blocks?: BlockMemory,
  ): void {
    let parsed = result.traces;
    if (traceId !== undefined) {
      const wanted = traceIdKey(traceId);
      const matching = isTraceIdKey(wanted)
        ? parsed.filter((p) => traceIdKey(p.trace.traceId) === wanted)
        : [];
      // A backend that answers with an id spelled differently still shows what it sent.
      if (matching.length > 0) parsed = matching;
    }
    // Taken whatever comes of it, so that a block not used is not kept: one trace uses it.
    const only = parsed.length === 1 ? parsed[0] : undefined;
    const into =
      blocks?.take(only ? only.trace.spanCount * COLUMN_BYTES_PER_SPAN : Infinity) ?? null;
    if (parsed.length === 0) {
      const reason =
        result.errors.length > 0 ? result.errors.join('; ') : 'The response holds no spans.';
      const kind = result.errors.length > 0 ? 'parse' : 'not-found';
      this.post({
        type: 'error',
        id,
        error: { kind, url: source, message: `No trace in ${source}: ${reason}` },
      });
      return;
    }
    const traces: LoadedTrace[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const item of parsed) {
      const handle = this.nextHandle;
      this.nextHandle += 2;
      this.traces.set(handle, item);
      const loaded = toLoadedTrace(handle, item.trace, into);
      traces.push(loaded.trace);
      transfer.push(...loaded.transfer);
    }
    this.post(
      {
        type: 'loaded',
        id,
        traces,
        errors: result.errors,
        ...(timings ? { timings: { ...timings, posted: epochNow() } } : {}),
      },
      transfer,
    );
  }
}
