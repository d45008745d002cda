/**
 * A backend that is not healthy, for every page that asks it something: each failure of
 * API_FAILURES is served on the endpoint of each page of API_PAGES (api-failures.spec.ts runs the
 * product). The page must say what failed and where (an alert naming the URL), run nothing from the
 * answer, and stay usable.
 */
import type { Route } from '@playwright/test';
import { MARKUP } from './payloads';

export interface ApiPage {
  readonly page: string;
  /** Where the page is opened (relative to the app's base). */
  readonly path: string;
  /** The endpoint that fails. */
  readonly endpoint: (url: URL) => boolean;
  /** What the message must name: the failing URL's path. */
  readonly names: string;
  /**
   * For a page that asks the endpoint several times at once (the monitor: a request a metric): the
   * one request that gets a heavy failure, the backend answering the others and any retry.
   */
  readonly heavyOnlyOn?: (url: URL) => boolean;
}

export const API_PAGES: readonly ApiPage[] = [
  {
    page: 'search',
    path: 'search?service=frontend&lookback=1h',
    endpoint: (url) => url.pathname.endsWith('/api/traces'),
    names: '/api/traces',
  },
  {
    page: 'trace',
    path: 'trace/abc123',
    endpoint: (url) => url.pathname.endsWith('/api/traces/abc123'),
    names: '/api/traces/abc123',
  },
  {
    page: 'compare',
    path: 'compare?cohort=abc123&cohort=def456',
    endpoint: (url) => url.pathname.includes('/api/traces/'),
    names: '/api/traces/',
  },
  {
    page: 'dependencies',
    path: 'dependencies',
    endpoint: (url) => url.pathname.endsWith('/api/dependencies'),
    names: '/api/dependencies',
  },
  {
    page: 'deep dependencies',
    path: 'deep-dependencies?service=frontend',
    endpoint: (url) => url.pathname.endsWith('/api/traces'),
    names: '/api/traces',
  },
  {
    page: 'monitor',
    path: 'monitor?service=frontend',
    endpoint: (url) => url.pathname.includes('/api/metrics/'),
    names: '/api/metrics/',
    // Not minstep: without it the monitor keeps its default step and says nothing, by design.
    heavyOnlyOn: (url) => url.pathname.endsWith('/latencies'),
  },
];

export interface ApiFailure {
  readonly name: string;
  readonly respond: (route: Route) => Promise<void>;
  /** What the message must say besides the URL. */
  readonly says: RegExp;
  /**
   * Heavy to serve: Playwright hands each fulfilled body to the browser through the DevTools
   * protocol, so a page asking several requests at once gets it on one only (`heavyOnlyOn`): the
   * monitor's 20 MB case took 17-40 s when every metric got it.
   */
  readonly heavy?: true;
}

const v1Error = (code: number, msg: string) => ({
  data: null,
  total: 0,
  limit: 0,
  offset: 0,
  errors: [{ code, msg }],
});

export const API_FAILURES: readonly ApiFailure[] = [
  {
    name: '500 with a JSON error whose message holds markup',
    respond: (route) =>
      route.fulfill({ status: 500, json: v1Error(500, `storage down ${MARKUP.img}`) }),
    says: /HTTP 500/,
  },
  {
    name: '502 HTML page from a proxy, with script in it',
    respond: (route) =>
      route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: `<html><body><h1>502 Bad Gateway</h1>${MARKUP.script}${MARKUP.img}</body></html>`,
      }),
    says: /HTTP 502 Bad Gateway/,
  },
  {
    name: '404 from a router that does not know the path',
    respond: (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: '404 page not found' }),
    says: /HTTP 404 Not Found/,
  },
  {
    name: 'an empty 200',
    respond: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '' }),
    says: /empty/i,
  },
  {
    name: 'a 200 HTML login page instead of JSON',
    respond: (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html><body><form>Sign in</form>${MARKUP.script}</body></html>`,
      }),
    // Every page alike, the trace page (whose worker streams the body) too.
    says: /Got an HTML page instead of/,
  },
  {
    name: 'a truncated JSON body',
    respond: (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"data":[{"traceID":"abc123","spans":[{"spanID":"00',
      }),
    says: /not (valid )?JSON/,
  },
  {
    name: 'JSON of the wrong shape',
    respond: (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{"data":"not a list","errors":7,"metrics":{"a":1}}',
      }),
    says: /Unexpected shape|not trace data/,
  },
  {
    name: 'a 20 MB body that is not JSON',
    respond: (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: `{"data":[${'x'.repeat(20 * 1024 * 1024)}`,
      }),
    says: /not (valid )?JSON/,
    heavy: true,
  },
  {
    name: 'a connection reset',
    respond: (route) => route.abort('connectionreset'),
    says: /Could not reach/,
  },
];
