import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
}

test('search results open as a deep dependency graph; hops, node actions and the URL follow', async ({
  page,
}) => {
  await page.goto('search?service=frontend&lookback=2h&limit=20');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'View as dependency graph' })).toBeVisible({
    timeout: 30_000,
  });
  await results.getByRole('link', { name: 'View as dependency graph' }).click();
  // A whole search travels as the search (search.*), not as its trace ids.
  await expect(page).toHaveURL(/deep-dependencies\?service=frontend&search\.service=frontend/);
  const graph = page.getByRole('application', { name: /^Deep dependency graph: \d+ nodes/ });
  await expect(graph).toBeVisible({ timeout: 30_000 });
  const count = page.locator('.ddg-count');
  await expect(count).toHaveText(/^\d+ nodes from \d+ traces$/);
  const nodesAt = async () => Number((await count.textContent())?.split(' ')[0]);
  const twoHops = await nodesAt();
  await page.getByLabel('Downstream hops').selectOption('1');
  await expect(page).toHaveURL(/down=1/);
  await expect.poll(nodesAt).toBeLessThan(twoHops);

  // Keyboard: the canvas is one Tab stop; arrows reach a node, Enter opens its actions.
  // Arrows move by position: from the focal node, right is downstream once the layout is done.
  await expect(graph).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await graph.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.graph-view [aria-live="polite"]')).toHaveText(/hops downstream/);
  await page.keyboard.press('Enter');
  const actions = page.getByRole('toolbar', { name: /^Actions for / });
  await expect(actions).toBeVisible();
  await expect(actions.getByRole('link', { name: /^Show \d+ traces through it$/ })).toBeVisible();
  const before = await nodesAt();
  const hiddenName = (await actions.getAttribute('aria-label'))?.replace(/^Actions for /, '');
  await actions.getByRole('button', { name: 'Hide' }).click();
  // By name, not by node number: the link survives new data.
  await expect.poll(() => new URL(page.url()).searchParams.getAll('hide')).toEqual([hiddenName]);
  await expect.poll(nodesAt).toBeLessThan(before);
  await expect(page.getByRole('button', { name: /^Show \d+ hidden$/ })).toBeVisible();
  // An older link's node numbers hide nothing (and break nothing).
  const url = new URL(page.url());
  url.searchParams.set('hide', '3,7');
  await page.goto(url.toString());
  await expect(graph).toBeVisible();
  await expect.poll(nodesAt).toBe(before);
  await expectNoSeriousAxe(page);
});

test('the deep dependency route finds traces itself and is in the demo nav', async ({ page }) => {
  await page.goto('search');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Deep dependency graph' })
    .click();
  await expect(page.getByRole('heading', { name: 'Deep dependency graph' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Service', exact: true }).selectOption('frontend');
  await expect(page).toHaveURL(/service=frontend/);
  await expect(page.getByRole('application', { name: /^Deep dependency graph/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByLabel('Nodes by').selectOption('operation');
  await expect(page).toHaveURL(/by=operation/);
  await expect(page.locator('.ddg-count')).toHaveText(/^\d+ nodes from \d+ traces$/);
  await expectNoSeriousAxe(page);
});
