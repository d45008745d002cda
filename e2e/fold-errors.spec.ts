import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));
const TRACE_10K = `b16${String(10_000).padStart(29, '0')}`;

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const foldToggle = (page: Page) => page.getByRole('checkbox', { name: 'Fold repeated calls' });

test('a folded run of calls shows the errors it folds', async ({ page }) => {
  await page.goto('search');
  // 13 GetDriver calls under one parent, three of them failed (status code 2).
  await page.getByLabel('Choose files…').setInputFiles({
    name: 'n_plus_one_positive.json',
    mimeType: 'application/json',
    buffer: readFileSync(`${FIXTURES}jaeger-pr9263/n_plus_one_positive.json`),
  });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
  await page
    .getByRole('link', { name: /frontend/ })
    .first()
    .click();
  const fold = treegrid(page).getByRole('row', { name: /repeated calls redis-manual GetDriver/ });
  await expect(fold).toBeVisible({ timeout: 30_000 });
  await expect(fold).toHaveAccessibleName(/, 3 errors, total /);
  await expect(fold).toContainText('3 errors');
  await expect(fold.locator('.wf-error-mark')).toBeVisible();
});

test('the "Fold repeated calls" choice is remembered across traces and reloads', async ({
  page,
}) => {
  await page.goto(`trace/${TRACE_10K}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 45_000 });
  await expect(foldToggle(page)).toBeChecked();
  await foldToggle(page).uncheck();
  await page.reload();
  await expect(treegrid(page)).toBeVisible({ timeout: 45_000 });
  await expect(foldToggle(page)).not.toBeChecked();
  await expect(treegrid(page)).toHaveAttribute('aria-rowcount', '10000', { timeout: 30_000 });
  await foldToggle(page).check();
  await page.reload();
  await expect(foldToggle(page)).toBeChecked({ timeout: 45_000 });
});
