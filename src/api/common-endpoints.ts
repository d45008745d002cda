/**
 * Rules both clients apply to responses: "404 means nothing found" and summarizing whole-trace
 * responses with the trace model. (Shared endpoints live in client-base.ts.)
 */
import type { SearchResult } from './types';
import { serverMessage } from './api-error';

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

/**
 * Summaries of every trace in a whole-trace response body (v1 envelope or v3 OTLP). The parser is
 * loaded on the first search: in the entry chunk it added ~40 % to the script every page load
 * compiles before its first paint, and a trace page parses in its worker, never here.
 */
export async function summarizeDocument(text: string): Promise<SearchResult> {
  const [{ parseTraceDocument }, { summarizeTrace }] = await Promise.all([
    import('../model/parse-document'),
    import('../model/summarize'),
  ]);
  const parsed = parseTraceDocument(text);
  return { traces: parsed.traces.map((item) => summarizeTrace(item.trace)), errors: parsed.errors };
}

/** Runs `task` over `items` with at most `limit` in flight (browsers queue ~6 per host anyway). */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
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
