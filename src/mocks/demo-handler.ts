/**
 * The demo Jaeger: a fetch-style handler answering both query APIs (v3 of Jaeger 2.x and v1 of
 * Jaeger 1.x) from the deterministic corpus, with the same status codes and error shapes as the
 * real servers. Big traces are streamed. Adapters: browser.ts (MSW) and node-server.ts.
 */
import type { DemoStore, DemoStoreOptions } from './demo-store';
import { createDemoStore } from './demo-store';
import type { DemoContext } from './demo-context';
import { notFoundRoute } from './demo-context';
import { V1_ROUTES } from './demo-routes-v1';
import { V3_ROUTES } from './demo-routes-v3';
import { metricsRoute } from './demo-routes-metrics';

export type DemoApi = 'both' | 'v1' | 'v3';

/** Search bodies kept for repeated searches (DemoContext.remembered). */
const REMEMBERED_BODIES = 4;

export interface DemoHandlerOptions extends DemoStoreOptions {
  /** 'both' is what Jaeger 2.x serves; 'v1' hides /api/v3 (404) so clients detect a Jaeger 1.x. */
  readonly api?: DemoApi;
}

export function createDemoHandler(
  options: DemoHandlerOptions = {},
): (request: Request) => Promise<Response | undefined> {
  let store: DemoStore | undefined;
  const api = options.api ?? 'both';
  const bodies = new Map<string, string>();
  const remembered = (key: string, build: () => string) => {
    let body = bodies.get(key);
    if (body === undefined) {
      body = build();
      bodies.set(key, body);
      // Insertion order: the oldest goes first.
      for (const old of bodies.keys()) {
        if (bodies.size <= REMEMBERED_BODIES) break;
        bodies.delete(old);
      }
    }
    return body;
  };
  return (request: Request) => {
    const url = new URL(request.url);
    const at = url.pathname.indexOf('/api/');
    if (at < 0) return Promise.resolve(undefined);
    // Built on first use, so "now" is when the demo starts serving, not when the module loaded.
    store ??= createDemoStore(options);
    let segments: string[];
    try {
      segments = url.pathname
        .slice(at + '/api/'.length)
        .split('/')
        .map(decodeURIComponent);
    } catch {
      return Promise.resolve(notFoundRoute());
    }
    const context: DemoContext = {
      store,
      url,
      method: request.method.toUpperCase(),
      segments,
      bigStart: store.now - 10 * 60_000_000,
      remembered,
    };
    // The metrics API is the same in Jaeger 1.x and 2.x.
    const routes =
      segments[0] === 'metrics'
        ? [metricsRoute]
        : segments[0] === 'v3'
          ? api === 'v1'
            ? []
            : V3_ROUTES
          : api === 'v3' && segments[0] !== 'dependencies'
            ? []
            : V1_ROUTES;
    for (const route of routes) {
      const response = route(context);
      if (response) return Promise.resolve(response);
    }
    return Promise.resolve(notFoundRoute());
  };
}

let shared: ((request: Request) => Promise<Response | undefined>) | undefined;

/**
 * The default demo backend (seeded, times relative to its first request). Returns undefined for
 * requests outside `/api/`, so adapters can pass those on.
 */
export function handleDemoRequest(request: Request): Promise<Response | undefined> {
  shared ??= createDemoHandler();
  return shared(request);
}
