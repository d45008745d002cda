/**
 * The suite feeds bad input to what users run: the production bundle (the `hostile` project of
 * playwright.config.ts serves it as jaeger-query does). A demo build would answer /api from MSW in
 * a service worker, and bad answers scripted with page.route would test the demo instead.
 */
import { expect, test } from '@playwright/test';

test('the hostile suite runs the production bundle: no demo backend, no service worker', async ({
  page,
}) => {
  await page.goto('search');
  // The services are listed once the API answered: in a demo build, after MSW's worker started.
  await page.getByRole('combobox', { name: 'Service' }).click();
  await expect(page.getByRole('option', { name: 'frontend', exact: true })).toBeVisible({
    timeout: 30_000,
  });
  const workers = await page.evaluate(
    async () => (await navigator.serviceWorker.getRegistrations()).length,
  );
  expect(workers, 'service workers registered by the page').toBe(0);
  // A demo build ships MSW's worker script; the production bundle has none (index.html instead).
  const script = await page.request.get('mockServiceWorker.js');
  expect(script.headers()['content-type'] ?? '').not.toMatch(/javascript/);
});
