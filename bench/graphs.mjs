// Graph benchmarks (issue 15): the 1,200-service demo dependency graph (time to first and last
// layout frame, long tasks, pan/zoom frame times) and the trace graph of the 100k-span demo
// trace. A benchmark, not a test: it prints numbers.
// Usage: node bench/graphs.mjs [--dir dist-e2e-graphs] [--port 4329] [--services 1200]
// Build first: CAIRN_DEMO=1 npx vite build --outDir dist-e2e-graphs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dir = option('dir', 'dist-e2e-graphs');
const port = Number(option('port', '4329'));
const services = Number(option('services', '1200'));
const base = `http://127.0.0.1:${port}/`;

const server = spawn('node', ['scripts/serve-static.mjs', dir, '--port', String(port)], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 800));

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
};
const round = (value) => Math.round(value * 10) / 10;

function installLongTasks() {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      window.__longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Wheel-zooms the canvas in and out for `frames` frames; frame deltas and draw-to-frame times. */
function wheelFrames(frames) {
  const canvas = document.querySelector('canvas.graph-view-canvas');
  const box = canvas.getBoundingClientRect();
  return new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    let n = 0;
    const step = (now) => {
      deltas.push(now - last);
      last = now;
      if (n++ >= frames) return resolve(deltas.slice(2));
      canvas.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: n % 60 < 30 ? -60 : 60,
          clientX: box.left + box.width / 2,
          clientY: box.top + box.height / 2,
          bubbles: true,
          cancelable: true,
        }),
      );
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', ...CHROMIUM_FLAGS],
});
try {
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    await page.goto(`${base}dependencies?demoServices=${services}`);
    const canvas = page.getByRole('application', { name: /^Service graph/ });
    await canvas.waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Fit' }).and(page.locator(':enabled')).waitFor();
    const first = await page.evaluate(() => performance.now());
    await page.getByText('Force-directed layout').waitFor({ timeout: 30_000 });
    const settled = await page.evaluate(() => performance.now());
    const nav = await page.evaluate(
      () => performance.getEntriesByType('navigation')[0]?.startTime ?? 0,
    );
    const tasks = await page.evaluate(() => window.__longtasks);
    const frames = await page.evaluate(wheelFrames, 240);

    const panTasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      settled,
    );
    console.log(
      `deps ${services}: first frame ${round(first - nav)} ms after navigation ` +
        `(${round(first - t0)} ms after the canvas), settled ${round(settled - nav)} ms; ` +
        `long tasks ${tasks.length}, max ${round(Math.max(0, ...tasks.map((t) => t.duration)))} ms ` +
        `[${tasks.map((t) => round(t.duration)).join(', ')}]; wheel-zoom frames p95 ${round(p95(frames))} ms, ` +
        `max ${round(Math.max(...frames))} ms, long tasks while zooming ${panTasks.length}`,
    );
    await page.close();
  }
  for (let run = 0; run < 2; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    await page.goto(`${base}trace/b1600000000000000000000000100000`);
    await page.getByRole('tablist', { name: 'Trace views' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('tab', { name: 'Trace graph', exact: true }).click();
    await page
      .getByRole('button', { name: 'Fit' })
      .and(page.locator(':enabled'))
      .waitFor({ timeout: 30_000 });
    const first = await page.evaluate(() => performance.now());
    await page
      .getByRole('status')
      .filter({ hasText: /call edges( · [\d,]+ smaller operations left out)?$/ })
      .waitFor({ timeout: 30_000 });
    const settled = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      before,
    );
    console.log(
      `trace graph 100k: first frame ${round(first - before)} ms after the tab click, settled ${round(settled - before)} ms; ` +
        `long tasks [${tasks.map((t) => round(t.duration)).join(', ')}]`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
