import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('two searched traces compare span against span with duration deltas', async ({ page }) => {
  await page.goto('search');
  const service = page.getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.fill('api-gateway');
  await page.getByRole('option', { name: 'api-gateway', exact: true }).click();
  await page.getByLabel('Lookback').selectOption('2d');
  await page.getByRole('button', { name: 'Find traces' }).click();
  const rows = page.locator('li.result-row');
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Compare/ }).click();

  await expect(page).toHaveURL(/\/compare\?cohort=\w+&cohort=\w+/);
  const summary = page.getByRole('region', { name: 'Comparison summary' });
  await expect(summary).toContainText(/spans matched/);
  const table = page.getByRole('treegrid', { name: 'Span comparison' });
  await expect(table.getByRole('row').nth(1)).toContainText('api-gateway');
  // Every body row shows a delta, or says on which side the span is missing.
  const deltas = table.locator('.diff-delta');
  await expect(deltas.first()).toHaveText(/^[+−]\S+|only in [AB]/);

  const all = await deltas.count();
  await page.getByLabel(/Only show differences/).check();
  await expect.poll(() => deltas.count()).toBeLessThanOrEqual(all);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
});

test('the compare form takes two ids, and a missing trace shows an error with retry', async ({
  page,
}) => {
  await page.goto('compare');
  await page.getByLabel('Trace A').fill('0bad0000000000000000000000000001');
  await page.getByLabel('Trace B').fill('ffffffffffffffffffffffffffffffff');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(
    /cohort=0bad0000000000000000000000000001&cohort=ffffffffffffffffffffffffffffffff/,
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('ffffffffffffffffffffffffffffffff');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('comparing a broken trace with itself matches every span', async ({ page }) => {
  const id = '0bad0000000000000000000000000004';
  await page.goto(`compare?cohort=${id}&cohort=${id}`);
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    /0 only in A, 0 only in B/,
  );
  await expect(page.getByRole('region', { name: 'Comparison summary' })).toContainText(
    'as fast as A',
  );
});
