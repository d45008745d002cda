import { expect, test, type Page } from '@playwright/test';
import { openRealFixture } from './support/local-files';

const TRACE_10K = `b16${String(10_000).padStart(29, '0')}`;

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const foldToggle = (page: Page) => page.getByRole('checkbox', { name: 'Fold repeated calls' });

test('a folded run of calls shows the errors it folds', async ({ page }) => {
  // 13 GetDriver calls under one parent, three of them failed (status code 2).
  await openRealFixture(page, 'jaeger-pr9263/n_plus_one_positive.json', /frontend/);
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
