import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS } from './scripts/chromium-flags.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Overridable so two runs on one machine (or a developer's running server) do not collide.
const port = Number(process.env.E2E_PORT ?? 4173);
const subPathPort = port + 1;
const devPort = port + 2;
// jaeger-query's UI handler (a stand-in written from its Go source) serving the production bundle.
const jaegerQueryPort = port + 3;
const outDir = process.env.E2E_OUT_DIR ?? 'dist-e2e';

/**
 * Most of e2e runs against a build of the demo (MSW in the browser), served like an ingress would
 * serve it: once at `/`, once under `/jaeger/` to prove base-path handling. The drop-in tests run
 * the production bundle behind a stand-in of jaeger-query (and start more of them, configured
 * differently, themselves: e2e/support/servers.ts). So does the hostile-input suite: what users
 * run is what bad input must not break (its specs answer /api themselves with page.route).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // Two spec files at a time on the 2-core machines this runs on: the suite took 17 min with one.
  // Tests start their own servers on per-worker ports (e2e/support/servers.ts).
  workers: 2,
  // A failing test runs once more, recording a trace (below); scripts/test.mjs counts a test that
  // passed only on that second run as failed, so the retry hides nothing.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // Recording a trace of every test to keep the failures' cost 45 % of the suite's CPU (DOM
    // snapshots at each action, screencast frames): only the retry of a failed test records one.
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      testIgnore: [/(sub-path|dev-server|jaeger-query[\w-]*)\.spec\.ts/, /nginx\//, /hostile\//],
    },
    {
      // e2e/hostile on the production bundle, as jaeger-query serves it (no MSW in it).
      name: 'hostile',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${jaegerQueryPort}/` },
      testMatch: /hostile\/.*\.spec\.ts/,
    },
    {
      name: 'jaeger-query',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${jaegerQueryPort}/` },
      testMatch: /jaeger-query[\w-]*\.spec\.ts/,
    },
    {
      name: 'sub-path',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${subPathPort}/jaeger/` },
      testMatch: /sub-path\.spec\.ts/,
    },
    {
      // The production bundle behind a real nginx running deploy/nginx, with the strict CSP on.
      name: 'nginx',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /nginx\/.*\.spec\.ts/,
    },
    {
      // `npm start` itself: the dev server with the demo backend, as a newcomer first runs it.
      name: 'dev-server',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${devPort}/` },
      testMatch: /dev-server\.spec\.ts/,
    },
  ],
  webServer: [
    {
      command: `CAIRN_DEMO=1 npx vite build --outDir ${outDir} --emptyOutDir && node scripts/serve-static.mjs ${outDir} --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `node scripts/wait-for-file.mjs ${outDir}/index.html && node scripts/serve-static.mjs ${outDir} --port ${subPathPort} --base /jaeger/`,
      url: `http://127.0.0.1:${subPathPort}/jaeger/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite build --outDir ${outDir}-prod --emptyOutDir && node scripts/jaeger-query-standin.mjs --assets ${outDir}-prod --port ${jaegerQueryPort}`,
      url: `http://127.0.0.1:${jaegerQueryPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `PORT=${devPort} node scripts/start.mjs`,
      url: `http://127.0.0.1:${devPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
