import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** The demo's clock-skew trace: four spans over two services. */
const TRACE = '0bad0000000000000000000000000003';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const stat = (page: Page, term: string) =>
  page.locator('.trace-head__stats dt', { hasText: term }).locator('+ dd');

async function reopen(page: Page, path: string) {
  await page.goto('search');
  await page.getByLabel('Choose files…').setInputFiles(path);
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
}

test("a trace's JSON download reopens in Cairn as the same trace", async ({ page }) => {
  await page.goto(`trace/${TRACE}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  const start = await stat(page, 'Start').textContent();
  const rows = await treegrid(page).getByRole('row').allTextContents();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const path = await download.path();
  const body = JSON.parse(readFileSync(path, 'utf8')) as { data: { traceID: string }[] };
  expect(body.data.map((t) => t.traceID)).toEqual([TRACE]);

  await reopen(page, path);
  await page
    .locator('li.result-row')
    .filter({ has: page.getByText('local', { exact: true }) })
    .first()
    .getByRole('link')
    .click();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(stat(page, 'Start')).toHaveText(start ?? '');
  expect(await treegrid(page).getByRole('row').allTextContents()).toEqual(rows);
  await expect(page.getByText('unknown_service')).toHaveCount(0);
});

test("search's download holds the full traces and reopens in Cairn", async ({ page }) => {
  await page.goto('search');
  await page.getByRole('combobox', { name: 'Service' }).fill('edge-cases');
  await page.getByRole('option', { name: 'edge-cases', exact: true }).click();
  await page.getByLabel('Lookback').selectOption('2d');
  await page.getByRole('button', { name: 'Find traces' }).click();
  const results = page.locator('li.result-row');
  await expect(results.first()).toBeVisible({ timeout: 20_000 });
  const count = await results.count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const path = await download.path();
  const body = JSON.parse(readFileSync(path, 'utf8')) as { data: { spans: unknown[] }[] };
  expect(body.data).toHaveLength(count);

  await reopen(page, path);
  await expect(page.locator('.local-files-status li.done')).toContainText(`${count} traces`);
});
