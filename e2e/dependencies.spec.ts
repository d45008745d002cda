import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
}

const zoomLevel = async (page: Page) =>
  Number((await page.getByLabel('Zoom level').textContent())?.replace('%', ''));

test('the demo dependency graph: find a service, focus it from the keyboard, the table follows', async ({
  page,
}) => {
  await page.goto('dependencies');
  const graph = page.getByRole('application', { name: /Service graph: \d+ services/ });
  await expect(graph).toBeVisible();
  await expect(page.getByText('Layered layout')).toBeVisible();
  const table = page.getByRole('table', { name: /Calls between services/ });
  const allRows = await table.locator('tbody tr').count();
  expect(allRows).toBeGreaterThan(3);

  await page.getByRole('combobox', { name: 'Find a service' }).fill('frontend');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('search', { name: 'Find in graph' }).getByRole('status')).toHaveText(
    /^1 of \d+/,
  );
  await graph.focus();
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Service frontend: /);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=frontend/);
  await expect(table).toHaveAccessibleName(/involving frontend/);
  const focusedRows = table.locator('tbody tr');
  await expect.poll(() => focusedRows.count()).toBeLessThan(allRows);
  for (const row of await focusedRows.all()) await expect(row).toContainText('frontend');
  // Arrows move between services; the live region says where the keyboard is.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[aria-live="polite"]')).not.toHaveText(/^Service frontend: /);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/focus=/);
  await expectNoSeriousAxe(page);
});

test('1,200 generated services lay out; zoom in and back out, Fit restores; find and focus two hops', async ({
  page,
}) => {
  await page.goto('dependencies?demoServices=1200');
  const graph = page.getByRole('application', {
    name: /Service graph: 1,200 services, 4,\d{3} links/,
  });
  await expect(graph).toBeVisible();
  await expect(page.getByText('Force-directed layout')).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Fit' }).click();
  const fitted = await zoomLevel(page);
  expect(fitted).toBeLessThan(50);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoomLevel(page)).toBeGreaterThan(fitted * 2);
  // The wheel zooms back out past where Fit put it: never stuck after zooming in.
  const box = await graph.boundingBox();
  if (!box) throw new Error('graph has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => zoomLevel(page)).toBeLessThan(fitted);
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect.poll(() => zoomLevel(page)).toBe(fitted);

  await page.getByRole('combobox', { name: 'Find a service' }).fill('auth-hub');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('search', { name: 'Find in graph' }).getByRole('status')).toHaveText(
    /^1 of /,
  );
  await expect.poll(() => zoomLevel(page)).toBeGreaterThanOrEqual(100);
  await graph.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/focus=auth-hub/);
  const reach = page.getByText(/services within reach of auth-hub/);
  await expect(reach).toBeVisible();
  const oneHop = Number((await reach.textContent())?.replace(/\D.*$/, '').replace(/,/g, ''));
  await page.getByLabel('Upstream hops').selectOption('2');
  await page.getByLabel('Downstream hops').selectOption('2');
  await expect(page).toHaveURL(/up=2&down=2|down=2.*up=2/);
  await expect
    .poll(async () => Number((await reach.textContent())?.split(' ')[0]?.replace(/,/g, '')))
    .toBeGreaterThan(oneHop);
  await expectNoSeriousAxe(page);
});
