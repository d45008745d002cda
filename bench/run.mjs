/**
 * `npm run bench`: builds Cairn (no MSW), serves it with the demo API and pre-generated big
 * traces on localhost, drives headless Chromium through open → scroll → collapse/expand all →
 * span details for 10k, 100k and 1M spans, prints a markdown table and writes
 * bench/results/latest.json.
 *
 * Options: --sizes=10k,100k (subset), --dist=path (build into / measure that folder), --profile=realistic|light (the traces' attribute volume,
 * realistic by default), --no-build (reuse the last build), --frames=N, --loads=N, --gzip (the
 * big traces gzip'd without a size, as jaeger-query sends them) (`--key value` works too).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { buildApp } from './build.mjs';
import { createHeapProbe } from './heap.mjs';
import {
  FIRST_ROW_MESSAGE,
  installProbes,
  readLoad,
  scrollThrough,
  timeLastSpanDetails,
  timeFind,
  timeToolbarAction,
} from './page-probes.mjs';
import { formatBreakdown, formatTable } from './report.mjs';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';
import { launchQuietChromium, quietLoad } from './quiet-loads.mjs';
import { startBenchServer } from './server.mjs';
import { bigTraceId, parseArgs, profileOf } from './bench-args.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
// Build output and generated traces live outside the repo's linted/tracked paths.
const workDir = join(root, 'node_modules', '.cache', 'cairn-bench');
const cacheDir = join(workDir, 'traces');

const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const args = parseArgs(process.argv.slice(2));
/** `--dist=path` measures another build (A/B: build each version once, alternate the runs). */
const distDir = args.dist ? resolve(args.dist) : join(workDir, 'dist');
const sizes = (args.sizes ?? '10k,100k,1m').toLowerCase().split(',');
const unknownSizes = sizes.filter((s) => !(s in SIZES));
if (unknownSizes.length > 0) {
  console.error(`Unknown size ${unknownSizes.join(', ')}; use --sizes=10k,100k,1m or a subset.`);
  process.exit(2);
}
const profile = profileOf(args);
const traceIdFor = (count) => bigTraceId(profile, count);
const frames = Number(args.frames ?? 300);
/** Fresh-context loads per size for first rows and the load's longest task (1M: ~6-8 s each). */
const loadsFor = (size) => Number(args.loads ?? (size === '1m' ? 3 : 5));

const percentile = (values, p) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** Navigates to the trace and waits for its first rows; the load's numbers. */
async function openTrace(page, base, spanCount) {
  await Promise.all([
    page.waitForEvent('console', {
      predicate: (message) => message.text() === FIRST_ROW_MESSAGE,
      timeout: 180_000,
    }),
    page.goto(`${base}trace/${traceIdFor(spanCount)}`),
  ]);
  return page.evaluate(readLoad);
}

/** One Playwright-driven load in a fresh context (the browser's warm-up). */
async function measureLoad(browser, base, spanCount) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(installProbes, FIRST_ROW_MESSAGE);
  const load = await openTrace(await context.newPage(), base, spanCount);
  await context.close();
  return load;
}

/**
 * The loads that give first rows and the load's longest task: several, since one says little on
 * a shared 2-core machine, each in a fresh context of the browser no DevTools network agent
 * watches (quiet-loads.mjs), as a user's.
 */
async function quietLoads(quiet, base, spanCount, count) {
  const loads = [];
  for (let i = 0; i < count; i++) {
    loads.push(
      await quietLoad(quiet, {
        url: `${base}trace/${traceIdFor(spanCount)}`,
        initScript: `(${installProbes})(${JSON.stringify(FIRST_ROW_MESSAGE)})`,
        doneMessage: FIRST_ROW_MESSAGE,
        readResult: String(readLoad),
        timeoutMs: 180_000,
      }),
    );
  }
  return loads;
}

async function measure(browser, base, label, spanCount) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(installProbes, FIRST_ROW_MESSAGE);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${label}] page error:`, error.message));
  const load = await openTrace(page, base, spanCount);
  // Attached after the load: a DevTools session on the page and its worker (attached as they
  // start) slows the start it would be measuring. Auto-attach reaches the running worker too.
  const heap = await createHeapProbe(context, page);
  // The page's own work after its first rows (the analysis, the folds) happens meanwhile and
  // counts; the probe's forced GC that follows is a long main-thread task of the harness's own,
  // and its window is left out of the tasks after the first rows.
  await page.waitForTimeout(1500);
  const now = () => page.evaluate(() => performance.now());
  const probeFrom = await now();
  const heapLoaded = await heap.measure();
  const probeTo = await now();
  const scroll = await page.evaluate(scrollThrough, frames);
  const collapse = await page.evaluate(timeToolbarAction, 'Collapse all');
  const expand = await page.evaluate(timeToolbarAction, 'Expand all');
  const details = await page.evaluate(timeLastSpanDetails);
  // Issue 14: names (service=…: answered from the string tables) and attributes (a word only
  // in attribute values, and one in no span: every span's attributes are searched).
  const findNames = await page.evaluate(timeFind, 'service=mysql');
  const findAttributes = await page.evaluate(timeFind, 'hgetall');
  const findNothing = await page.evaluate(timeFind, 'nosuchvalue');
  // The word users type most (it is also in tags made from the span's status and kind), and a
  // key=value term: both read the spans' bytes beyond a word search.
  const findFieldWord = await page.evaluate(timeFind, 'error');
  const findKeyValue = await page.evaluate(timeFind, 'db.system=redis');
  const longestTaskMs = await page.evaluate(() =>
    Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
  );
  // After the first rows: the load's own tasks are counted per load.
  const interactionTaskMs = await page.evaluate(
    ([from, to]) =>
      Math.max(
        0,
        ...window.__bench.longtasks
          .filter((t) => t.start >= window.__bench.firstRowAt && (t.start < from || t.start > to))
          .map((t) => t.duration),
      ),
    [probeFrom, probeTo],
  );
  const heapEnd = await heap.measure();
  await heap.close();
  await context.close();
  return {
    label,
    spanCount,
    ...load,
    load,
    longestTaskOverallMs: longestTaskMs,
    interactionTaskMs,
    scroll: {
      frames: scroll.deltas.length,
      p50: percentile(scroll.deltas, 50),
      p95: percentile(scroll.deltas, 95),
      max: Math.max(...scroll.deltas),
      reachedEnd: scroll.lastRowIndex === scroll.rowCount,
    },
    collapseAllMs: collapse.ms,
    collapsedRows: collapse.rows,
    expandAllMs: expand.ms,
    expandedRows: expand.rows,
    detailsMs: details.ms,
    detailsShown: details.shown,
    find: {
      names: findNames,
      attributes: findAttributes,
      nothing: findNothing,
      fieldWord: findFieldWord,
      keyValue: findKeyValue,
    },
    heapLoaded,
    heapEnd,
  };
}

async function main() {
  if (args['no-build'] !== 'true') buildApp(root, distDir);
  mkdirSync(resultsDir, { recursive: true });
  console.log('Preparing trace files and server…');
  const server = await startBenchServer({
    root,
    distDir,
    cacheDir,
    bigTraceIds: sizes.map((s) => traceIdFor(SIZES[s])),
    gzip: args.gzip === 'true',
  });
  // A real Jaeger answers the version probe from warm caches; the demo builds its store on the
  // first request, which is not what the bench measures.
  await fetch(`${server.url}api/v3/services`).then((response) => response.arrayBuffer());
  // Nor does it serve a body for the first time: in a fresh server the first read of a big file
  // (Node's file and socket streams, the page cache) made the first browser load of 100k spans
  // 100-400 ms slower than the next even in a worker that only reads the bytes. Warmed from
  // here, not from the browser: what the browser itself pays on a first load still counts.
  for (const size of sizes) await server.warm(traceIdFor(SIZES[size]));
  const loadBefore = loadavg()[0];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', ...CHROMIUM_FLAGS],
  });
  const quiet = await launchQuietChromium(process.env.CHROMIUM_PATH);
  const results = [];
  try {
    // One load that is not measured: a freshly launched browser's first pages also pay for its
    // own start (GPU and network processes, caches), which a user's running browser has behind it.
    await measureLoad(browser, server.url, SIZES['10k']);
    await quietLoads(quiet, server.url, SIZES['10k'], 1);
    for (const size of sizes) {
      console.log(`Measuring ${size}…`);
      // The timed loads first: the measured page's close gives back its heap (1.1 GB at 1M) while
      // the next thing runs, which must not be a timed load.
      const loads = await quietLoads(quiet, server.url, SIZES[size], loadsFor(size));
      const result = await measure(browser, server.url, size, SIZES[size]);
      const bytes = server.bodyBytes[traceIdFor(SIZES[size])]?.otlp ?? 0;
      results.push({ ...result, bodyBytes: bytes, loads });
    }
  } finally {
    await browser.close();
    await quiet.close();
    await server.close();
  }
  const machine = {
    profile: args.gzip === 'true' ? `${profile}, gzip'd` : profile,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // Other processes compete for the 2 cores; the 1-minute load average says how much.
    loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0].toFixed(2)) },
    chromium: browser.version(),
    date: new Date().toISOString(),
  };
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify({ machine, results }, null, 2));
  console.log(formatTable(machine, results));
  console.log(`\n${formatBreakdown(results)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
