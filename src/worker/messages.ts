/**
 * The one protocol between the main thread and the trace worker. Every message carries a request
 * id; replies echo it. A newer request of the same `channel` supersedes older ones: the client
 * drops replies whose id is not the latest of their channel (latest wins).
 *
 * Bulk data (the columns of a trace) travels as transferred ArrayBuffers, never copied.
 */
import type { Finding, TraceColumns, TraceSummaryInfo } from '../model/trace';
import type { SpanDetail } from '../model/span-detail';
import type { TraceAnalysisData } from '../model/analysis/trace-analysis';
import type { DefaultViewRows } from './trace-analyses';
import type { MinimapBins } from '../model/minimap-bins';
import type { FlameTree } from '../model/analysis/flame-tree';
import type { SpanColumn } from '../model/analysis/span-sort';
import type { ExportJsonRequest, ExportJsonResponse } from './export-messages';
import type { DiffCoreResponse, DiffRequest, DiffResponse } from './diff-messages';
import type { ConnectPeerRequest } from './peer-messages';
import type { LoadTimings } from './load-timings';
import type { LoadPathsRequest, TracePathsResponse } from './trace-paths-messages';

/** A trace held by the worker, as the main thread sees it. `handle` names it in later requests. */
export interface LoadedTrace extends TraceSummaryInfo {
  readonly handle: number;
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
  readonly findings: readonly Finding[];
  readonly warnings: readonly string[];
}

/** Error as it crosses the worker boundary (an ApiError or a parse error flattened). */
export interface WireError {
  readonly message: string;
  /** HTTP status, when the failure came from an HTTP response. */
  readonly status?: number;
  readonly url?: string;
  readonly bodyExcerpt?: string;
  /** 'http' | 'network' | 'timeout' | 'parse' | 'aborted' | 'not-found' */
  readonly kind: string;
}

export type WorkerRequest =
  | {
      readonly type: 'load-url';
      readonly id: number;
      readonly url: string;
      /** Which trace id to keep when a response mixes several (v3 search); all when absent. */
      readonly traceId?: string;
      readonly timeoutMs: number;
      /** Traces the page downloads at once, this one included (TraceLoadOptions). */
      readonly loadsAtOnce?: number;
    }
  | {
      readonly type: 'load-bytes';
      readonly id: number;
      /** File name, used in error messages. */
      readonly name: string;
      readonly bytes: ArrayBuffer;
    }
  | { readonly type: 'cancel'; readonly id: number }
  | {
      readonly type: 'span-detail';
      readonly id: number;
      readonly handle: number;
      readonly index: number;
    }
  | {
      readonly type: 'find';
      readonly id: number;
      readonly handle: number;
      /** The raw find text as typed; parsed in the worker. */
      readonly query: string;
    }
  | {
      readonly type: 'span-index-by-id';
      readonly id: number;
      readonly handle: number;
      readonly spanId: string;
    }
  /** Clock skew, critical path and repeated siblings; asked after `loaded`, cached per handle. */
  | { readonly type: 'analyze'; readonly id: number; readonly handle: number }
  | {
      readonly type: 'minimap-bins';
      readonly id: number;
      readonly handle: number;
      /** Canvas size in pixels. */
      readonly width: number;
      readonly height: number;
      /** Spans at their recorded or clock-skew-adjusted starts (the waterfall's axis). */
      readonly timeMode: 'raw' | 'adjusted';
    }
  /** The span table's order; the worker caches it per (handle, column). */
  | {
      readonly type: 'sort-spans';
      readonly id: number;
      readonly handle: number;
      readonly column: SpanColumn;
      readonly descending: boolean;
    }
  /** The flame graph's merged tree, built in slices in the worker. */
  | { readonly type: 'flame-tree'; readonly id: number; readonly handle: number }
  | ExportJsonRequest
  | DiffRequest
  | ConnectPeerRequest
  | LoadPathsRequest
  | { readonly type: 'release'; readonly id: number; readonly handle: number };

export type WorkerResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly bytesReceived: number;
      /** Total from Content-Length when known, else -1. */
      readonly bytesTotal: number;
      readonly spansParsed: number;
    }
  | {
      readonly type: 'loaded';
      readonly id: number;
      readonly traces: readonly LoadedTrace[];
      /** Problems the parser reported next to the traces it could read (shown, not fatal). */
      readonly errors?: readonly string[];
      /** Where a URL load's time went in the worker (load-timings.ts). */
      readonly timings?: LoadTimings;
    }
  | { readonly type: 'span-detail'; readonly id: number; readonly detail: SpanDetail }
  | {
      readonly type: 'find-result';
      readonly id: number;
      /** Indexes of matching spans, ascending. */
      readonly matches: Int32Array;
    }
  | { readonly type: 'span-index'; readonly id: number; readonly index: number }
  /**
   * Every typed array in `analysis` and `viewRows` (the waterfall's rows of the default view,
   * null when no runs fold) is
   * transferred (a fresh copy; the worker keeps its own).
   */
  | {
      readonly type: 'analysis';
      readonly id: number;
      readonly analysis: TraceAnalysisData;
      readonly viewRows: DefaultViewRows | null;
    }
  /** `density` and `rowService` are transferred. */
  | { readonly type: 'minimap-bins'; readonly id: number; readonly bins: MinimapBins }
  /** Span indexes in display order; transferred. */
  | { readonly type: 'span-order'; readonly id: number; readonly order: Int32Array }
  /** Every typed array of `tree` is transferred. */
  | { readonly type: 'flame-tree'; readonly id: number; readonly tree: FlameTree }
  | ExportJsonResponse
  | DiffCoreResponse
  | DiffResponse
  | TracePathsResponse
  | { readonly type: 'error'; readonly id: number; readonly error: WireError };

export type WorkerRequestType = WorkerRequest['type'];

/**
 * The one request → reply map: for each request that is answered, the type of the reply that
 * answers it (any request may also be answered by `error`; a load by `progress` first, a diff by
 * `diff-core`). The client checks replies against it in one place, so no call checks a reply by
 * hand.
 */
export const REPLY_OF = {
  'load-url': 'loaded',
  'load-bytes': 'loaded',
  'span-detail': 'span-detail',
  find: 'find-result',
  'span-index-by-id': 'span-index',
  analyze: 'analysis',
  'minimap-bins': 'minimap-bins',
  'sort-spans': 'span-order',
  'flame-tree': 'flame-tree',
  'export-json': 'export-json',
  diff: 'diff',
  'load-paths': 'trace-paths',
} as const satisfies Partial<Record<WorkerRequestType, WorkerResponse['type']>>;

/** A request type the worker answers (not `cancel` or `release`). */
export type AskedType = keyof typeof REPLY_OF;
export type RequestOf<K extends AskedType> = Extract<WorkerRequest, { readonly type: K }>;
export type ReplyTo<K extends AskedType> = Extract<
  WorkerResponse,
  { readonly type: (typeof REPLY_OF)[K] }
>;
/** What a caller gives for a request: everything but the type and the id the client assigns. */
export type ArgsOf<K extends AskedType> = Omit<RequestOf<K>, 'type' | 'id'>;
