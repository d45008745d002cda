/**
 * The comparison page at scale: builds Cairn (no MSW) unless --no-build, serves it with the demo
 * API and pre-generated big traces (bench/server.mjs), and opens /compare for pairs of big traces
 * in fresh contexts. Prints, per pair: both traces loaded, first diff rows, and the longest
 * main-thread task over the whole load (Long Tasks API).
 *
 * Usage: node bench/compare.mjs [--no-build] [--loads=3] [--work=/tmp/cairn-compare-bench]
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';
import { buildApp } from './build.mjs';
import { startBenchServer } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}`));
  if (!found) return fallback;
  const [, value] = found.split('=');
  return value ?? 'true';
};
const workDir = arg('work', join(root, 'node_modules', '.cache', 'cairn-compare-bench'));
const distDir = join(workDir, 'dist');
const loads = Number(arg('loads', '3'));
const only = arg('only', '');

const big = (prefix, n, width) => `${prefix}${String(n).padStart(width, '0')}`;
/** [label, A, B]; B null: A's own trace page, as a baseline measured the same way. */
const PAIRS = [
  ['10k trace page (baseline)', big('b16', 10_000, 29), null],
  ['10k vs 10k', big('b16', 10_000, 29), big('b16', 10_001, 29)],
  ['100k trace page (baseline)', big('b16', 100_000, 29), null],
  ['100k vs 100k', big('b16', 100_000, 29), big('b16', 100_001, 29)],
  ['10,000-deep chains', big('dee9', 10_000, 28), big('dee9', 10_001, 28)],
];

/** Installed before app code: long tasks, and when the page says both traces are loaded. */
function probes() {
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
      });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
}

if (arg('no-build', 'false') !== 'true') buildApp(root, distDir);
const server = await startBenchServer({
  root,
  distDir,
  cacheDir: join(workDir, 'traces'),
  bigTraceIds: [...new Set(PAIRS.flatMap(([, a, b]) => (b ? [a, b] : [a])))],
});
await fetch(`${server.url}api/v3/services`).then((r) => r.arrayBuffer());
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
try {
  console.log(
    '| pair | both loaded (ms) | first diff rows (ms) | diff after load (ms) | longest task (ms) |',
  );
  console.log('|---|---|---|---|---|');
  for (const [label, a, b] of PAIRS.filter(([label]) => label.includes(only))) {
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(probes);
      const page = await context.newPage();
      await page.goto(
        b ? `${server.url}compare?cohort=${a}&cohort=${b}` : `${server.url}trace/${a}`,
      );
      await page.waitForFunction(() => window.__bench.rowsAt > 0, null, { timeout: 180_000 });
      const r = await page.evaluate(() => ({
        loaded: window.__bench.loadedAt,
        rows: window.__bench.rowsAt,
        longest: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
      }));
      console.log(
        `| ${label} | ${Math.round(r.loaded)} | ${Math.round(r.rows)} | ${Math.round(r.rows - r.loaded)} | ${Math.round(r.longest)} |`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
