/** Jaeger 2.x: the api_v3 HTTP gateway (OTLP JSON traces, camelCase `query.*` parameters). */
import type { JaegerClient, Operation, SearchResult, TraceQuery } from './types';
import { JaegerClientBase } from './client-base';
import { EMPTY_RESULT, isJsonNotFound, mapLimit, summarizeDocument } from './common-endpoints';
import { fetchJson, fetchText, httpFailure, parseJson } from './http';
import { attributesParam, goDuration, rfc3339Nano } from './query-format';
import {
  isV3Operations,
  isV3Services,
  isV3Summaries,
  isV3TracesEnvelope,
  toOperations,
  toTraceSummary,
} from './v3-shapes';
import { isTraceIdKey, traceIdKey } from '../model/ids';

/** Parameter names as in jaeger-idl's query_service.openapi.yaml (canonical camelCase). */
export function v3SearchParams(query: TraceQuery): [string, string][] {
  const params: [string, string][] = [];
  if (query.service !== undefined) params.push(['query.serviceName', query.service]);
  if (query.operation) params.push(['query.operationName', query.operation]);
  const attributes = attributesParam(query.attributes);
  if (attributes) params.push(['query.attributes', attributes]);
  params.push(
    ['query.startTimeMin', rfc3339Nano(query.start)],
    ['query.startTimeMax', rfc3339Nano(query.end)],
  );
  if (query.minDuration !== undefined)
    params.push(['query.durationMin', goDuration(query.minDuration)]);
  if (query.maxDuration !== undefined)
    params.push(['query.durationMax', goDuration(query.maxDuration)]);
  params.push(['query.searchDepth', String(query.limit)]);
  return params;
}

export class JaegerV3Client extends JaegerClientBase implements JaegerClient {
  readonly version = 'v3' as const;
  /** Learned on the first search: trace-summaries is new in Jaeger 2.x and absent before it. */
  private hasSummaries: boolean | undefined;

  async services(signal?: AbortSignal): Promise<string[]> {
    const body = await fetchJson(
      this.url('api/v3/services'),
      isV3Services,
      'the service list',
      this.request(signal),
    );
    return [...(body.services ?? [])];
  }

  async operations(service: string, signal?: AbortSignal): Promise<Operation[]> {
    const url = this.url('api/v3/operations', [['service', service]]);
    return toOperations(
      await fetchJson(url, isV3Operations, 'the operation list', this.request(signal)),
    );
  }

  async search(query: TraceQuery, signal?: AbortSignal): Promise<SearchResult> {
    const params = v3SearchParams(query);
    if (this.hasSummaries !== false) {
      const url = this.url('api/v3/trace-summaries', params);
      const { text, response } = await fetchText(url, this.request(signal));
      if (response.ok) {
        this.hasSummaries = true;
        const body = parseJson(text, isV3Summaries, url, 'trace summaries');
        return { traces: (body.summaries ?? []).map(toTraceSummary), errors: [] };
      }
      if (isJsonNotFound(response.status, text)) return EMPTY_RESULT;
      // A bare 404 (or 405 from an older gateway) means the route does not exist here.
      if (response.status !== 404 && response.status !== 405)
        throw httpFailure(response, text, url);
      this.hasSummaries = false;
    }
    return this.fetchTraces(this.url('api/v3/traces', params), signal);
  }

  async findByIds(
    ids: readonly string[],
    signal?: AbortSignal,
  ): Promise<SearchResult & { readonly missing: readonly string[] }> {
    const unique = [...new Map(ids.map((id) => [traceIdKey(id), id])).values()];
    // v3 has no multi-id lookup: one GET per id, a few at a time.
    const results = await mapLimit(unique, 4, async (id) => ({
      id,
      result: await this.fetchTraces(this.traceUrl(id), signal),
    }));
    const traces = results.flatMap(({ result }) => result.traces);
    const found = new Set(traces.map((trace) => traceIdKey(trace.traceId)).filter(isTraceIdKey));
    return {
      traces,
      errors: results.flatMap(({ result }) => result.errors),
      missing: unique.filter((id) => !found.has(traceIdKey(id))),
    };
  }

  traceUrl(traceId: string): string {
    return this.url(`api/v3/traces/${encodeURIComponent(traceId)}`);
  }

  searchTracesUrl(query: TraceQuery): string {
    return this.url('api/v3/traces', v3SearchParams(query));
  }

  /** The gateway has no multi-id lookup. */
  traceUrls(ids: readonly string[]): string[] {
    return ids.map((id) => this.traceUrl(id));
  }

  /** A whole-trace OTLP response (search fallback, lookup by id), summarized; 404 "No traces found" → empty. */
  private async fetchTraces(url: string, signal: AbortSignal | undefined): Promise<SearchResult> {
    const { text, response } = await fetchText(url, this.request(signal));
    if (isJsonNotFound(response.status, text)) return EMPTY_RESULT;
    if (!response.ok) throw httpFailure(response, text, url);
    parseJson(text, isV3TracesEnvelope, url, 'traces');
    return summarizeDocument(text);
  }
}
