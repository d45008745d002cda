/**
 * The same hostile trace data (trace-cases.ts) on every other page that shows traces: search
 * results, compare, the deep dependency graph built from the results, and a file opened from the
 * search page. One test per case.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { chooseFile } from '../support/local-files';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { baseTrace, TRACE_CASES } from './trace-cases';

const results = (page: Page) => page.getByRole('region', { name: 'Search results' });
const rowOf = (page: Page, spans: number, local = false) =>
  results(page)
    .locator(`li.result-row[data-spans="${spans}"]`)
    .filter(local ? { has: page.locator('.result-badge') } : {});

for (const c of TRACE_CASES) {
  test(`search, compare, deep dependencies, file, ${c.kind}: ${c.name}`, async ({ page }) => {
    const guard = guardPage(page);
    const trace = c.build();
    const other = baseTrace();
    await withScriptedBackend(page, ['api-gateway']);
    await serveTraces(page, [trace, other]);

    // Search: both traces listed, each with its span count.
    await page.goto('search?service=api-gateway&lookback=2h&limit=20');
    await expect(results(page).locator('li.result-row')).toHaveCount(2, { timeout: 30_000 });
    await expect(rowOf(page, c.spans)).not.toHaveCount(0);
    await guard.expectNothingRan();

    // Compare the case with a sound trace, picked from the results.
    for (const checkbox of await results(page).getByRole('checkbox').all()) await checkbox.check();
    await results(page)
      .getByRole('button', { name: /^Compare/ })
      .click();
    await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
      /spans matched/,
      { timeout: 30_000 },
    );
    await expect(page.getByRole('treegrid', { name: 'Span comparison' })).toBeVisible();
    await guard.expectNothingRan();

    // The deep dependency graph of the results.
    await page.goBack();
    await results(page).getByRole('link', { name: 'View as dependency graph' }).click();
    await expect(page.locator('.ddg-count')).toHaveText(/^\d+ nodes from 2 traces$/, {
      timeout: 30_000,
    });
    await guard.expectNothingRan();

    // The same document opened as a file: listed and opened with every span.
    await chooseFile(page, 'hostile.json', Buffer.from(JSON.stringify({ data: [trace] })));
    const local = rowOf(page, c.spans, true);
    await expect(local).toHaveCount(1);
    await local.getByRole('link').first().click();
    const header = page.locator('header.trace-head');
    await expect(
      header.locator('.trace-head__stat', { hasText: 'Spans' }).locator('dd'),
    ).toHaveText(String(c.spans), { timeout: 30_000 });
    if (c.flag) await expect(page.locator('main')).toContainText(c.flag);
    await guard.expectNothingRan();
    await expectResponsive(page);
  });
}
