// Graph benchmarks (issue 15): the 1,200-service demo dependency graph (time to first and last
// layout frame, long tasks, pan/zoom frame times), the trace graph of the 100k-span demo trace
// (the same), and the deep dependency graph of a 1,500-trace search (from the click on "View as
// dependency graph" in the search results to the graph drawn, long tasks, pan/zoom frames).
// A benchmark, not a test: it prints numbers.
// Usage: node bench/graphs.mjs [--dir dist-e2e-graphs] [--port 4329] [--services 1200] [--runs 3]
//        [--ddg-traces 1500] [--only deps,trace,ddg]
//        [--profile]   (a CPU profile of each load: the top functions inside each long task)
// Build first: CAIRN_DEMO=0 npx vite build --outDir dist-e2e-graphs (the production bundle; the
// demo API answers from Node, as a backend would: in the demo bundle MSW generates the 1,200
// services on the page's main thread, a cost no user has)
// (for readable function names in --profile: add `--minify false`)
// The demo corpus is 3,200 traces here (not 240), so a search for `frontend` over its two hours
// finds 1,500 HotROD traces (~56,000 spans, 32 MB of OTLP JSON). The demo backend remembers a
// search's body, so after the first (unreported) DDG load the server's JSON encoding (~0.5 s) is
// not counted: what is measured is the page.
// The waits are cheap predicates polled once a frame: Playwright's role and text locators walk
// the whole document in the page, and those walks showed up as 40-130 ms long tasks of their own.
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
const runs = Number(option('runs', '3'));
const ddgTraces = Number(option('ddg-traces', '1500'));
const only = new Set(option('only', 'deps,trace,ddg').split(','));
const profile = args.includes('--profile');
const base = `http://127.0.0.1:${port}/`;

const server = spawn(
  'node',
  [
    'scripts/serve-static.mjs',
    dir,
    '--port',
    String(port),
    '--api',
    'demo',
    '--demo-traces',
    String(Math.max(240, Math.ceil(ddgTraces * 2.15))),
  ],
  {
    stdio: 'ignore',
  },
);
// The corpus is built on the first API request: made here, before anything is timed.
for (let tries = 0; ; tries++) {
  try {
    if ((await fetch(`${base}api/services`)).ok) break;
  } catch (error) {
    if (tries > 100) throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

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

/** Resolves once the graph's Fit button is enabled (the first layout frame is drawn). */
const fitEnabled = (page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('.graph-view-zoom button')].some(
        (button) => button.textContent === 'Fit' && !button.disabled,
      ),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
/** Resolves once an element matching `selector` has text matching `pattern`. */
const textIn = (page, selector, pattern) =>
  page.waitForFunction(
    ([css, source]) =>
      [...document.querySelectorAll(css)].some((element) =>
        new RegExp(source).test(element.textContent ?? ''),
      ),
    [selector, pattern.source],
    { polling: 'raf', timeout: 60_000 },
  );

/**
 * A CPU profile with its clock tied to performance.now(): a named busy loop is run at a known
 * page time and found in the profile.
 */
async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const mark = await page.evaluate(() => {
      const start = performance.now();
      let spins = 0;
      const benchClockMark = () => {
        while (performance.now() - start < 8) spins++;
      };
      benchClockMark();
      if (spins < 0) throw new Error('unreachable');
      return start;
    });
    const { profile: result } = await cdp.send('Profiler.stop');
    return { result, mark };
  };
}

/** React's own work loop: left out of the attribution so the components show. */
const REACT_INTERNALS =
  /^(performWorkOnRoot|performSyncWorkOnRoot|performWorkOnRootViaSchedulerTask|performWorkUntilDeadline|flushSyncWork\w*|processRootSchedule\w*|workLoop\w*|renderRoot\w*|performUnitOfWork|beginWork|completeUnitOfWork|completeWork|completeRoot\w*|commit\w*|recursively\w*|renderWithHooks|update\w*Component|reconcile\w*|flushPassiveEffects|flushLayoutEffects|flushMutationEffects|createChild|updateSlot|placeChild|bailout\w*|attemptEarlyBailout\w*|runWithFiberInDEV) /;

/** The top functions (inclusive, sampled) inside each long task. */
function attribute({ result, mark }, tasks) {
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of result.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node) => {
    const frame = node.callFrame;
    const file = frame.url.split('/').pop();
    return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
  };
  let at = result.startTime;
  const samples = result.samples.map((id, i) => ({ id, at: (at += result.timeDeltas[i] ?? 0) }));
  const marked = samples.find(
    (sample) => byId.get(sample.id)?.callFrame.functionName === 'benchClockMark',
  );
  if (!marked) return ['(no clock mark in the profile)'];
  const offset = marked.at / 1000 - mark;
  return tasks.map((task) => {
    const inclusive = new Map();
    const inside = samples.filter(
      (s) =>
        s.at / 1000 - offset >= task.start && s.at / 1000 - offset <= task.start + task.duration,
    );
    for (const sample of inside) {
      const seen = new Set();
      for (let id = sample.id; id !== undefined; id = parent.get(id)) {
        const key = name(byId.get(id));
        if (seen.has(key) || key === '(root)') continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
      }
    }
    const top = [...inclusive]
      .filter(([key]) => !REACT_INTERNALS.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([key, count]) => `${key} ${Math.round((100 * count) / Math.max(1, inside.length))}%`);
    return `  ${round(task.duration)} ms at ${round(task.start)}: ${top.join(' · ')}`;
  });
}

/**
 * The DDG of a `ddgTraces`-trace search: the search page shows the results, then the clock
 * starts at the click on "View as dependency graph" and stops when the graph is drawn (its Fit
 * button enabled: the first layout frame is on the canvas). Run 0 warms the demo backend's
 * remembered body and is not reported.
 */
async function benchDdg(browser) {
  // Pinned once, so every run asks the same search (and the backend's remembered body answers).
  const now = Date.now() * 1000;
  const search =
    `search?service=frontend&lookback=custom&start=${now - 3 * 3600e6}&end=${now + 3600e6}` +
    `&limit=${ddgTraces}`;
  let link;
  for (let run = 0; run <= runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    await page.goto(`${base}${search}`);
    await page.waitForFunction(
      () => document.querySelector('a[href*="/deep-dependencies?"]'),
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    await page.waitForTimeout(1500);
    const stopProfile = profile && run > 0 ? await startProfile(page) : undefined;
    const before = await page.evaluate(() => {
      const start = performance.now();
      document.querySelector('a[href*="/deep-dependencies?"]').click();
      return start;
    });
    await fitEnabled(page);
    const drawn = await page.evaluate(() => performance.now());
    const count = await page.evaluate(
      () => document.querySelector('.ddg-count')?.textContent ?? '',
    );
    // The worker's load steps (load-timings.ts), from the click.
    const steps = await page.evaluate(
      (from) =>
        performance
          .getEntriesByType('mark')
          .filter((mark) => mark.name.startsWith('cairn:worker-') && mark.startTime > from)
          .map(
            (mark) =>
              `${mark.name.slice('cairn:worker-'.length)} ${Math.round(mark.startTime - from)}`,
          ),
      before,
    );
    await page.waitForTimeout(300);
    const profiled = stopProfile ? await stopProfile() : undefined;
    const tasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      before,
    );
    const afterTasks = await page.evaluate(() => performance.now());
    const frames = await page.evaluate(wheelFrames, 240);
    const panTasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      afterTasks,
    );
    const label = run === 0 ? 'ddg warm-up (not counted)' : `ddg ${ddgTraces} traces`;
    console.log(
      `${label}: drawn ${round(drawn - before)} ms after the click (${count}); ` +
        `long tasks ${tasks.length}, max ${round(Math.max(0, ...tasks.map((t) => t.duration)))} ms ` +
        `[${tasks.map((t) => round(t.duration)).join(', ')}]; wheel-zoom frames p95 ${round(p95(frames))} ms, ` +
        `max ${round(Math.max(...frames))} ms, long tasks while zooming ${panTasks.length}\n` +
        `  worker steps (ms after the click): ${steps.join(', ')}`,
    );
    if (profiled) console.log(attribute(profiled, tasks).join('\n'));
    link ??= await page.evaluate(() => location.href);
    await page.close();
  }
  // The same graph opened from its link (shared, bookmarked, reloaded): no search page to leave.
  for (let run = 1; run <= runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    const stopProfile = profile ? await startProfile(page) : undefined;
    await page.goto(link);
    await fitEnabled(page);
    const drawn = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300);
    const profiled = stopProfile ? await stopProfile() : undefined;
    const tasks = await page.evaluate(() => window.__longtasks);
    console.log(
      `ddg ${ddgTraces} traces, opened from its link: drawn ${round(drawn)} ms after navigation; ` +
        `long tasks ${tasks.length}, max ${round(Math.max(0, ...tasks.map((t) => t.duration)))} ms ` +
        `[${tasks.map((t) => round(t.duration)).join(', ')}]`,
    );
    if (profiled) console.log(attribute(profiled, tasks).join('\n'));
    await page.close();
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', ...CHROMIUM_FLAGS],
});
try {
  for (let run = 0; run < (only.has('deps') ? runs : 0); run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    const stopProfile = profile ? await startProfile(page) : undefined;
    await page.goto(`${base}dependencies?demoServices=${services}`);
    await page.waitForFunction(
      () => document.querySelector('canvas.graph-view-canvas'),
      undefined,
      {
        polling: 'raf',
        timeout: 30_000,
      },
    );
    const t0 = await page.evaluate(() => performance.now());
    await fitEnabled(page);
    const first = await page.evaluate(() => performance.now());
    await textIn(page, '.dependencies-count', /^Force-directed layout$/);
    const settled = await page.evaluate(() => performance.now());
    const profiled = stopProfile ? await stopProfile() : undefined;
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
    if (profiled) console.log(attribute(profiled, tasks).join('\n'));
    await page.close();
  }
  for (let run = 0; run < (only.has('trace') ? Math.min(2, runs) : 0); run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(installLongTasks);
    await page.goto(`${base}trace/b1600000000000000000000000100000`);
    await page.getByRole('tablist', { name: 'Trace views' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    const before = await page.evaluate(() => performance.now());
    await page.getByRole('tab', { name: 'Trace graph', exact: true }).click();
    await fitEnabled(page);
    const first = await page.evaluate(() => performance.now());
    await textIn(
      page,
      '.trace-view-count[role=status]',
      /call edges( · [\d,]+ smaller operations left out)?$/,
    );
    const settled = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      before,
    );
    const frames = await page.evaluate(wheelFrames, 240);
    const panTasks = await page.evaluate(
      (from) => window.__longtasks.filter((t) => t.start > from),
      settled,
    );
    console.log(
      `trace graph 100k: first frame ${round(first - before)} ms after the tab click, settled ${round(settled - before)} ms; ` +
        `long tasks [${tasks.map((t) => round(t.duration)).join(', ')}]; ` +
        `wheel-zoom frames p95 ${round(p95(frames))} ms, max ${round(Math.max(...frames))} ms, ` +
        `long tasks while zooming ${panTasks.length}`,
    );
    await page.close();
  }
  if (only.has('ddg')) await benchDdg(browser);
} finally {
  await browser.close();
  server.kill();
}
