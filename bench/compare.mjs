/**
 * The comparison page at scale: builds Cairn (no MSW) unless --no-build, serves it with the demo
 * API and pre-generated big traces (bench/server.mjs), and opens /compare for pairs of big traces
 * in fresh contexts. Prints, per pair: both traces loaded, first diff rows, the structural graph
 * drawn (it comes after the rows), and the longest main-thread task over the whole load, graph
 * included (Long Tasks API).
 *
 * Usage: node bench/compare.mjs [--no-build] [--loads=3] [--only=10k|vs|deep|siblings] [--profile=realistic|light]
 *        [--work=/tmp/cairn-compare-bench] [--ab=<distA>,<distB>]
 * The traces are the engine bench's realistic ones unless `--profile=light` (bench-args.mjs).
 */
import { cpus, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';
import { launchQuietChromium, quietLoad } from './quiet-loads.mjs';
import { startBenchServer } from './server.mjs';
import { bigTraceId, parseArgs, profileOf } from './bench-args.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const workDir = args.work ?? join(root, 'node_modules', '.cache', 'cairn-compare-bench');
const distDir = join(workDir, 'dist');
const loads = Number(args.loads ?? '3');
const only = args.only ?? '';
const profile = profileOf(args);
const id = (count, shape) => bigTraceId(profile, count, shape);

/** [label, A, B]; B null: A's own trace page, as a baseline measured the same way. */
const PAIRS = [
  ['10k trace page (baseline)', id(10_000), null],
  ['10k vs 10k', id(10_000), id(10_001)],
  ['100k trace page (baseline)', id(100_000), null],
  ['100k vs 100k', id(100_000), id(100_001)],
  ['10,000-deep chains', id(10_000, 'deep'), id(10_001, 'deep')],
  // Light spans whatever the profile (there is no realistic wide trace): a root with a million
  // children against one with ten fewer. Only with --only=siblings (two ~300 MB bodies).
  [
    '1,000,000 siblings',
    bigTraceId('light', 1_000_000, 'wide'),
    bigTraceId('light', 999_990, 'wide'),
  ],
];
const chosen = PAIRS.filter(([label]) =>
  only ? label.includes(only) : !label.includes('siblings'),
);

/** Logged by the page when its first (diff) rows are painted. */
const ROWS_MESSAGE = 'cairn-bench:rows';

/** Installed before app code: long tasks, and when the page says both traces are loaded. */
function probes(rowsMessage) {
  const bench = { longtasks: [], loadedAt: 0, rowsAt: 0 };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (!bench.loadedAt && document.body.textContent?.includes('Aligning spans'))
      bench.loadedAt = performance.now();
    if (!bench.rowsAt && document.querySelector('[role="treegrid"] [aria-level]')) {
      bench.rowsAt = -1;
      requestAnimationFrame(() => {
        bench.rowsAt = performance.now();
        observer.disconnect();
        console.debug(rowsMessage);
      });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
}

/**
 * `--ab=<distA>,<distB>`: two builds made beforehand, measured load by load in turn (A B B A …)
 * so the shared machine's load changes hit both alike. Without it, one build made here.
 */
const builds = args.ab
  ? args.ab.split(',').map((dir, k) => ({ label: 'AB'[k] ?? String(k), distDir: dir }))
  : [{ label: '', distDir }];
if (!args.ab && args['no-build'] !== 'true') buildApp(root, distDir);
const bigTraceIds = [...new Set(chosen.flatMap(([, a, b]) => (b ? [a, b] : [a])))];
const servers = [];
for (const build of builds) {
  const server = await startBenchServer({
    root,
    distDir: build.distDir,
    cacheDir: join(workDir, 'traces'),
    bigTraceIds,
  });
  servers.push(server);
  await fetch(`${server.url}api/v3/services`).then((r) => r.arrayBuffer());
  // Each body served once before the timed loads, as run.mjs does (server.mjs `warm`).
  for (const traceId of bigTraceIds) await server.warm(traceId);
}
// The browser no DevTools network agent watches (quiet-loads.mjs): Playwright's slows each load.
const browser = await launchQuietChromium(process.env.CHROMIUM_PATH);

/** In the page once the rows are painted: waits for the diff graph, then what the load measured. */
async function readCompareLoad() {
  // The graph is built after the rows: wait for it (and a frame), so its tasks are counted too.
  const graphAt = !location.pathname.endsWith('/compare')
    ? 0
    : await new Promise((resolve) => {
        const drawn = () => document.querySelector('[role="application"]');
        const done = () => requestAnimationFrame(() => resolve(performance.now()));
        if (drawn()) return done();
        const observer = new MutationObserver(() => {
          if (!drawn()) return;
          observer.disconnect();
          done();
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
  return {
    graphAt,
    loaded: window.__bench.loadedAt,
    rows: window.__bench.rowsAt,
    longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
    // What the page says was matched, and the first rows: proof it compared what it loaded.
    summary: document.querySelector('.compare-totals')?.textContent ?? '',
    firstRows: [...document.querySelectorAll('[role="treegrid"] [aria-level]')]
      .slice(0, 3)
      .map((row) => row.textContent),
    graph: /([\d,]+) nodes/.exec(
      document.querySelector('[role="application"]')?.getAttribute('aria-label') ?? '',
    )?.[1],
  };
}

/** One fresh-context load of `url`: both traces loaded, first rows, the graph, longest task. */
const measure = (url) =>
  quietLoad(browser, {
    url,
    initScript: `(${probes})(${JSON.stringify(ROWS_MESSAGE)})`,
    doneMessage: ROWS_MESSAGE,
    readResult: String(readCompareLoad),
    timeoutMs: 180_000,
  });

try {
  console.log(`Profile: ${profile}; ${cpus().length} cores.`);
  console.log(
    '| pair | build | both loaded (ms) | first diff rows (ms) | diff after load (ms) | graph drawn (ms) | longest task (ms) | graph nodes | load avg |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [label, a, b] of chosen) {
    for (let i = 0; i < loads; i++) {
      const order = i % 2 === 0 ? servers.keys() : [...servers.keys()].reverse();
      for (const k of order) {
        const base = servers[k]?.url ?? '';
        const url = b ? `${base}compare?cohort=${a}&cohort=${b}` : `${base}trace/${a}`;
        const r = await measure(url);
        const graph = b ? Math.round(r.graphAt) : '';
        const diff = r.loaded > 0 ? Math.round(r.rows - r.loaded) : '';
        if (label.includes('siblings')) console.error(r.summary, '|', r.firstRows.join(' | '));
        console.log(
          `| ${label} | ${builds[k]?.label ?? ''} | ${Math.round(r.loaded)} | ${Math.round(r.rows)} | ${diff} | ${graph} | ${Math.round(r.longest)} | ${r.graph ?? ''} | ${loadavg()[0].toFixed(1)} |`,
        );
      }
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
