/**
 * Hostile files opened from the search page and hostile URLs followed into every page
 * (input-cases.ts): one test per case.
 */
import { expect, test } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { FILE_CASES, URL_CASES } from './input-cases';

for (const c of FILE_CASES) {
  test(`file, ${c.kind}: ${c.name}`, async ({ page }) => {
    const guard = guardPage(page);
    await page.goto('search');
    await page
      .getByLabel('Choose files…')
      .setInputFiles({ ...c.file, mimeType: 'application/json' });
    const line = page.locator('.local-files-status li').filter({ hasText: c.file.name });
    await expect(line).toHaveClass(/done|error/, { timeout: 30_000 });
    await expect(line).toContainText(c.says);
    if (c.spans !== undefined) {
      const row = page.locator(`li.result-row[data-spans="${c.spans}"]`);
      await expect(row).toHaveCount(1);
      await row.getByRole('link').first().click();
      await expect(
        page.locator('header.trace-head .trace-head__stat', { hasText: 'Spans' }).locator('dd'),
      ).toHaveText(String(c.spans), { timeout: 30_000 });
    }
    await guard.expectNothingRan();
    await expectResponsive(page);
  });
}

for (const c of URL_CASES) {
  test(`url, ${c.kind}: ${c.name}`, async ({ page }) => {
    const guard = guardPage(page);
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/api/traces/')) asked.push(path.replace(/^.*\/api\/traces\//, ''));
    });
    await withScriptedBackend(page);
    await serveTraces(page, c.traces ?? []);
    await page.goto(c.path);
    await expect(page.locator('main')).toContainText(c.says, { timeout: 30_000 });
    if (c.asks) expect(asked).toEqual(c.asks);
    // Which trace was not found, as typed: text, not markup.
    if (c.id !== undefined)
      await expect(page.getByRole('alert').filter({ hasText: 'Trace id' })).toContainText(
        `Trace id${c.id}`,
      );
    await guard.expectNothingRan();
    await expectResponsive(page);
  });
}
