import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The demo backend's 100k-span trace ('b16' + span count; see src/mocks/big-traces.ts). */
const TRACE_100K = `b16${String(100_000).padStart(29, '0')}`;
const CLOCK_SKEW = '0bad0000000000000000000000000003';
const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const rowCount = async (page: Page) => Number(await treegrid(page).getAttribute('aria-rowcount'));
const findStatus = (page: Page) => page.getByRole('search').getByRole('status');

async function openTrace(page: Page, id: string, query = '') {
  await page.goto(`trace/${id}${query}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 45_000 });
}

/** The analysis (critical path, skew, repeated siblings) comes from the worker after the rows. */
async function analysisReady(page: Page) {
  await expect(page.getByRole('checkbox', { name: 'Critical path' })).toBeEnabled({
    timeout: 30_000,
  });
}

test('find on 100k spans: matches highlighted, "n of m" follows, show only matches filters rows', async ({
  page,
}) => {
  await openTrace(page, TRACE_100K);
  await analysisReady(page);
  const all = await rowCount(page);
  await page.getByRole('searchbox', { name: 'Find spans' }).fill('mysql');
  await expect(findStatus(page)).toHaveText(/^1 of [\d,]+$/, { timeout: 20_000 });
  const total = Number(
    (await findStatus(page).textContent())?.replace(/^1 of /, '').replace(/,/g, ''),
  );
  expect(total).toBeGreaterThan(100);
  // The first match is focused and on screen, drawn as a match.
  await expect(treegrid(page).locator('.wf-row.is-match.is-focused')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show only matches' }).check();
  await expect.poll(() => rowCount(page)).toBeLessThan(all);
  const shown = await rowCount(page);
  expect(shown).toBeGreaterThanOrEqual(total);
  // Every row on screen is a match or an ancestor of one (a parent with an open subtree).
  const rows = await treegrid(page)
    .getByRole('row')
    .evaluateAll((elements) =>
      elements.map(
        (row) => row.classList.contains('is-match') || row.getAttribute('aria-expanded') === 'true',
      ),
    );
  expect(rows.every(Boolean)).toBe(true);
  // f (next match) moves "n of m" and keeps the focused match on screen.
  await page.locator('body').press('f');
  await expect(findStatus(page)).toHaveText(/^2 of /);
  await expect(treegrid(page).locator('.wf-row.is-focused.is-match')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show only matches' }).uncheck();
  await expect.poll(() => rowCount(page)).toBe(all);
});

test('deep link ?uiFind=<span id> into the 100k trace opens and scrolls to the span', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTrace(page, TRACE_100K);
  await page.getByRole('checkbox', { name: 'Fold repeated calls' }).uncheck();
  await treegrid(page).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Copy link to this span' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const spanId = /uiFind=([0-9a-f]+)/.exec(link)?.[1] ?? '';
  expect(spanId).toMatch(/^[0-9a-f]{16}$/);

  await page.goto('about:blank');
  await openTrace(page, TRACE_100K, `?uiFind=${spanId}`);
  const selected = treegrid(page).locator('.wf-row.is-selected');
  await expect(selected).toBeVisible({ timeout: 30_000 });
  await expect(selected).toBeInViewport();
  expect(Number(await selected.getAttribute('aria-rowindex'))).toBeGreaterThan(90_000);
  await expect(page.getByRole('region', { name: /^Span details/ })).toContainText(spanId);
});

test('service filter: hidden subtrees leave one "N spans hidden" row that reveals them', async ({
  page,
}) => {
  await openTrace(page, TRACE_100K);
  await analysisReady(page);
  const all = await rowCount(page);
  await page
    .getByRole('toolbar', { name: 'Waterfall' })
    .getByText('Services', { exact: true })
    .click();
  await page
    .getByRole('group', { name: 'Hide services' })
    .getByRole('checkbox', { name: 'customer' })
    .check();
  await expect.poll(() => rowCount(page)).toBeLessThan(all);
  // The list is a popover over the rows: Escape closes it.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Hide services' })).toBeHidden();
  const hidden = treegrid(page)
    .getByRole('row', { name: /spans? hidden/ })
    .first();
  await expect(hidden).toBeVisible();
  const before = await rowCount(page);
  await hidden.click();
  await expect.poll(() => rowCount(page)).toBeGreaterThan(before);
  await page
    .getByRole('toolbar', { name: 'Waterfall' })
    .getByText(/^Services \(1 hidden\)$/)
    .click();
  await page.getByRole('button', { name: 'Show all services' }).click();
  await expect.poll(() => rowCount(page)).toBe(all);
});

test('N+1: repeated GetDriver calls fold into one summary row that expands on click', async ({
  page,
}) => {
  await page.goto('search');
  const file = 'jaeger-pr9263/n_plus_one_positive.json';
  await page.getByLabel('Choose files…').setInputFiles({
    name: 'n_plus_one_positive.json',
    mimeType: 'application/json',
    buffer: readFileSync(`${FIXTURES}${file}`),
  });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
  await page
    .getByRole('link', { name: /frontend/ })
    .first()
    .click();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  const fold = treegrid(page).getByRole('row', { name: /repeated calls redis-manual GetDriver/ });
  await expect(fold).toBeVisible({ timeout: 30_000 });
  await expect(fold).toContainText('×');
  await expect(fold).toHaveAccessibleName(/total .*min .*median .*max /);
  const before = await rowCount(page);
  await fold.click();
  await expect.poll(() => rowCount(page)).toBeGreaterThanOrEqual(before + 4);
  await expect(
    treegrid(page).getByRole('row', { name: /^redis-manual GetDriver/ }),
  ).not.toHaveCount(0);
});

test('critical path on the bars, and the clock-skew raw/adjusted toggle moves the shifted span', async ({
  page,
}) => {
  await openTrace(page, CLOCK_SKEW);
  await analysisReady(page);
  const skewed = treegrid(page).getByRole('row', { name: /skewed handler/ });
  await expect(skewed).toContainText('⇆ +52.5ms');
  await expect(skewed).toHaveAccessibleName(/clock skew \+52\.5ms/);

  // Rows are drawn on a canvas; the disclosure keeps a click target over the drawn triangle.
  const root = treegrid(page).getByRole('row').first();
  await root.locator('.wf-toggle-hit').click();
  await expect(root).toHaveAttribute('aria-expanded', 'false');
  await root.locator('.wf-toggle-hit').click();
  await expect(root).toHaveAttribute('aria-expanded', 'true');

  const critical = page.getByRole('checkbox', { name: 'Critical path' });
  await critical.check();
  await expect(treegrid(page).locator('.wf-bar.on-critical')).not.toHaveCount(0);
  await critical.uncheck();
  await expect(treegrid(page).locator('.wf-bar.on-critical')).toHaveCount(0);

  const bar = skewed.locator('.wf-bar');
  const adjustedLeft = await bar.evaluate((element) => (element as HTMLElement).style.left);
  await page.getByRole('checkbox', { name: /Raw times/ }).check();
  await expect
    .poll(() => bar.evaluate((element) => (element as HTMLElement).style.left))
    .not.toBe(adjustedLeft);
  await page.getByRole('checkbox', { name: /Raw times/ }).uncheck();
  await expect
    .poll(() => bar.evaluate((element) => (element as HTMLElement).style.left))
    .toBe(adjustedLeft);
});

test('inline details open under the selected row inside the waterfall; axe finds no serious violations', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('cairn.spanDetailLayout', 'inline'));
  await openTrace(page, CLOCK_SKEW);
  await analysisReady(page);
  await treegrid(page)
    .getByRole('row', { name: /skewed handler/ })
    .click();
  const panel = treegrid(page).getByRole('region', { name: /^Span details/ });
  await expect(panel).toBeVisible();
  await page.getByRole('checkbox', { name: 'Critical path' }).check();
  const results = await new AxeBuilder({ page }).include('.trace-page').analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
