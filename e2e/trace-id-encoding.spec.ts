import { expect, test, type Page } from '@playwright/test';

/**
 * Trace ids are any string: one encoding rule from the lookup box through the URL to the API.
 * A scripted Jaeger 2.x backend records which trace ids it was asked for.
 */
async function recordingBackend(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.addInitScript(() => localStorage.setItem('cairn.demo', 'off'));
  await page.route('**/api/v3/services', (route) => route.fulfill({ json: { services: [] } }));
  await page.route('**/api/v3/traces/**', (route) => {
    // The path as sent, undecoded: what the backend's router sees.
    asked.push(new URL(route.request().url()).pathname.replace(/^.*\/api\/v3\/traces\//, ''));
    return route.fulfill({ status: 404, json: { error: { code: 5, message: 'trace not found' } } });
  });
  return asked;
}

test('an id typed with %2F is that id in the URL and in the one request for it', async ({
  page,
}) => {
  const asked = await recordingBackend(page);
  await page.goto('search');
  const lookup = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
  await lookup.fill('a%2Fb');
  await lookup.press('Enter');
  await expect(page).toHaveURL(/\/trace\/a%252Fb$/);
  // The page may show its loading status before the request leaves: wait for the request.
  await expect.poll(() => asked, { timeout: 20_000 }).toEqual(['a%252Fb']);
  await expect(page.getByRole('alert').or(page.getByRole('status')).first()).toBeVisible();
  expect(asked).toEqual(['a%252Fb']);
});

test('opening a URL with an encoded id asks for that one id once', async ({ page }) => {
  const asked = await recordingBackend(page);
  await page.goto('trace/..%252Fx');
  await expect(page.getByText(/not found/i).first()).toBeVisible({ timeout: 20_000 });
  // Start-up's early load and the page agree: one request, for the id `..%2Fx`.
  expect(asked).toEqual(['..%252Fx']);
});
