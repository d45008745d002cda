import { expect, test } from '@playwright/test';

// This project serves the same bundle under /jaeger/ with `<base href="/jaeger/">`, as jaeger-query
// with --query.base-path=/jaeger (or an ingress) would.
test('under a sub-path, routes, assets and API calls all stay under it', async ({ page }) => {
  const apiPaths: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.includes('/api/')) apiPaths.push(url.pathname);
  });
  await page.goto('search');
  await expect(page).toHaveURL(/\/jaeger\/search/);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Dependencies' })
    .click();
  await expect(page).toHaveURL(/\/jaeger\/dependencies/);
  await expect(page.getByRole('table', { name: /Calls between services/ })).toBeVisible();
  expect(apiPaths.length).toBeGreaterThan(0);
  expect(apiPaths.every((path) => path.startsWith('/jaeger/api/'))).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Service dependencies' })).toBeVisible();
});
