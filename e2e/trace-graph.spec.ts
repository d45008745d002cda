import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Demo backend ids (src/mocks/big-traces.ts). */
const BIG_1K = 'b1600000000000000000000000001000';
const BIG_100K = 'b1600000000000000000000000100000';

async function openGraph(page: Page, id: string) {
  await page.goto(`trace/${id}?view=graph`);
  const graph = page.getByRole('application', { name: /^Trace graph: [\d,]+ operations/ });
  await expect(graph).toBeVisible({ timeout: 60_000 });
  // Fit is enabled once the first layout frame is drawn.
  await expect(page.getByRole('button', { name: 'Fit' })).toBeEnabled({ timeout: 30_000 });
  return graph;
}

async function expectNoSeriousAxe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
}

test('the trace graph is one Tab stop: arrows move between nodes, Enter selects, Escape clears', async ({
  page,
}) => {
  const graph = await openGraph(page, BIG_1K);
  await page.getByRole('button', { name: 'Fit' }).focus();
  // Zoom buttons, the readout, then the canvas: one Tab stop for the whole drawing.
  for (let i = 0; i < 6 && !(await graph.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(graph).toBeFocused();
  const live = page.locator('.graph-view [aria-live="polite"]');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText(/^.+: .+, [\d,]+ spans, total .+, self .+, \d+ errors/);
  const first = await live.textContent();
  for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft']) {
    await page.keyboard.press(key);
    if ((await live.textContent()) !== first) break;
  }
  await expect(live).not.toHaveText(first ?? '');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Selected: /)).toBeVisible();
  await expectNoSeriousAxe(page);
  await page.keyboard.press('Escape');
  await expect(page.getByText(/^Selected: /)).toHaveCount(0);
  // Selecting a node selects its spans in the timeline.
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Show in timeline' }).click();
  await expect(page).not.toHaveURL(/view=graph/);
  await expect(page.getByRole('row', { selected: true })).toHaveCount(1);
});

test('the trace graph of a 100,000-span trace draws', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`trace/${BIG_100K}`);
  const views = page.getByRole('tablist', { name: 'Trace views' });
  await expect(views).toBeVisible({ timeout: 60_000 });
  const started = Date.now();
  await views.getByRole('tab', { name: 'Trace graph', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Fit' })).toBeEnabled({ timeout: 30_000 });
  console.log(
    `trace graph of 100k spans: first frame ${Date.now() - started} ms after the tab click`,
  );
  await expect(
    page.getByRole('status').filter({
      hasText: /operations · [\d,]+ call edges( · [\d,]+ smaller operations left out)?$/,
    }),
  ).toBeVisible({ timeout: 30_000 });
  console.log(`trace graph of 100k spans: settled ${Date.now() - started} ms after the tab click`);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Fit' }).click();
  await expectNoSeriousAxe(page);
});
