import { expect, test } from '@playwright/test';

// The README's first command: `npm start` serves the dev build with the demo backend. Its lazy
// pages and the demo's service worker must work together (a too-loose API route once answered
// the dev server's own /src/api/*.ts modules with 404).
test('npm start: search the demo backend and open a trace', async ({ page }) => {
  await page.goto('search?service=frontend&lookback=2d');
  await expect(page.getByRole('heading', { name: /\d+ traces/ })).toBeVisible({ timeout: 30_000 });
  await page.locator('li.result-row').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/trace\//);
  await expect(page.getByRole('treegrid')).toContainText('frontend', { timeout: 30_000 });
});
