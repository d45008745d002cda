import type { Micros } from '../model/units';
import type { TraceSummary } from '../model/trace-summary';

export type { TraceSummary };

/** One search, in Cairn's terms; each client maps it to its API version's query string. */
export interface TraceQuery {
  /**
   * Absent: every service, for backends that report `searchWithoutServiceName` (both API
   * versions then get no service parameter at all).
   */
  readonly service?: string;
  /** Empty or absent: all operations. */
  readonly operation?: string;
  /** Exact-match attributes (Jaeger "tags"). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Absolute µs since the epoch. */
  readonly start: Micros;
  readonly end: Micros;
  readonly minDuration?: Micros;
  readonly maxDuration?: Micros;
  readonly limit: number;
}

export interface Operation {
  readonly name: string;
  /** '' when the server does not say. */
  readonly spanKind: string;
}

export interface SearchResult {
  readonly traces: readonly TraceSummary[];
  /** Partial failures reported by the server next to data (v1 `errors[]`). */
  readonly errors: readonly string[];
}

export interface DependencyLink {
  readonly parent: string;
  readonly child: string;
  readonly callCount: number;
}

export type ApiVersion = 'v3' | 'v1';

/**
 * The one interface over Jaeger's query API. `JaegerV3Client` and `JaegerV1Client` implement it;
 * `detectClient` probes the server once and picks.
 */
export interface JaegerClient {
  readonly version: ApiVersion;
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<Operation[]>;
  search(query: TraceQuery, signal?: AbortSignal): Promise<SearchResult>;
  /** Summaries of the given traces (lookup of several ids); ids not found are listed apart. */
  findByIds(
    ids: readonly string[],
    signal?: AbortSignal,
  ): Promise<SearchResult & { readonly missing: readonly string[] }>;
  /** `demoServices`: the demo backend's topology size (src/mocks/README.md); Jaeger ignores it. */
  dependencies(
    endTs: number,
    lookbackMs: number,
    signal?: AbortSignal,
    demoServices?: string,
  ): Promise<DependencyLink[]>;
  /** URL the trace worker fetches (and streams) for one trace. */
  traceUrl(traceId: string): string;
  /**
   * URL of a search's full traces in one document, every span (v1 `/api/traces?…`, v3
   * `/api/v3/traces?query.…`), for the trace worker: `search` may answer with summaries only.
   */
  searchTracesUrl(query: TraceQuery): string;
  /** URLs that together hold the full traces of `ids`: v1 answers many ids at once, v3 one each. */
  traceUrls(ids: readonly string[]): string[];
  /** Copy a trace to archive storage (`POST /api/archive/{id}`); absent where unsupported. */
  archive?(traceId: string, signal?: AbortSignal): Promise<void>;
}
