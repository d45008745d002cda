import { expect, test, type Page } from '@playwright/test';
import { openRealFixture, REAL_FIXTURES } from './support/local-files';

const spans = (page: Page) =>
  page.locator('header.trace-head .trace-head__stat', { hasText: 'Spans' }).locator('dd');
const recent = (page: Page) => page.getByRole('region', { name: 'Recent files' });

test('a trace opened from a file is kept in the browser: a reload shows it, Forget removes it', async ({
  page,
}) => {
  await openRealFixture(page, 'jaeger-pr9263/n_plus_one_positive.json', /frontend/);
  await expect(page.getByRole('note')).toContainText('kept in this browser');
  const link = page.url();

  await page.reload();
  await expect(spans(page)).toHaveText('16', { timeout: 30_000 });
  await expect(page.getByRole('note')).toContainText('kept in this browser');

  // The search page lists the kept file; opening it lists its trace again.
  await page.goto('search');
  await expect(recent(page)).toContainText('n_plus_one_positive.json');
  await expect(recent(page)).toContainText('1 trace');
  await recent(page).getByRole('button', { name: 'Open n_plus_one_positive.json' }).click();
  await expect(page.locator('li.result-row[data-spans="16"]')).toHaveCount(1);

  await recent(page).getByRole('button', { name: 'Forget n_plus_one_positive.json' }).click();
  await expect(recent(page)).toHaveCount(0);
  await page.goto(link);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Trace not found', { timeout: 20_000 });
  await expect(alert).toContainText('opened from a file in this tab');
});

test('where IndexedDB is blocked, the file is not kept and every place says so', async ({
  page,
}) => {
  // As in a storage-blocked frame: touching indexedDB throws.
  await page.addInitScript(() =>
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'SecurityError',
        );
      },
    }),
  );
  await page.goto('search');
  await expect(page.getByRole('note')).toContainText('Opened files are not kept');
  await page
    .getByLabel('Choose files…')
    .setInputFiles(`${REAL_FIXTURES}jaeger-pr9263/n_plus_one_positive.json`);
  await expect(page.locator('.local-files-status li.done')).toContainText(
    'not kept after a reload: this browser does not let Cairn store files here',
    { timeout: 20_000 },
  );
  await page.locator('li.result-row').first().getByRole('link').first().click();
  await expect(spans(page)).toHaveText('16', { timeout: 30_000 });
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
