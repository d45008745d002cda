/**
 * The production bundle as a static site with no jaeger-query in front (nginx, an ingress): Jaeger
 * UI's configuration comes from a config.json beside index.html, which the operator writes.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROD_DIST, startIngress, type RunningServer } from './support/servers';

const FIXTURES = resolve('../shared/fixtures/real/jaeger-query');
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test.describe('static hosting with config.json beside index.html', () => {
  const dir = resolve('test-results/static-config');
  let server: RunningServer;
  test.beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(PROD_DIST, dir, { recursive: true });
    server = await startIngress(dir);
  });
  test.afterAll(() => server.stop());

  test('a valid config.json configures the menu and the search limits', async ({ page }) => {
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        menu: [
          {
            label: 'Runbooks',
            items: [{ label: 'On-call', url: 'https://wiki.example.com/oncall' }],
          },
        ],
        search: { maxLimit: 50 },
        dependencies: { menuEnabled: false },
      }),
    );
    await page.goto(`${server.url}search`);
    await mainNav(page).getByRole('button', { name: 'Runbooks' }).click();
    await expect(page.getByRole('link', { name: 'On-call' })).toHaveAttribute(
      'href',
      'https://wiki.example.com/oncall',
    );
    await expect(mainNav(page).getByRole('link', { name: 'Dependencies' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Limit' })).toHaveAttribute(
      'placeholder',
      '1–50',
    );
    await page.getByRole('button', { name: 'About' }).click();
    await expect(page.locator('.about-list')).toContainText('from config.json');
  });

  for (const fixture of ['fixture_ui-config-malformed.json', 'fixture_ui-config-hotreload.json']) {
    test(`${fixture} as config.json: a visible notice, the defaults, a working page`, async ({
      page,
    }) => {
      cpSync(join(FIXTURES, fixture), join(dir, 'config.json'));
      await page.goto(`${server.url}search`);
      const notice = page.getByRole('status').filter({ hasText: 'UI configuration has problems' });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(
        fixture.includes('malformed') ? 'config.json is not valid JSON' : 'has no "url"',
      );
      await expect(mainNav(page).getByRole('link', { name: 'Dependencies' })).toBeVisible();
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    });
  }
});
