import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/** Demo backend ids (src/mocks/scenarios-broken.ts, src/mocks/big-traces.ts). */
const DUPLICATE_IDS = '0bad0000000000000000000000000004';
const HOSTILE_TRACE = '0bad0000000000000000000000000006';
const BIG_100K = 'b1600000000000000000000000100000';
const BIG_1K = 'b1600000000000000000000000001000';
const HOSTILE = '<img src=x onerror=alert(1)>';

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Trace views' }).getByRole('tab', { name, exact: true });

async function openTrace(page: Page, id: string, query = '') {
  await page.goto(`trace/${id}${query}`);
  await expect(page.getByRole('tablist', { name: 'Trace views' })).toBeVisible({ timeout: 30_000 });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
}

test.beforeEach(async ({ page }) => {
  // Any alert() from trace data would be an XSS: fail loudly instead of dismissing it.
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
});

test('every view opens from the tabs, keeps ?view= in the URL and passes axe', async ({ page }) => {
  await openTrace(page, DUPLICATE_IDS);
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');

  await tab(page, 'Statistics').click();
  await expect(page).toHaveURL(/[?&]view=statistics/);
  await expect(
    page.getByRole('table', { name: /Statistics by service and operation/ }),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await tab(page, 'Span table').click();
  await expect(page).toHaveURL(/[?&]view=spans/);
  await expect(page.getByRole('grid', { name: 'Spans' }).getByRole('row').nth(1)).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await tab(page, 'Flame graph').click();
  await expect(page).toHaveURL(/[?&]view=flame/);
  await expect(
    page.getByRole('application', { name: /^Flame graph of \d+ merged frames/ }),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await tab(page, 'Trace graph').click();
  await expect(page).toHaveURL(/[?&]view=graph/);
  const graph = page.getByRole('application', { name: /^Trace graph: \d+ operations/ });
  await expect(graph).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fit' })).toBeEnabled();
  await expectNoSeriousAxeViolations(page);

  await tab(page, 'JSON').click();
  await expect(page).toHaveURL(/[?&]view=json/);
  await expect(page.getByRole('region', { name: 'Trace JSON' })).toContainText(
    `"traceId": "${DUPLICATE_IDS}"`,
  );
  await expect(
    page.getByRole('region', { name: 'Trace JSON' }).locator('section').first(),
  ).toContainText('"spanId"');
  await expectNoSeriousAxeViolations(page);

  // Keyboard: arrows move along the tabs and switch views.
  await tab(page, 'JSON').focus();
  await page.keyboard.press('Home');
  await expect(tab(page, 'Timeline')).toBeFocused();
  await expect(page).not.toHaveURL(/[?&]view=/);
  await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]view=statistics/);
});

test('a shared link opens its view; back returns to the previous one', async ({ page }) => {
  await openTrace(page, DUPLICATE_IDS, '?view=graph');
  await expect(tab(page, 'Trace graph')).toHaveAttribute('aria-selected', 'true');
  await tab(page, 'Statistics').click();
  await page.goBack();
  await expect(tab(page, 'Trace graph')).toHaveAttribute('aria-selected', 'true');
});

test('a row clicked in the span table opens that span in the timeline', async ({ page }) => {
  await openTrace(page, DUPLICATE_IDS, '?view=spans');
  const grid = page.getByRole('grid', { name: 'Spans' });
  // Longest span last: sort by duration ascending (descending first, then flip).
  const duration = grid.getByRole('columnheader', { name: /Duration/ });
  await duration.getByRole('button').click();
  await expect(duration).toHaveAttribute('aria-sort', 'descending');
  await duration.getByRole('button').click();
  // The worker sorts; the header says "ascending" only once that order is on screen.
  await expect(duration).toHaveAttribute('aria-sort', 'ascending');
  const row = grid.getByRole('row').nth(1);
  const operation = (await row.getByRole('gridcell').nth(1).textContent()) ?? '';
  await row.click();
  await expect(tab(page, 'Timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(page).not.toHaveURL(/[?&]view=/);
  const selected = page
    .getByRole('treegrid', { name: /^Spans of / })
    .locator('[role="row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText(operation);
  await expect(page.getByRole('region', { name: /^Span details/ })).toContainText(operation);
});

test('the span table filters by text', async ({ page }) => {
  await openTrace(page, DUPLICATE_IDS, '?view=spans');
  const count = page.locator('#span-table-count');
  const total = (await count.textContent()) ?? '';
  await page.getByRole('searchbox', { name: 'Filter' }).fill('zzz-no-such-name');
  await expect(page.getByText('No span matches the filter.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('');
  await expect(count).toHaveText(total);
});

test('hostile service and operation names stay text in every view', async ({ page }) => {
  await openTrace(page, HOSTILE_TRACE, '?view=statistics');
  await expect(page.getByRole('table', { name: /Statistics by/ })).toContainText(HOSTILE);
  await tab(page, 'Span table').click();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('<img');
  await expect(page.getByRole('grid', { name: 'Spans' })).toContainText(HOSTILE);
  await tab(page, 'Trace graph').click();
  await expect(page.getByRole('application', { name: /^Trace graph/ })).toBeVisible();
  // The canvas draws names with fillText; find matches the literal markup.
  await page.getByRole('combobox', { name: 'Find an operation' }).fill('<img');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('search', { name: 'Find in graph' }).getByRole('status')).toHaveText(
    /^1 of /,
  );
  await tab(page, 'JSON').click();
  await expect(page.getByRole('region', { name: 'Trace JSON' }).locator('section')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Trace JSON' })).toContainText(
    `"operation": "GET /search?q=${HOSTILE}"`,
  );
  await tab(page, 'Flame graph').click();
  await expect(page.getByRole('application', { name: /^Flame graph/ })).toBeVisible();
  await expect(page.locator('img[src="x"], script:text("alert")')).toHaveCount(0);
});

test('the JSON view loads more spans and downloads the whole trace', async ({ page }) => {
  await openTrace(page, BIG_100K, '?view=json');
  const region = page.getByRole('region', { name: 'Trace JSON' });
  await expect(region.locator('section')).toHaveCount(25);
  await page.getByRole('button', { name: 'Load 25 more spans' }).click();
  await expect(region.locator('section')).toHaveCount(50);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`trace-${BIG_100K}.json`);
});

test('statistics, flame graph and span table sort at 100k spans', async ({ page }) => {
  await openTrace(page, BIG_100K, '?view=statistics');
  await expect(page.getByText(/100,000 spans/)).toBeVisible();
  const started = Date.now();
  await tab(page, 'Flame graph').click();
  await expect(
    page.getByRole('application', { name: /^Flame graph of [\d,]+ merged frames/ }),
  ).toBeVisible();
  console.log(`flame graph of 100k spans shown in ${Date.now() - started} ms`);
  await page
    .getByRole('application', { name: /^Flame graph/ })
    .click({ position: { x: 40, y: 5 } });
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await tab(page, 'Span table').click();
  await page
    .getByRole('grid', { name: 'Spans' })
    .getByRole('columnheader', { name: /Self time/ })
    .getByRole('button')
    .click();
  await expect(
    page.getByRole('grid', { name: 'Spans' }).getByRole('columnheader', { name: /Self time/ }),
  ).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('grid', { name: 'Spans' }).press('End');
  await expect(page.getByRole('grid', { name: 'Spans' })).toHaveAttribute(
    'aria-activedescendant',
    /span-table-row-\d+/,
  );
});

/** Presses Tab until `target` has focus: proves it is in the tab order, reached without a mouse. */
async function tabTo(page: Page, target: Locator, limit = 15) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error('Tab never reached the target');
}

test('the flame graph works from the keyboard alone and announces the focused frame', async ({
  page,
}) => {
  await openTrace(page, BIG_1K);
  await tab(page, 'Timeline').focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/[?&]view=json/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/[?&]view=graph/);
  await expect(tab(page, 'Trace graph')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/[?&]view=flame/);
  const flame = page.getByRole('application', { name: /^Flame graph of [\d,]+ merged frames/ });
  await expect(flame).toBeVisible();
  await expect(flame).toHaveAccessibleDescription(/Arrow keys move between frames/);
  const live = page.getByTestId('flame-announcement');
  await expect(live).toHaveAttribute('aria-live', 'polite');

  await tabTo(page, flame);
  await expect(live).toHaveText(/^[^:]+: .+ — .+ total, [\d,]+ calls?, \d+ levels? below/);
  const root = (await live.textContent()) ?? '';
  await page.keyboard.press('ArrowDown');
  await expect(live).not.toHaveText(root);
  const child = (await live.textContent()) ?? '';
  await page.keyboard.press('ArrowRight');
  await expect(live).not.toHaveText(child);
  await page.keyboard.press('ArrowLeft');
  await expect(live).toHaveText(child);

  await page.keyboard.press('Enter');
  await expect(live).toHaveText(`Zoomed in. ${child}`);
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeEnabled();
  await expect(page.getByText(/^Zoomed into /)).toBeVisible();
  await expect(flame).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(live).toHaveText(`Zoom reset. ${child}`);
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect(live).toHaveText(root);
  await expectNoSeriousAxeViolations(page);
});
