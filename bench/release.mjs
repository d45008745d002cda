/**
 * `node bench/release.mjs`: is a trace's memory given back when it is left (issue 14: open 20
 * traces one after another, the heap after GC returns to within 10% of where it started)?
 *
 * Serves the last `npm run bench` build (or `--dist=path`), opens the search page, then 20 times
 * opens the realistic 10k trace and goes back to search, both in-app (history navigation, as a
 * user's clicks and Back do, so the page and its worker live on), and measures page + worker
 * heap after a forced GC (bench/heap.mjs) at the start, after the first trace and after the
 * last, and after --warm=N traces (default 5) as the baseline once V8's compiled code has levelled
 * off. Options: --dist=path, --traces=N, --warm=N, --spans=10k|100k; `--distinct` opens N
 * different demo traces (found by a search of the demo backend) instead of the same big one N
 * times.
 */
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { createHeapProbe } from './heap.mjs';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';
import { startBenchServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workDir = join(root, 'node_modules', '.cache', 'cairn-bench');
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);
const distDir = args.dist ? resolve(args.dist) : join(workDir, 'dist');
const count = Number(args.traces ?? 20);
/** Traces opened before the warmed-up baseline is measured (--warm=N, default 5). */
const warm = Math.min(count, Math.max(1, Number(args.warm ?? 5)));
const spans = { '10k': 10_000, '100k': 100_000 }[args.spans ?? '10k'];
const traceId = 'bea1' + String(spans).padStart(28, '0');
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** In-app navigation: react-router follows popstate, as it does for Back and Forward. */
function navigate(path) {
  history.pushState({}, '', path);
  dispatchEvent(new PopStateEvent('popstate', { state: {} }));
}

async function main() {
  const server = await startBenchServer({
    root,
    distDir,
    cacheDir: join(workDir, 'traces'),
    bigTraceIds: [traceId],
  });
  const loadBefore = loadavg()[0];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', ...CHROMIUM_FLAGS],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}search`);
    await page.getByRole('button', { name: /find traces/i }).waitFor();
    const heap = await createHeapProbe(context, page);
    const rows = page.locator('[role="treegrid"] [role="row"]');
    const ids = args.distinct ? await demoTraceIds(page, count) : Array(count).fill(traceId);
    const open = async (id) => {
      await page.evaluate(navigate, `/trace/${id}`);
      await rows.first().waitFor({ timeout: 120_000 });
      await page.evaluate(navigate, '/search');
      await rows.first().waitFor({ state: 'detached' });
      await page.waitForTimeout(200);
    };
    const start = await heap.measure();
    await open(ids[0]);
    const afterOne = await heap.measure();
    for (const id of ids.slice(1, warm)) await open(id);
    const afterWarm = await heap.measure();
    for (const id of ids.slice(warm)) await open(id);
    const afterAll = await heap.measure();
    await heap.close();
    // The worker starts with the first trace: "after 1" is the first state with its baseline.
    // The first traces also grow V8's compiled code (hot paths optimized; it levels off after a
    // few): "after warm-up" is the baseline that tells kept data from that.
    const pct = (h, from) => `${((100 * (h.total - from.total)) / from.total).toFixed(0)} %`;
    const line = (label, h) =>
      `| ${label} | ${mb(h.page)} | ${mb(h.workers)} (${h.workerCount}) | ${mb(h.total)} | ${pct(h, start)} | ${pct(h, afterOne)} | ${pct(h, afterWarm)} |`;
    console.log(
      `${args.distinct ? `${count} different demo traces` : `${count} × the realistic ${args.spans ?? '10k'} trace`}, load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}\n`,
    );
    console.log(
      '| heap after GC | page | workers (count) | total | vs start | vs after 1 | vs after warm-up |\n|---|---|---|---|---|---|---|',
    );
    console.log(line('search page, before any trace', start));
    console.log(line('after 1 trace, back on search', afterOne));
    console.log(line(`after ${warm} traces (warm-up), back on search`, afterWarm));
    console.log(line(`after ${count} traces, back on search`, afterAll));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

/** `count` trace ids of the demo backend's search (different traces, as a user's results). */
async function demoTraceIds(page, count) {
  const ids = await page.evaluate(async (limit) => {
    const end = Date.now() * 1000;
    const query = `service=frontend&limit=${limit}&start=${end - 2 * 86_400_000_000}&end=${end}`;
    const body = await (await fetch(`/api/traces?${query}`)).json();
    return body.data.map((trace) => trace.traceID);
  }, count);
  if (ids.length < count) throw new Error(`the demo search found only ${ids.length} traces`);
  return ids;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
