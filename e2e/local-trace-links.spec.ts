import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));

test('a trace opened from a file says its link works in this tab only, and a reload says why it is gone', async ({
  page,
}) => {
  await page.goto('search');
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
