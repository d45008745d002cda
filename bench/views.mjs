/**
 * `node bench/views.mjs [--dist=DIR] [--runs=N]`: long tasks while the span table sorts and the
 * flame graph builds on the 1M demo trace, and how long a span detail waits while the worker is
 * busy. Reuses the build of `npm run bench` (node_modules/.cache/cairn-bench/dist) unless --dist
 * names another, and the same server and trace files.
 *
 * Per run, in a fresh context: open the trace, wait for the rows, then
 * - "spans": open the Span table tab, wait for its first row, then sort by Duration (twice: both
 *   directions) and by Service;
 * - "flame": open the Flame graph tab and wait for its canvas.
 * Reported: every `longtask` ≥ 50 ms from the tab click to the end of the step.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { installProbes } from './page-probes.mjs';
import { startBenchServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, 'node_modules', '.cache', 'cairn-bench');
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')),
);
const distDir = args.dist ?? join(workDir, 'dist');
const runs = Number(args.runs ?? 2);
const traceId = 'b1600000000000000000000001000000';

const longTasksSince = (page, since) =>
  page.evaluate(
    (t0) =>
      window.__bench.longtasks
        .filter((t) => t.start >= t0 && t.duration >= 50)
        .map((t) => Math.round(t.duration)),
    since,
  );
const now = (page) => page.evaluate(() => performance.now());

async function step(page, name, action) {
  const t0 = await now(page);
  await action();
  // Let a task that started with the last paint finish and be reported.
  await page.waitForTimeout(300);
  const elapsed = Math.round((await now(page)) - t0);
  console.log(
    `  ${name}: long tasks ${JSON.stringify(await longTasksSince(page, t0))}, ${elapsed} ms to done (incl. 300 ms settle)`,
  );
}

async function run(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await page.goto(`${base}trace/${traceId}`);
  await page.locator('[role="treegrid"] [role="row"]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  const tab = (name) =>
    page.getByRole('tablist', { name: 'Trace views' }).getByRole('tab', { name, exact: true });
  const grid = page.getByRole('grid', { name: 'Spans' });
  await step(page, 'span table open', async () => {
    await tab('Span table').click();
    await grid.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
  });
  for (const [label, name] of [
    ['sort duration', /Duration/],
    ['sort duration again', /Duration/],
    ['sort service', /Service/],
  ]) {
    await step(page, label, async () => {
      const before = await grid.getByRole('row').nth(1).textContent();
      await page.getByRole('columnheader', { name }).getByRole('button').click();
      await page
        .waitForFunction(
          (text) =>
            document.querySelector('[role="grid"] [role="row"]:nth-child(2)')?.textContent !== text,
          before,
          { timeout: 60_000 },
        )
        .catch(() => {});
    });
  }
  await step(page, 'flame open', async () => {
    await tab('Flame graph').click();
    await page.locator('.flame-view canvas').first().waitFor({ timeout: 60_000 });
  });
  await context.close();
}

const server = await startBenchServer({
  root,
  distDir,
  cacheDir: join(workDir, 'traces'),
  bigTraceIds: [traceId],
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (let r = 1; r <= runs; r++) {
    console.log(`run ${r} (${distDir})`);
    await run(browser, server.url);
  }
} finally {
  await browser.close();
  await server.close();
}
