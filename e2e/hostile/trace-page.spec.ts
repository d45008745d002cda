/**
 * Hostile trace data on the trace page, from the backend: header, timeline, details, find, the
 * critical path and every alternative view. One test per case of trace-cases.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { TRACE_CASES } from './trace-cases';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const details = (page: Page) =>
  page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));
const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Trace views' }).getByRole('tab', { name, exact: true });

for (const c of TRACE_CASES) {
  test(`trace page, ${c.kind}: ${c.name}`, async ({ page }) => {
    const guard = guardPage(page);
    const trace = c.build();
    await withScriptedBackend(page, ['api-gateway']);
    await serveTraces(page, [trace]);
    // The app's rule (src/ui/trace-path.ts): the id is one encoded path segment.
    await page.goto(`trace/${encodeURIComponent(trace.traceID)}`);
    await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });

    // Nothing lost: the header and the row counter count every span.
    const header = page.locator('header.trace-head');
    await expect(
      header.locator('.trace-head__stat', { hasText: 'Spans' }).locator('dd'),
    ).toHaveText(String(c.spans));
    await expect(page.locator('.wf-row-count')).toContainText(`for ${c.spans} spans`);
    if (c.flag) await expect(page.locator('main')).toContainText(c.flag);

    // Details of the case's row.
    const row = c.detailRow
      ? treegrid(page).getByRole('row').filter({ hasText: c.detailRow }).first()
      : treegrid(page).getByRole('row').first();
    await row.click();
    await expect(details(page)).toBeVisible();
    if (c.shows) await expect(page.locator('main')).toContainText(c.shows);
    await guard.expectNothingRan();

    // Find.
    if (c.find) {
      await page.getByRole('searchbox', { name: 'Find spans' }).fill(c.find);
      await expect(page.getByRole('search').getByRole('status')).toHaveText(/^\d+ of [1-9]\d*$/);
    }

    // The critical path, once the analysis is in.
    const critical = page.getByRole('checkbox', { name: 'Critical path' });
    await expect(critical).toBeEnabled({ timeout: 20_000 });
    await critical.setChecked(!(await critical.isChecked()));

    // Every alternative view opens; the span table has a row per span.
    await tab(page, 'Statistics').click();
    await expect(page.getByRole('table', { name: /Statistics by service/ })).toBeVisible();
    await tab(page, 'Span table').click();
    await expect(page.getByRole('grid', { name: 'Spans' })).toHaveAttribute(
      'aria-rowcount',
      String(c.spans + 1),
    );
    await tab(page, 'Flame graph').click();
    await expect(page.getByRole('application', { name: /^Flame graph/ })).toBeVisible();
    await tab(page, 'Trace graph').click();
    await expect(page.getByRole('application', { name: /^Trace graph/ })).toBeVisible();
    await tab(page, 'JSON').click();
    await expect(page.getByRole('region', { name: 'Trace JSON' })).toBeVisible();
    if (c.jsonCut)
      await expect(page.getByRole('note')).toContainText('Download JSON has all of it');

    await guard.expectNothingRan();
    await expectResponsive(page);
  });
}
