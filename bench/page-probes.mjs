/**
 * Code that runs inside the benchmarked page (passed to addInitScript / evaluate). Plain
 * functions without closures over Node values, since Playwright serializes them.
 */

/** Logged by the page when its first rows are painted (see installProbes). */
export const FIRST_ROW_MESSAGE = 'cairn-bench:first-rows';

/**
 * Installed before any app code: long tasks, first row on screen, first progress shown. Logs
 * `firstRowMessage` (pass FIRST_ROW_MESSAGE as addInitScript's argument) when the first rows paint.
 */
export function installProbes(firstRowMessage) {
  const bench = { longtasks: [], firstRowAt: 0, progressAt: 0 };
  window.__bench = bench;
  // Probes are serialized one by one (no module scope), so the shared helper lives on window.
  // untilFrameAfter(done) resolves at the start of the first frame after `done()` holds (checked
  // on every DOM mutation): the time includes the work up to that frame's paint, no polling.
  window.__benchUntilFrameAfter = function untilFrameAfter(done, timeoutMs = 30_000) {
    return new Promise((resolve) => {
      const finish = () => requestAnimationFrame(() => resolve(performance.now()));
      if (done()) return finish();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        finish();
      });
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      setTimeout(() => {
        observer.disconnect();
        resolve(Number.NaN);
      }, timeoutMs);
    });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longtasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Rows are on screen once they are in the DOM and, where the waterfall draws them on its
  // canvas, the canvas has been sized for them (a canvas never drawn on has no width attribute).
  const rowsShown = () => {
    const grid = document.querySelector('[role="treegrid"]');
    if (!grid?.querySelector('[role="row"]')) return false;
    return grid.querySelector('canvas')?.hasAttribute('width') ?? true;
  };
  const observer = new MutationObserver(() => {
    if (!bench.progressAt && document.querySelector('progress'))
      bench.progressAt = performance.now();
    if (!bench.firstRowAt && rowsShown()) {
      bench.firstRowAt = -1;
      // The frame that paints the rows starts at this rAF.
      requestAnimationFrame(() => {
        bench.firstRowAt = performance.now();
        observer.disconnect();
        // The harness waits for this message rather than polling the page: Playwright's
        // waitForFunction first injects its ~330 KB script, which evaluated on the page's main
        // thread (11-14 ms) right while the app was starting.
        if (firstRowMessage) console.debug(firstRowMessage);
      });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['width'],
    }),
  );
}

/** What a trace load measured, read in the page once its first rows are painted. */
export function readLoad() {
  // The worker's read of the body (src/worker/load-timings.ts), on its `built` mark.
  const built = performance.getEntriesByName('cairn:worker-built')[0]?.detail ?? {};
  return {
    firstRowsMs: window.__bench.firstRowAt,
    progressShownMs: window.__bench.progressAt,
    longestTaskMs: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
    loadStartMs: performance.getEntriesByName('cairn:trace-load-start')[0]?.startTime ?? 0,
    loadedMs: performance.getEntriesByName('cairn:trace-loaded')[0]?.startTime ?? 0,
    // The worker's steps (src/worker/load-timings.ts), for the breakdown of first rows.
    marks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('cairn:'))
        .map((m) => [m.name, m.startTime]),
    ),
    parseMs: built.parseMs ?? 0,
    chunks: built.chunks ?? 0,
    warmBuffers: built.warmBuffers ?? 0,
    freshBuffers: built.freshBuffers ?? 0,
    longTasksDuringLoad: window.__bench.longtasks
      .filter((t) => t.duration >= 50)
      .map((t) => [Math.round(t.start), Math.round(t.duration)]),
  };
}

/** Scrolls the treegrid from top to bottom in `frames` rAF steps; returns the frame deltas (ms). */
export async function scrollThrough(frames) {
  const grid = document.querySelector('[role="treegrid"]');
  if (!grid) throw new Error('no treegrid');
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  grid.scrollTop = 0;
  await nextFrame();
  await nextFrame();
  const max = grid.scrollHeight - grid.clientHeight;
  const deltas = [];
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    grid.scrollTop = (max * i) / frames;
    const now = await nextFrame();
    deltas.push(now - last);
    last = now;
  }
  const rows = grid.querySelectorAll('[role="row"]');
  const lastRow = rows[rows.length - 1];
  return {
    deltas,
    lastRowIndex: Number(lastRow?.getAttribute('aria-rowindex') ?? -1),
    rowCount: Number(grid.getAttribute('aria-rowcount')),
  };
}

/** Click a toolbar button; ms from the click to the frame showing the new row count. */
export async function timeToolbarAction(name) {
  const untilFrameAfter = window.__benchUntilFrameAfter;
  const grid = document.querySelector('[role="treegrid"]');
  const button = [...document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name,
  );
  if (!grid || !button) throw new Error(`missing ${name}`);
  const before = grid.getAttribute('aria-rowcount');
  const start = performance.now();
  button.click();
  const end = await untilFrameAfter(() => grid.getAttribute('aria-rowcount') !== before);
  return { ms: end - start, rows: Number(grid.getAttribute('aria-rowcount')) };
}

/** Focus the last row (End), click it, wait for its details; ms from click to details shown. */
export async function timeLastSpanDetails() {
  const untilFrameAfter = window.__benchUntilFrameAfter;
  const grid = document.querySelector('[role="treegrid"]');
  if (!grid) throw new Error('no treegrid');
  grid.focus();
  grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const rows = [...grid.querySelectorAll('[role="row"]')];
  const last = rows.reduce((a, b) =>
    Number(b.getAttribute('aria-rowindex')) > Number(a.getAttribute('aria-rowindex')) ? b : a,
  );
  const start = performance.now();
  last
    .querySelector('[role="gridcell"]')
    ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  const shown = () => document.querySelector('[aria-label^="Span details:"]');
  const end = await untilFrameAfter(() => Boolean(shown()));
  return { ms: end - start, shown: Boolean(shown()), label: last.getAttribute('aria-label') };
}

/**
 * Types `query` into the find box (empty before); ms from the input to the frame showing its
 * "n of m" / "No matches", minus the box's 200 ms typing debounce, and the status text.
 */
export async function timeFind(query) {
  const untilFrameAfter = window.__benchUntilFrameAfter;
  const box = document.querySelector('input[aria-label="Find spans"]');
  const status = document.querySelector('[role="search"] [role="status"]');
  if (!box || !status) throw new Error('no find box');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const type = (text) => {
    setValue.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  type('');
  await untilFrameAfter(() => status.textContent === '');
  const start = performance.now();
  type(query);
  const end = await untilFrameAfter(
    () => status.textContent !== '' && !status.hasAttribute('data-pending'),
    120_000,
  );
  return { ms: end - start - 200, status: status.textContent };
}
