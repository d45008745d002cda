import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

async function openFile(page: Page, path: string, service: RegExp) {
  await page.goto('search');
  await page.getByLabel('Choose files…').setInputFiles({
    name: basename(path),
    mimeType: 'application/json',
    buffer: readFileSync(`${FIXTURES}${path}`),
  });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
  await page.getByRole('link', { name: service }).first().click();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
}

test('an OTLP link shows its attributes in the span details', async ({ page }) => {
  await openFile(page, 'jaeger/link_attributes_trace.json', /query25-service/);
  await treegrid(page).getByRole('row').first().click();
  const table = page
    .getByRole('table', { name: 'Attributes of this link' })
    .filter({ hasText: 'sameplacelinkattribute1' })
    .first();
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'sameplacelinkattribute1' })).toBeVisible();
  await expect(table.getByText('sameplacevalue')).toBeVisible();
});

test('find on OTLP data matches error=true and span.kind=client as the JSON view shows them', async ({
  page,
}) => {
  await openFile(page, 'jaeger-pr9263/n_plus_one_positive.json', /frontend/);
  const find = page.getByRole('searchbox', { name: 'Find spans' });
  const status = page.getByRole('search').getByRole('status');
  await find.fill('error=true');
  await expect(status).toHaveText('1 of 3', { timeout: 20_000 });
  await find.fill('span.kind=client');
  await expect(status).toHaveText(/^1 of \d+$/, { timeout: 20_000 });
});
