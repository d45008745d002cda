/**
 * The `nginx` project's fixtures: the production bundle behind a real nginx running the repo's
 * own deploy/nginx config (at / and under /jaeger/, each in front of a stand-in jaeger-query with
 * the demo data), and a CSP watch that fails any test during which the page, or any frame in
 * it, reported a Content-Security-Policy or Trusted Types violation.
 */
import { test as base, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { startNginx, type NginxSite, type RunningNginx } from '../../deploy/local-nginx';
import { freePort, PROD_DIST, startNodeServer, type RunningServer } from '../support/servers';

export interface NginxStack {
  /** Cairn at / (cairn.conf) and under /jaeger/ (cairn-subpath.conf), trailing slash included. */
  readonly root: string;
  readonly subPath: string;
  /** Cairn at / in front of a jaeger-query that is down: nginx answers /api with its own 502. */
  readonly apiDown: string;
  /** An origin that is not Cairn's (localhost vs 127.0.0.1) serving a page that frames a URL. */
  readonly framingOrigin: string;
  /** Starts another nginx on the same bundle and API with a different $cairn_frame_ancestors. */
  withFrameAncestors(value: string): Promise<{ root: string; stop(): Promise<void> }>;
}

/** A stand-in jaeger-query: the demo backend answering `${base}api/` (scripts/serve-static.mjs). */
function startApi(base: string): Promise<RunningServer> {
  const port = freePort();
  return startNodeServer(
    'scripts/serve-static.mjs',
    [PROD_DIST, '--port', String(port), '--base', base, '--api', 'demo'],
    `http://127.0.0.1:${port}${base}api/v3/services`,
  );
}

/** `/?src=<url>` answers a page with one iframe of that URL: a dashboard embedding Cairn. */
function startFramingHost(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://localhost').searchParams.get('src') ?? '';
    const attribute = src
      .replaceAll('&', '&amp;')
      .replaceAll('"', '&quot;')
      .replaceAll('<', '&lt;');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>Dashboard</title><h1>Dashboard</h1>` +
        `<iframe title="Cairn" src="${attribute}" width="1100" height="650"></iframe></html>`,
    );
  });
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve(server)));
}

export interface CspWatch {
  readonly violations: string[];
  /** Violations this test expects (matched against the report text); the rest still fail it. */
  expect(pattern: RegExp): void;
}

declare global {
  interface Window {
    __cairnCspViolation?: (report: string) => void;
  }
}

export const test = base.extend<{ csp: CspWatch }, { stack: NginxStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructured fixtures.
    async ({}, use) => {
      const apis = await Promise.all([startApi('/'), startApi('/jaeger/')]);
      const api = (server: RunningServer) => new URL(server.url).host;
      const [rootApi, subApi] = apis as [RunningServer, RunningServer];
      const hostPort = freePort();
      const framingOrigin = `http://localhost:${hostPort}`;
      const host = await startFramingHost(hostPort);
      const sites = (): [NginxSite, NginxSite] => [
        { file: 'cairn.conf', port: freePort(), api: api(rootApi) },
        { file: 'cairn-subpath.conf', port: freePort(), api: api(subApi) },
      ];
      const main = sites();
      // Nothing listens on this port of the run's own range.
      const down: NginxSite = {
        file: 'cairn.conf',
        port: freePort(),
        api: `127.0.0.1:${freePort()}`,
      };
      const nginxes: RunningNginx[] = [
        await startNginx({
          dist: PROD_DIST,
          sites: [...main, down],
          frameAncestors: `'self' ${framingOrigin}`,
        }),
      ];
      await use({
        root: `http://127.0.0.1:${main[0].port}/`,
        subPath: `http://127.0.0.1:${main[1].port}/jaeger/`,
        apiDown: `http://127.0.0.1:${down.port}/`,
        framingOrigin,
        withFrameAncestors: async (value) => {
          const other = sites();
          const nginx = await startNginx({ dist: PROD_DIST, sites: other, frameAncestors: value });
          nginxes.push(nginx);
          return { root: `http://127.0.0.1:${other[0].port}/`, stop: nginx.stop };
        },
      });
      await Promise.all(nginxes.map((nginx) => nginx.stop()));
      await new Promise((resolve) => host.close(resolve));
      await Promise.all(apis.map((server) => server.stop()));
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  csp: [
    async ({ page }, use) => {
      const violations: string[] = [];
      const expected: RegExp[] = [];
      await page.exposeBinding('__cairnCspViolation', (_source, report: string) => {
        violations.push(report);
      });
      // In every frame, before any of the page's own scripts.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cairnCspViolation?.(
            [
              event.disposition,
              event.effectiveDirective,
              `blocked=${event.blockedURI}`,
              `at ${event.sourceFile}:${event.lineNumber}`,
              `sample=${event.sample}`,
            ].join(' '),
          );
        });
      });
      // Workers and blocked frames report only to the console.
      page.on('console', (message) => {
        const text = message.text();
        if (/Content Security Policy|Trusted Type|Refused to/i.test(text)) violations.push(text);
      });
      await use({ violations, expect: (pattern) => expected.push(pattern) });
      const unexpected = violations.filter((text) => !expected.some((p) => p.test(text)));
      expect(unexpected, 'CSP or Trusted Types violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
