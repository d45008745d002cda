import { expect, test } from '@playwright/test';
import { openRealFixture } from './support/local-files';

test('a trace opened from a file says its link works in this tab only, and a reload says why it is gone', async ({
  page,
}) => {
  await openRealFixture(page, 'jaeger-pr9263/n_plus_one_positive.json', /frontend/);
  await expect(page.getByRole('note')).toContainText('lives in this browser tab only');

  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Trace not found', { timeout: 20_000 });
  await expect(alert).toContainText('opened from a file in this tab');
});

test('a trace from the server has no such note', async ({ page }) => {
  await page.goto('trace/0bad0000000000000000000000000003');
  await expect(page.getByRole('treegrid')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.trace-local-note')).toHaveCount(0);
});
