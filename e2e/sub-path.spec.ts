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

test('under a sub-path, a trace link loads its trace from the API under it', async ({ page }) => {
  const tracePaths: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/traces/')) tracePaths.push(path);
  });
  // One of the demo backend's fixed traces (src/mocks/scenarios-broken.ts): orphans.
  await page.goto('trace/0bad0000000000000000000000000001');
  await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible();
  // Downloaded once (start-up's early download, adopted by the page), from under the base.
  expect(tracePaths).toEqual(['/jaeger/api/v3/traces/0bad0000000000000000000000000001']);
});
