import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the demo dependency graph shows the services and focusing one filters the table', async ({
  page,
}) => {
  await page.goto('dependencies');
  const graph = page.getByRole('group', { name: /Service graph: \d+ services/ });
  await expect(graph).toBeVisible();
  const frontend = graph.getByRole('button', { name: 'Service frontend' });
  await expect(frontend).toBeVisible();
  const table = page.getByRole('table', { name: /Calls between services/ });
  const allRows = await table.locator('tbody tr').count();
  expect(allRows).toBeGreaterThan(3);
  await frontend.focus();
  await page.keyboard.press('Enter');
  await expect(frontend).toHaveAttribute('aria-pressed', 'true');
  await expect(table).toHaveAccessibleName(/involving frontend/);
  const focusedRows = table.locator('tbody tr');
  await expect.poll(() => focusedRows.count()).toBeLessThan(allRows);
  for (const row of await focusedRows.all()) await expect(row).toContainText('frontend');
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
});
