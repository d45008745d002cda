import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The demo's checkout traces (api-gateway) of the last two days, as search results. */
async function searchCheckoutTraces(page: Page) {
  await page.goto('search');
  const service = page.getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.fill('api-gateway');
  await page.getByRole('option', { name: 'api-gateway', exact: true }).click();
  await page.getByLabel('Lookback').selectOption('2d');
  await page.getByRole('button', { name: 'Find traces' }).click();
  return page.locator('li.result-row');
}

test('two searched traces compare span against span with duration deltas', async ({ page }) => {
  const rows = await searchCheckoutTraces(page);
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Compare/ }).click();

  await expect(page).toHaveURL(/\/compare\?cohort=\w+&cohort=\w+/);
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary).toContainText(/spans matched/);
  const table = page.getByRole('treegrid', { name: 'Span comparison' });
  await expect(table.getByRole('row').nth(1)).toContainText('api-gateway');
  // Every body row shows a delta, or says on which side the span is missing.
  const deltas = table.locator('.diff-delta');
  await expect(deltas.first()).toHaveText(/^[+−]\S+|only in [AB]/);

  const all = await deltas.count();
  await page.getByLabel(/Only show differences/).check();
  await expect.poll(() => deltas.count()).toBeLessThanOrEqual(all);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
});

test('the compare form takes two ids, and a missing trace shows an error with retry', async ({
  page,
}) => {
  await page.goto('compare');
  await page.getByLabel('Trace A').fill('0bad0000000000000000000000000001');
  await page.getByLabel('Trace B').fill('ffffffffffffffffffffffffffffffff');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(
    /cohort=0bad0000000000000000000000000001&cohort=ffffffffffffffffffffffffffffffff/,
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ffffffffffffffffffffffffffffffff');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('comparing a broken trace with itself matches every span', async ({ page }) => {
  const id = '0bad0000000000000000000000000004';
  await page.goto(`compare?cohort=${id}&cohort=${id}`);
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    /0 only in A, 0 only in B/,
  );
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    'as fast as A',
  );
});

/** Trace ids the demo backend finds for a v1 search (the page must be loaded: MSW answers). */
async function searchIds(page: Page, query: string): Promise<string[]> {
  // The search form shows once the app (and with it the demo's service worker) has started.
  await expect(page.getByRole('button', { name: 'Find traces' })).toBeVisible();
  return page.evaluate(async (q) => {
    const response = await fetch(`api/traces?${q}`);
    const body = (await response.json()) as { data: { traceID: string }[] };
    return body.data.map((trace) => trace.traceID);
  }, query);
}

/** A normal and a slow checkout: ~20% of payment-service Charge calls take 2 s. */
async function checkoutPair(page: Page): Promise<[string, string]> {
  await page.goto('search');
  const base = 'service=payment-service&operation=Charge&limit=5';
  const [slow] = await searchIds(page, `${base}&minDuration=1.5s`);
  const [normal] = await searchIds(page, `${base}&maxDuration=100ms`);
  if (!slow || !normal) throw new Error('the demo has no slow or no normal checkout');
  return [normal, slow];
}

const grid = (page: Page) => page.getByRole('treegrid', { name: 'Span comparison' });
const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'critical' || v.impact === 'serious',
  );

test('a comparison link downloads each trace once: the loads start-up began are the ones the page shows', async ({
  page,
}) => {
  const [normal, slow] = await checkoutPair(page);
  const asked: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/traces/')) asked.push(path.replace(/^.*\/traces\//, ''));
  });
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    /B is [\d.]+s slower/,
  );
  await expect(grid(page).getByRole('row').nth(1)).toContainText('api-gateway');
  expect(asked.sort()).toEqual([normal, slow].sort());
  // Only start-up's early loads mark their start; the page's own do not.
  const earlyStarts = await page.evaluate(
    () => performance.getEntriesByName('cairn:trace-load-start').length,
  );
  expect(earlyStarts).toBeGreaterThan(0);
});

test('a slow checkout against a normal one: the bottleneck tops "where the time went" and filters the table', async ({
  page,
}) => {
  const [normal, slow] = await checkoutPair(page);
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    /B is [\d.]+s slower/,
  );
  const breakdown = page.getByRole('region', { name: 'Where the time went' });
  const top = breakdown.getByRole('row').nth(1);
  await expect(top).toContainText('payment-service');
  await expect(top).toContainText('Charge');
  await expect(top.getByRole('cell').first()).toHaveText(/^\+[12](\.\d+)?s$/);

  // The bottleneck's line filters the table to its spans and their ancestors.
  await top.getByRole('button').click();
  const rows = grid(page).getByRole('row');
  await expect(rows.last()).toContainText('payment-service Charge');
  await expect(grid(page).getByRole('row', { name: /INSERT orders/ })).toHaveCount(0);
  await expect(rows.last().locator('.diff-delta')).toHaveText(/^\+[12](\.\d+)?s \(\+\d+%\)$/);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(grid(page).getByRole('row', { name: /INSERT orders/ })).toBeVisible();

  // Only differences of at least a second: the chain down to Charge stays, the insert goes.
  await page.getByRole('checkbox', { name: 'Only show differences' }).check();
  await page.getByRole('spinbutton', { name: /of at least/ }).fill('1000');
  await expect(grid(page).getByRole('row', { name: /INSERT orders/ })).toHaveCount(0);
  await expect(grid(page).getByRole('row', { name: /payment-service Charge/ })).toBeVisible();

  // A row links to its span in each trace's page.
  await grid(page)
    .getByRole('row', { name: /payment-service Charge/ })
    .click();
  const links = page.getByLabel('Selected row');
  await expect(links.getByRole('link', { name: 'Open in trace B' })).toHaveAttribute(
    'href',
    new RegExp(`/trace/${slow}\\?uiFind=[0-9a-f]+$`),
  );
  await links.getByRole('link', { name: 'Open in trace A' }).click();
  await expect(page).toHaveURL(new RegExp(`/trace/${normal}\\?uiFind=[0-9a-f]+$`));
});

test('the comparison grid is one tab stop moved by keys, with no serious axe violations', async ({
  page,
}) => {
  const [normal, slow] = await checkoutPair(page);
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  await expect(grid(page).getByRole('row')).not.toHaveCount(1);
  await page.getByRole('button', { name: 'Compare', exact: true }).focus();
  // Tab past the breakdown and filter controls to the grid.
  for (let k = 0; k < 40; k++) {
    await page.keyboard.press('Tab');
    if (await grid(page).evaluate((node) => node === document.activeElement)) break;
  }
  await expect(grid(page)).toBeFocused();
  const active = () =>
    grid(page).evaluate((node) => {
      const row = document.getElementById(node.getAttribute('aria-activedescendant') ?? '');
      return {
        index: Number(row?.getAttribute('aria-rowindex')),
        expanded: row?.getAttribute('aria-expanded') ?? null,
      };
    });
  // The first key picks the first row; then arrows move.
  await page.keyboard.press('ArrowDown');
  await expect.poll(active).toEqual({ index: 2, expanded: 'true' });
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await active()).index).toBe(3);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(active).toEqual({ index: 2, expanded: 'false' });
  await expect(grid(page).getByRole('row')).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect.poll(active).toEqual({ index: 2, expanded: 'true' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('errors are marked on the side that has them', async ({ page }) => {
  await page.goto('search');
  const failing = await searchIds(
    page,
    `service=redis-manual&tags=${encodeURIComponent('{"error":"true"}')}&limit=1000`,
  );
  const all = await searchIds(page, 'service=redis-manual&limit=1000');
  const fine = all.find((id) => !failing.includes(id));
  expect(failing.length > 0 && fine).toBeTruthy();
  await page.goto(`compare?cohort=${fine}&cohort=${failing[0]}`);
  await expect(
    grid(page)
      .getByText(/\d+ errors? in B/)
      .first(),
  ).toBeAttached();
  await expect(grid(page).getByText(/\d+ errors? in A/)).toHaveCount(0);
});

test('a cohort of three lists every trace and compares any pair, or one against the median', async ({
  page,
}) => {
  await page.goto('search');
  const ids = await searchIds(page, 'service=payment-service&operation=Charge&limit=3');
  expect(ids).toHaveLength(3);
  await page.goto(`compare?${ids.map((id) => `cohort=${id}`).join('&')}`);
  const cohort = page.getByRole('region', { name: 'Cohort of 3 traces' });
  await expect(cohort.getByRole('row')).toHaveCount(5);
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary).toContainText(ids[1] ?? '');
  // The choice goes through the URL (a navigation), so click and wait rather than check().
  const third = cohort.getByRole('radio', { name: `Trace ${ids[2]} as B` });
  await third.click();
  await expect(third).toBeChecked();
  await expect(summary).toContainText(ids[2] ?? '');
  await expect(summary).toContainText(/spans matched/);
  await cohort.getByRole('radio', { name: 'Median of the other traces as B' }).click();
  await expect(page).toHaveURL(/b=median/);
  await expect(summary).toContainText('median of the other 2 traces');
  await expect(summary).toContainText(/\d+ spans matched/);
  await expect(grid(page).getByRole('row').nth(1)).toContainText('api-gateway');
  expect(await seriousViolations(page)).toEqual([]);

  // The median as A instead: B keeps its trace, A is the median of the two others.
  const medianA = cohort.getByRole('radio', { name: 'Median of the other traces as A' });
  await medianA.click();
  await expect(page).toHaveURL(/a=median/);
  await expect(medianA).toBeChecked();
  await expect(
    summary.getByRole('heading', { name: /^A: median of the other 2 traces/ }),
  ).toBeVisible();
  await expect(summary.getByRole('heading', { name: /^B: / })).not.toContainText('median');
  await expect(summary).toContainText(/\d+ spans matched/);
  await expect(grid(page).getByRole('columnheader', { name: 'A: median' })).toBeVisible();
  await expect(grid(page).getByRole('row').nth(1)).toContainText('api-gateway');
  // The URL alone restores it.
  await page.reload();
  await expect(summary.getByRole('heading', { name: /^A: median/ })).toBeVisible();
  await expect(
    cohort.getByRole('radio', { name: 'Median of the other traces as A' }),
  ).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the structural diff graph zooms, and it and the table select together', async ({ page }) => {
  const [normal, slow] = await checkoutPair(page);
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  const graph = page.getByRole('region', { name: 'Structural diff' });
  const canvas = graph.getByRole('application', { name: /Merged call tree, \d+ nodes/ });
  const selection = graph.locator('.diff-graph-selection');
  // Find centres each Charge call in turn (order-service's, then payment-service's, the slow
  // one); a click there selects it, with its counts and durations.
  await graph.getByRole('combobox', { name: 'Find an operation' }).fill('Charge');
  await graph.getByRole('button', { name: 'Find' }).click();
  await graph.getByRole('button', { name: 'Find' }).click();
  await expect(graph.getByRole('search').getByRole('status')).toHaveText('2 of 2');
  await canvas.click();
  await expect(selection).toContainText(
    /payment-service Charge: slower in B, calls ×1 → ×1, time [\d.]+ms → [12](\.\d+)?s/,
  );
  await expect(grid(page).getByRole('row', { selected: true })).toContainText(
    'payment-service Charge',
  );
  // And back: a row picked in the table selects its node.
  await grid(page)
    .getByRole('row', { name: /INSERT orders/ })
    .click();
  await expect(selection).toContainText('INSERT orders');
  // Zoom by button and key; Fit shows the whole tree again.
  const level = graph.getByRole('status', { name: 'Zoom level' });
  await graph.getByRole('button', { name: 'Fit' }).click();
  await expect(level).not.toHaveText('100%');
  const fitted = (await level.textContent()) ?? '';
  await graph.getByRole('button', { name: 'Zoom out' }).click();
  await expect(level).not.toHaveText(fitted);
  await graph.getByRole('button', { name: 'Fit' }).click();
  await expect(level).toHaveText(fitted);
  await canvas.focus();
  await page.keyboard.press('+');
  await expect(level).not.toHaveText(fitted);
  // Keys move between nodes by position; Enter selects, in the table too.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(selection).not.toContainText('INSERT orders');
  await expect(grid(page).getByRole('row', { selected: true })).not.toContainText('INSERT orders');
  await graph.screenshot({ path: test.info().outputPath('diff-graph.png') });
  expect(await seriousViolations(page)).toEqual([]);
});

test('three traces ticked in search compare as a cohort of three', async ({ page }) => {
  const rows = await searchCheckoutTraces(page);
  await expect(rows.nth(2)).toBeVisible();
  for (const k of [0, 1, 2]) await rows.nth(k).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare (3)' }).click();
  const cohort = page.getByRole('region', { name: 'Cohort of 3 traces' });
  // Three traces, each pickable as A or B, plus the median for either side.
  await expect(cohort.getByRole('radio', { name: /^Trace \w+ as A$/ })).toHaveCount(3);
  await expect(cohort.getByRole('radio', { name: /^Trace \w+ as B$/ })).toHaveCount(3);
  for (const side of ['A', 'B'])
    await expect(
      cohort.getByRole('radio', { name: `Median of the other traces as ${side}` }),
    ).toBeVisible();
});

test('a big merged tree is drawn a window at a time, following the table', async ({ page }) => {
  // The demo backend's 10k-span traces ('b16' + span count; src/mocks/big-traces.ts).
  const big = (n: number) => `b16${String(n).padStart(29, '0')}`;
  await page.goto(`compare?cohort=${big(10_000)}&cohort=${big(10_001)}`);
  const graph = page.getByRole('region', { name: 'Structural diff' });
  const note = graph.locator('.diff-graph-window');
  await expect(note).toContainText(/Drawing 2,000 of [\d,]+ nodes: the top of the tree\./, {
    timeout: 30_000,
  });
  // The last row of the table lies outside that window: picking it moves the window there.
  await grid(page).focus();
  // The first key picks the first row; End then the last.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(note).toContainText(/Drawing [\d,]+ of [\d,]+ nodes: around /);
  await expect(graph.locator('.diff-graph-selection')).not.toContainText('Selected: none');
  await graph.getByRole('button', { name: 'Draw the top' }).click();
  await expect(note).toContainText('the top of the tree.');
  expect(await seriousViolations(page)).toEqual([]);
});

/** The number of cores the page sees: the compare page uses a second worker with more than 2. */
const cores = (page: Page, count: number) =>
  page.addInitScript((count) => {
    Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => count });
  }, count);

test('on 2 cores one trace worker loads both traces of a comparison', async ({ page }) => {
  await cores(page, 2);
  const [normal, slow] = await checkoutPair(page);
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    /spans matched/,
  );
  await expect(grid(page).getByRole('row').nth(1)).toContainText('api-gateway');
  expect(page.workers().filter((w) => w.url().includes('trace-worker'))).toHaveLength(1);
});

test('a compare worker that crashes stops the comparison with a Retry that loads it again', async ({
  page,
}) => {
  await cores(page, 8);
  const [normal, slow] = await checkoutPair(page);
  await page.goto(`compare?cohort=${normal}&cohort=${slow}`);
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary).toContainText(/spans matched/);
  const traceWorkers = page.workers().filter((w) => w.url().includes('trace-worker'));
  expect(traceWorkers).toHaveLength(2);
  // An uncaught error in a worker reaches the page as the worker's error event.
  await traceWorkers[1]?.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('a trace worker crashed');
  await expect(alert).toContainText('simulated crash');
  await expect(grid(page)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(summary).toContainText(/spans matched/);
  await expect(grid(page).getByRole('row').nth(1)).toContainText('api-gateway');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
