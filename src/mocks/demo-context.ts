/** What the demo routes share: the request context and Jaeger-shaped responses. */
import type { DemoStore } from './demo-store';
import type { DemoTrace } from './demo-trace';
import { parseBigTraceId } from './big-traces';
import { bigTraceChunks, chunksToStream } from './big-trace-stream';

/** What a route gets: the lazily built store, the request and the path after `/api/`. */
export interface DemoContext {
  readonly store: DemoStore;
  readonly url: URL;
  readonly method: string;
  /** Path segments after `/api/`, decoded. */
  readonly segments: readonly string[];
  /** Start of big traces: a few minutes before the corpus' "now". */
  readonly bigStart: number;
  /**
   * A response body remembered by `key` (the last few): asking the same search again answers
   * without encoding its traces again — 1,500 traces are ~0.5 s of JSON encoding in Node, which
   * a benchmark of the page would otherwise count. Same data, same bytes.
   */
  readonly remembered: (key: string, build: () => string) => string;
}

export type DemoRoute = (context: DemoContext) => Response | undefined;

export const jsonResponse = (status: number, body: string): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'application/json' } });

/** Go's ServeMux answer for a route it does not know. */
export const notFoundRoute = (): Response =>
  new Response('404 page not found\n', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

export function streamBigTrace(
  context: DemoContext,
  traceId: string,
  format: 'v1' | 'otlp',
): Response | undefined {
  const spec = parseBigTraceId(traceId);
  if (!spec) return undefined;
  const body = chunksToStream(bigTraceChunks(spec, format, context.store.seed, context.bigStart));
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

export const findTrace = (context: DemoContext, traceId: string): DemoTrace | undefined =>
  context.store.byId.get(traceId.toLowerCase());
