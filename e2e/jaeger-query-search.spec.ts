/**
 * Search across all services on the production bundle behind the jaeger-query stand-in: offered
 * only when jaeger-query says its storage can (the `searchWithoutServiceName` capability).
 */
import { expect, test, type Page } from '@playwright/test';
import { startJaegerQuery } from './support/servers';

test.describe('search across all services', () => {
  const serviceBox = (page: Page) => page.getByRole('combobox', { name: 'Service' });

  test('without searchWithoutServiceName the form offers no "All services"', async ({ page }) => {
    await page.goto('search');
    await serviceBox(page).click();
    await expect(page.getByRole('option', { name: 'frontend', exact: true })).toBeVisible();
    await expect(page.getByRole('option', { name: 'All services' })).toHaveCount(0);
    await serviceBox(page).fill('all');
    await expect(page.getByRole('option', { name: 'All services' })).toHaveCount(0);
  });

  test('with it, "All services" searches with no service and shows several services', async ({
    page,
  }) => {
    const backend = await startJaegerQuery({ flags: ['--search-without-service'] });
    try {
      const searches: URL[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (/\/api\/(v3\/trace-summaries|v3\/traces|traces)$/.test(url.pathname))
          searches.push(url);
      });
      await page.goto(`${backend.url}search`);
      await serviceBox(page).click();
      await page.getByRole('option', { name: 'All services' }).click();
      await expect(serviceBox(page)).toHaveValue('All services');
      // Operations belong to one service: across all of them the choice is "all".
      await expect(page.getByRole('combobox', { name: 'Operation' })).toBeDisabled();
      await page.getByLabel('Lookback').selectOption('2d');
      await page.getByLabel('Limit').fill('60');
      await page.getByRole('button', { name: 'Find traces' }).click();

      const rows = page.locator('li.result-row');
      await expect(rows.first()).toBeVisible();
      expect(new URL(page.url()).searchParams.get('service')).toBe('__all_services__');
      expect(searches.length).toBeGreaterThan(0);
      for (const url of searches) {
        expect(url.pathname).toBe('/api/v3/trace-summaries');
        expect([...url.searchParams.keys()].filter((key) => /service/i.test(key))).toEqual([]);
      }
      const roots = await rows.evaluateAll((items) =>
        items.map((item) => (item.getAttribute('data-name') ?? '').split(':')[0]),
      );
      expect(new Set(roots).size).toBeGreaterThan(2);

      // The link restores the choice.
      await page.reload();
      await expect(serviceBox(page)).toHaveValue('All services');
      await expect(rows.first()).toBeVisible();
    } finally {
      await backend.stop();
    }
  });
});
