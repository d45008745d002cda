import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The main user paths of the production bundle behind nginx with deploy/nginx's headers, the
 * strict CSP included; the csp fixture fails any test that caused a violation.
 */
const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/real/', import.meta.url));
const DUPLICATE_IDS = '0bad0000000000000000000000000004';
const ORPHANS = '0bad0000000000000000000000000001';
const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const rows = (page: Page) => page.locator('li.result-row');
const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Trace views' }).getByRole('tab', { name, exact: true });

async function pickService(page: Page, name: string) {
  const service = page.getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

for (const where of ['root', 'subPath'] as const) {
  test.describe(where === 'root' ? 'at /' : 'under /jaeger/', () => {
    let base = '';
    test.beforeEach(({ stack }) => {
      base = stack[where];
    });

    test('the headers: CSP with the bundle’s hashes, caching, nosniff, referrer policy', async ({
      page,
    }) => {
      const response = await page.goto(`${base}search`);
      const headers = response?.headers() ?? {};
      const csp = readFileSync(`${process.env.E2E_OUT_DIR ?? 'dist-e2e'}-prod/csp.txt`, 'utf8');
      // The header is the generated policy but for frame-ancestors, which the operator sets.
      const [policy] = csp.split('; frame-ancestors');
      expect(headers['content-security-policy']).toContain(policy?.trim());
      // 'wasm-unsafe-eval' (WebAssembly only) is allowed; script eval and inline scripts are not.
      expect(headers['content-security-policy']).not.toMatch(/'unsafe-(inline|eval)'/);
      expect(headers['content-security-policy-report-only']).toBe(
        "require-trusted-types-for 'script'",
      );
      expect(headers['cache-control']).toBe('no-store');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      await expect(page.getByRole('button', { name: 'Find traces' })).toBeVisible();
      const script = await page.locator('script[type=module]').getAttribute('src');
      const asset = await page.request.get(new URL(script ?? '', page.url()).href);
      expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers()['content-type']).toMatch(/javascript/);
      const config = await page.request.get(`${base}config.json`);
      // The bundle's own config.json is empty: the place where an operator's goes.
      expect(await config.json()).toEqual({});
      expect(config.headers()['cache-control']).toBe('no-store');
      // The API is jaeger-query's, passed through; nginx adds nosniff to it too.
      const api = await page.request.get(`${base}api/v3/services`);
      expect(api.ok()).toBe(true);
      expect(api.headers()['x-content-type-options']).toContain('nosniff');
    });

    test('search → results → trace → span details → find', async ({ page }) => {
      await page.goto(`${base}search`);
      await pickService(page, 'frontend');
      await page.getByLabel('Lookback').selectOption('2d');
      await page.getByRole('button', { name: 'Find traces' }).click();
      await expect(rows(page).first()).toBeVisible();
      // The scatter plot drew its points.
      await expect(page.getByRole('region', { name: 'Durations over time' })).toBeVisible();
      await rows(page).first().getByRole('link').first().click();
      await expect(page).toHaveURL(/\/trace\/[0-9a-f]+/);
      await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
      await treegrid(page).getByRole('row').nth(1).click();
      await expect(page.getByRole('region', { name: /^Span details/ })).toBeVisible();
      await page.getByRole('searchbox', { name: /Find/ }).fill('frontend');
      await expect(page).toHaveURL(/uiFind=frontend/);
      // A key=value term: the spans' bytes are read in WebAssembly, which the CSP allows. The
      // URL follows the query once its matches are in.
      const status = page.getByRole('search').getByRole('status');
      await page.getByRole('searchbox', { name: /Find/ }).fill('http.method=get');
      await expect(page).toHaveURL(/uiFind=http\.method%3Dget/);
      await expect(status).toHaveText(/^1 of [1-9][\d,]*$/);
      await page.getByRole('searchbox', { name: /Find/ }).fill('http.method=nomethod');
      await expect(page).toHaveURL(/uiFind=http\.method%3Dnomethod/);
      await expect(status).toHaveText('No matches');
    });

    test('every trace view', async ({ page }) => {
      await page.goto(`${base}trace/${DUPLICATE_IDS}`);
      await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
      // The CSP lets the trace worker compile its WebAssembly span skipper, and it read with it.
      const reader = await page.evaluate(
        () =>
          (performance.getEntriesByName('cairn:worker-built')[0] as PerformanceMark | undefined)
            ?.detail as { reader?: string } | undefined,
      );
      expect(reader?.reader).toBe('wasm');
      await expect(page.locator('header.trace-head')).toBeVisible();
      await tab(page, 'Statistics').click();
      await expect(page.getByRole('table', { name: /Statistics by service/ })).toBeVisible();
      await tab(page, 'Span table').click();
      await expect(page.getByRole('grid', { name: 'Spans' }).getByRole('row').nth(1)).toBeVisible();
      await tab(page, 'Flame graph').click();
      await expect(page.getByRole('application', { name: /^Flame graph of/ })).toBeVisible();
      await tab(page, 'Trace graph').click();
      await expect(
        page.getByRole('application', { name: /^Trace graph: [\d,]+ operations/ }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Fit' })).toBeEnabled({ timeout: 30_000 });
      await tab(page, 'JSON').click();
      await expect(page.getByRole('region', { name: 'Trace JSON' })).toContainText(DUPLICATE_IDS);
    });

    test('compare, dependencies, the keyboard help and theme', async ({ page }) => {
      await page.goto(`${base}compare?cohort=${ORPHANS}&cohort=${DUPLICATE_IDS}`);
      await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
        /spans matched/,
      );
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Dependencies' })
        .click();
      await expect(page.getByRole('table', { name: /Calls between services/ })).toBeVisible();
      await expect(
        page.getByRole('application', { name: /Service graph: \d+ services/ }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: 'Fit' })).toBeEnabled({ timeout: 30_000 });
      await page.goto(`${base}trace/${ORPHANS}`);
      await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
    });

    test('monitor: the metrics worker starts under the CSP and the charts draw', async ({
      page,
    }) => {
      await page.goto(`${base}monitor?service=payment-service`);
      for (const title of ['Latency', 'Error rate', 'Request rate'])
        await expect(page.getByRole('figure', { name: title }).first()).toBeVisible();
      const table = page.getByRole('table', { name: 'Operations of payment-service' });
      await expect(table.getByRole('button', { name: 'Charge' })).toBeVisible({ timeout: 30_000 });
    });

    test('trace files open from disk', async ({ page }) => {
      await page.goto(`${base}search`);
      await page.getByLabel('Choose files…').setInputFiles([
        {
          name: basename('jaeger/ui_01.json'),
          mimeType: 'application/json',
          buffer: readFileSync(`${FIXTURES}jaeger/ui_01.json`),
        },
      ]);
      const local = rows(page).filter({ has: page.getByText('local', { exact: true }) });
      await expect(local.first()).toBeVisible({ timeout: 20_000 });
      await local.first().getByRole('link').click();
      await expect(treegrid(page)).toBeVisible();
    });

    test('a trace that does not exist says so', async ({ page }) => {
      await page.goto(`${base}trace/ffffffffffffffffffffffffffffffff`);
      await expect(page.getByRole('alert')).toContainText('ffffffffffffffffffffffffffffffff', {
        timeout: 30_000,
      });
    });
  });
}

test('jaeger-query down: nginx’s 502 is shown with its status, and Retry asks again', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.apiDown}search?service=frontend&lookback=1h`);
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('502', { timeout: 30_000 });
  const retried = page.waitForRequest((request) => request.url().includes('/api/'));
  await alert.getByRole('button', { name: 'Retry' }).click();
  await retried;
  await expect(page.getByRole('alert').first()).toContainText('502');
});
