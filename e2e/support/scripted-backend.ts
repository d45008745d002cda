/**
 * A scripted Jaeger 1.x backend: a demo build's backend is switched off (the production bundle has
 * none) so every /api call reaches page.route, and v3 answers 404 so Cairn settles on the v1
 * client. Tests then route the endpoints they script; a later page.route wins over these defaults.
 */
import type { Page, Route } from '@playwright/test';

/** Jaeger's v1 envelope around `data`. */
export const envelope = (data: unknown) => ({ data, total: 0, limit: 0, offset: 0, errors: null });

export async function withScriptedBackend(
  page: Page,
  services: readonly string[] = ['frontend', 'customer'],
): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('cairn.demo', 'off'));
  await page.route('**/api/v3/**', (route) =>
    route.fulfill({ status: 404, body: '404 page not found' }),
  );
  await page.route('**/api/services', (route) =>
    route.fulfill({ json: { ...envelope(services), total: services.length } }),
  );
}

/** A v1 trace document ({traceID, spans, processes}) as the backend would hold it. */
export interface V1Trace {
  traceID: string;
  spans: Record<string, unknown>[];
  processes: Record<string, { serviceName: unknown; tags: unknown }>;
  [key: string]: unknown;
}

/**
 * Serves `traces` from the scripted backend: each by id (`/api/traces/<id>`), all of them to any
 * search (`/api/traces?…`), and no operations. `body` overrides the bytes sent for one id.
 */
export async function serveTraces(
  page: Page,
  traces: readonly V1Trace[],
  body?: (id: string) => string | undefined,
): Promise<void> {
  const byId = new Map(traces.map((trace) => [trace.traceID, trace]));
  const json = (route: Route, value: unknown) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(value) });
  await page.route('**/api/operations?*', (route) => json(route, envelope([])));
  await page.route('**/api/services/*/operations', (route) => json(route, envelope([])));
  await page.route(
    (url) => url.pathname.endsWith('/api/traces'),
    (route) => {
      const asked = new URL(route.request().url()).searchParams.getAll('traceID');
      const found = asked.length ? traces.filter((t) => asked.includes(t.traceID)) : traces;
      return json(route, envelope(found));
    },
  );
  await page.route(
    (url) => url.pathname.includes('/api/traces/'),
    (route) => {
      const raw = new URL(route.request().url()).pathname.replace(/^.*\/api\/traces\//, '');
      const id = decodeURIComponent(raw);
      const override = body?.(id);
      if (override !== undefined)
        return route.fulfill({ contentType: 'application/json', body: override });
      const trace = byId.get(id);
      if (!trace)
        return route.fulfill({
          status: 404,
          json: { ...envelope(null), errors: [{ code: 404, msg: 'trace not found' }] },
        });
      return json(route, envelope([trace]));
    },
  );
}
