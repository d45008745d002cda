/**
 * Heap back to baseline after opening 20 traces in a row, inside one page (in-app navigation, as
 * a user clicks through results): JS heap + ArrayBuffers of the page and its workers after a GC
 * (heap.mjs), measured on the search page after one warm-up trace and again after 20 more.
 *
 *   node bench/heap-20.mjs [base URL of a demo build, default http://127.0.0.1:4173/]
 *
 * Serve a demo build first (e.g. `CAIRN_DEMO=1 npx vite build --outDir dist-demo && node
 * scripts/serve-static.mjs dist-demo --port 4173`). Prints MB and the load average.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';
import { createHeapProbe } from './heap.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const TRACES = Number(process.env.TRACES ?? 20);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(2);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}search`);
  await page.getByRole('button', { name: 'Find traces' }).waitFor();
  // The demo backend (MSW in the page) answers this search.
  const ids = await page.evaluate(async (limit) => {
    const end = Date.now() * 1000;
    const query = `service=frontend&limit=${limit}&start=${end - 2 * 86_400_000_000}&end=${end}`;
    const body = await (await fetch(`api/traces?${query}`)).json();
    return body.data.map((trace) => trace.traceID);
  }, TRACES + 1);
  if (ids.length < TRACES + 1) throw new Error(`only ${ids.length} traces found`);

  const open = async (id) => {
    const lookup = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
    await lookup.fill(id);
    await lookup.press('Enter');
    await page.getByRole('treegrid', { name: /^Spans of / }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Search' })
      .click();
    await page.getByRole('button', { name: 'Find traces' }).waitFor();
  };

  const heap = await createHeapProbe(context, page);
  await open(ids[0]); // warm-up: page chunks loaded, worker started
  const before = await heap.measure();
  const started = performance.now();
  for (const id of ids.slice(1)) await open(id);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const after = await heap.measure();
  await heap.close();

  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(`| heap after GC (MB) | page | workers (${after.workerCount}) | total |`);
  console.log('|---|---|---|---|');
  console.log(
    `| baseline (1 trace opened) | ${mb(before.page)} | ${mb(before.workers)} | ${mb(before.total)} |`,
  );
  console.log(
    `| after ${TRACES} more (${seconds} s) | ${mb(after.page)} | ${mb(after.workers)} | ${mb(after.total)} |`,
  );
  console.log(
    `| growth | ${mb(after.page - before.page)} | ${mb(after.workers - before.workers)} | ${mb(after.total - before.total)} |`,
  );
} finally {
  await browser.close();
}
