import { expect, test } from '@playwright/test';

test('the nav reaches every page and the root redirects to search', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveURL(/\/search/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Dependencies' }).click();
  await expect(page.getByRole('heading', { name: 'Service dependencies' })).toBeVisible();
  await nav.getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare traces' })).toBeVisible();
  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search/);
  await expect(page.getByText('Demo data')).toBeVisible();
});

test('the theme choice is applied and remembered across reloads', async ({ page }) => {
  await page.goto('search');
  const toggle = page.getByRole('button', { name: /theme/i });
  await expect(toggle).toHaveText('System theme');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
});

test('the lookup box opens one trace, or lists several', async ({ page }) => {
  await page.goto('search');
  const lookup = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
  await lookup.fill('abc, def');
  await lookup.press('Enter');
  await expect(page).toHaveURL(/\/search\?traceID=abc&traceID=def/);
  await lookup.fill('  0af7651916cd43dd8448eb211c80319c ');
  await lookup.press('Enter');
  await expect(page).toHaveURL(/\/trace\/0af7651916cd43dd8448eb211c80319c$/);
});

test("Jaeger UI's comparison URL still works", async ({ page }) => {
  await page.goto('trace/aaa...bbb');
  await expect(page).toHaveURL(/\/compare\?cohort=aaa&cohort=bbb/);
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
