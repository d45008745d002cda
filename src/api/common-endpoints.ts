/**
 * What both clients share: the dependencies and archive endpoints (served under /api/ by Jaeger 1.x
 * and 2.x alike; the v3 gateway has no dependencies route), the "404 means nothing found" rule and
 * summarizing whole-trace responses with the trace model.
 */
import type { DependencyLink, SearchResult } from './types';
import { serverMessage } from './api-error';
import { apiUrl, fetchJson, fetchText, httpFailure } from './http';
import { isV1Dependencies } from './v1-shapes';
import { parseTraceDocument } from '../model/parse-document';
import { summarizeTrace } from '../model/summarize';

export interface ClientOptions {
  /** Per-request timeout; the default suits search on a slow storage backend. */
  readonly timeoutMs?: number;
}

export async function fetchDependencies(
  base: string,
  endTs: number,
  lookbackMs: number,
  signal: AbortSignal | undefined,
  options: ClientOptions,
): Promise<DependencyLink[]> {
  const url = apiUrl(base, 'api/dependencies', [
    ['endTs', String(Math.round(endTs))],
    ['lookback', String(Math.round(lookbackMs))],
  ]);
  const body = await fetchJson(url, isV1Dependencies, 'dependencies', { signal, timeoutMs: options.timeoutMs });
  return (body.data ?? []).map((link) => ({ parent: link.parent, child: link.child, callCount: link.callCount }));
}

/** Copies a trace to archive storage (v1 endpoint; Jaeger 2.x still serves it when archive storage is configured). */
export async function archiveTrace(
  base: string,
  traceId: string,
  signal: AbortSignal | undefined,
  options: ClientOptions,
): Promise<void> {
  const url = apiUrl(base, `api/archive/${encodeURIComponent(traceId)}`);
  const { text, response } = await fetchText(url, { method: 'POST', signal, timeoutMs: options.timeoutMs });
  if (!response.ok) throw httpFailure(response, text, url);
}

/**
 * Jaeger answers "nothing matched" with 404 and a JSON error ("No traces found", "trace not
 * found"). A 404 without Jaeger's JSON (a proxy, a wrong base path) is a real error.
 */
export function isJsonNotFound(status: number, text: string): boolean {
  if (status !== 404) return false;
  try {
    return serverMessage(JSON.parse(text) as unknown) !== '';
  } catch {
    return false;
  }
}

/** Summaries of every trace in a whole-trace response body (v1 envelope or v3 OTLP). */
export function summarizeDocument(text: string): SearchResult {
  const parsed = parseTraceDocument(text);
  return { traces: parsed.traces.map((item) => summarizeTrace(item.trace)), errors: parsed.errors };
}

/** Runs `task` over `items` with at most `limit` in flight (browsers queue ~6 per host anyway). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const EMPTY_RESULT: SearchResult = { traces: [], errors: [] };
