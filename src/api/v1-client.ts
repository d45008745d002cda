/** Jaeger 1.x: the `/api/...` query endpoints with the `{data, errors}` envelope and µs times. */
import type { JaegerClient, Operation, SearchResult, TraceQuery, TraceSummary } from './types';
import { JaegerClientBase } from './client-base';
import { isJsonNotFound, summarizeDocument } from './common-endpoints';
import { ApiError } from './api-error';
import { fetchJson, fetchText, httpFailure, parseJson } from './http';
import { attributesParam, goDuration, microsParam } from './query-format';
import { jaegerApiError } from '../model/document/walk-value';
import { isTraceIdKey, traceIdKey } from '../model/ids';
import { isV1Operations, isV1Strings, isV1Traces, toOperations } from './v1-shapes';

/** 50 ids of 32 hex digits make a URL of about 2 KB, well inside what proxies accept. */
const IDS_PER_LOOKUP = 50;

export function v1SearchParams(query: TraceQuery): [string, string][] {
  const params: [string, string][] = [];
  if (query.service !== undefined) params.push(['service', query.service]);
  if (query.operation) params.push(['operation', query.operation]);
  const tags = attributesParam(query.attributes);
  if (tags) params.push(['tags', tags]);
  params.push(['start', microsParam(query.start)], ['end', microsParam(query.end)]);
  if (query.minDuration !== undefined) params.push(['minDuration', goDuration(query.minDuration)]);
  if (query.maxDuration !== undefined) params.push(['maxDuration', goDuration(query.maxDuration)]);
  params.push(['limit', String(query.limit)]);
  return params;
}

interface FoundTraces {
  readonly traces: readonly TraceSummary[];
  readonly serverErrors: readonly { code: number | undefined; traceId: string; line: string }[];
  readonly parseErrors: readonly string[];
}

export class JaegerV1Client extends JaegerClientBase implements JaegerClient {
  readonly version = 'v1' as const;

  async services(signal?: AbortSignal): Promise<string[]> {
    const body = await fetchJson(
      this.url('api/services'),
      isV1Strings,
      'the service list',
      this.request(signal),
    );
    return [...(body.data ?? [])];
  }

  /** `/api/operations` knows span kinds; Jaeger before 1.16 only has the per-service route. */
  async operations(service: string, signal?: AbortSignal): Promise<Operation[]> {
    try {
      const url = this.url('api/operations', [['service', service]]);
      const body = await fetchJson(url, isV1Operations, 'the operation list', this.request(signal));
      return toOperations(body.data ?? []);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
    const url = this.url(`api/services/${encodeURIComponent(service)}/operations`);
    const body = await fetchJson(url, isV1Strings, 'the operation list', this.request(signal));
    return (body.data ?? []).map((name) => ({ name, spanKind: '' }));
  }

  async search(query: TraceQuery, signal?: AbortSignal): Promise<SearchResult> {
    const found = await this.fetchTraces(this.url('api/traces', v1SearchParams(query)), signal);
    return {
      traces: found.traces,
      errors: [...found.serverErrors.map((item) => item.line), ...found.parseErrors],
    };
  }

  async findByIds(
    ids: readonly string[],
    signal?: AbortSignal,
  ): Promise<SearchResult & { readonly missing: readonly string[] }> {
    const unique = [...new Map(ids.map((id) => [traceIdKey(id), id])).values()];
    if (unique.length === 0) return { traces: [], errors: [], missing: [] };
    const url = this.url(
      'api/traces',
      unique.map((id): [string, string] => ['traceID', id]),
    );
    const { traces, serverErrors, parseErrors } = await this.fetchTraces(url, signal);
    const found = new Set(traces.map((trace) => traceIdKey(trace.traceId)).filter(isTraceIdKey));
    const missing = unique.filter((id) => !found.has(traceIdKey(id)));
    // Jaeger reports each id it could not find as a 404 error; listing it under `missing` says it once.
    const gone = new Set(missing.map(traceIdKey));
    const errors = serverErrors
      .filter((item) => !(item.code === 404 && gone.has(item.traceId)))
      .map((item) => item.line);
    return { traces, errors: [...errors, ...parseErrors], missing };
  }

  traceUrl(traceId: string): string {
    return this.url(`api/traces/${encodeURIComponent(traceId)}`);
  }

  searchTracesUrl(query: TraceQuery): string {
    return this.url('api/traces', v1SearchParams(query));
  }

  /** Many ids a request (the multi-id lookup), in groups that keep each URL near 2 KB. */
  traceUrls(ids: readonly string[]): string[] {
    const urls: string[] = [];
    for (let at = 0; at < ids.length; at += IDS_PER_LOOKUP)
      urls.push(
        this.url(
          'api/traces',
          ids.slice(at, at + IDS_PER_LOOKUP).map((id): [string, string] => ['traceID', id]),
        ),
      );
    return urls;
  }

  /**
   * Whole traces in the v1 envelope, summarized. `errors[]` can come with HTTP 200 and partial data:
   * the data is kept and every error surfaces (server errors first, then parse problems).
   */
  private async fetchTraces(url: string, signal: AbortSignal | undefined): Promise<FoundTraces> {
    const { text, response } = await fetchText(url, this.request(signal));
    if (isJsonNotFound(response.status, text)) {
      // Everything asked for is missing; nothing else to report.
      return { traces: [], serverErrors: [], parseErrors: [] };
    }
    if (!response.ok) throw httpFailure(response, text, url);
    const body = parseJson(text, isV1Traces, url, 'traces');
    const serverErrors = body.errors ?? [];
    // Worded by the model, which also reports the envelope's errors while parsing; each is kept
    // once, here, with its trace id and code so lookups can tell "missing" from "failed".
    const lines = serverErrors.map(jaegerApiError);
    const summary =
      (body.data ?? []).length > 0 ? await summarizeDocument(text) : { traces: [], errors: [] };
    const parseErrors = [...summary.errors];
    for (const line of lines) {
      const at = parseErrors.indexOf(line);
      if (at >= 0) parseErrors.splice(at, 1);
    }
    return {
      traces: summary.traces,
      serverErrors: serverErrors.map((error, i) => ({
        code: error.code,
        traceId: traceIdKey(error.traceID ?? ''),
        line: lines[i] ?? error.msg,
      })),
      parseErrors,
    };
  }
}
