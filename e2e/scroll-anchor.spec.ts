import { expect, test, type Page } from '@playwright/test';

/** The demo backend's 100k-span trace ('b16' + span count; see src/mocks/big-traces.ts). */
const TRACE_100K = `b16${String(100_000).padStart(29, '0')}`;

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

/** The span whose row is at the top edge of the treegrid, and how far its top is above that edge. */
const topRow = (page: Page) =>
  treegrid(page).evaluate((grid) => {
    const top = grid.getBoundingClientRect().top;
    for (const row of Array.from(grid.querySelectorAll<HTMLElement>('[role="row"]'))) {
      const box = row.getBoundingClientRect();
      if (box.top <= top + 0.5 && box.bottom > top + 0.5)
        return { span: row.getAttribute('data-span-index'), into: Math.round(top - box.top) };
    }
    return null;
  });

test('the row at the top stays there when folds arrive or are switched', async ({ page }) => {
  await page.goto(`trace/${TRACE_100K}`);
  const grid = treegrid(page);
  await expect(grid.getByRole('row').first()).toBeVisible({ timeout: 45_000 });
  // Scroll as a user would, as soon as rows are there (before the analysis and its folds).
  await grid.hover();
  await page.mouse.wheel(0, 24 * 400 + 10);
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(24 * 300);
  const before = await topRow(page);
  expect(before?.span).toBeTruthy();
  expect(Number(before?.span)).toBeGreaterThan(0);

  // The repeated-sibling folds arrive with the analysis: the row count drops.
  const fold = page.getByRole('checkbox', { name: 'Fold repeated calls' });
  await expect(page.getByRole('checkbox', { name: 'Critical path' })).toBeEnabled({
    timeout: 45_000,
  });
  await expect(grid).not.toHaveAttribute('aria-rowcount', '100000', { timeout: 45_000 });
  const afterFolds = await topRow(page);
  expect(afterFolds?.span).toBe(before?.span);

  // Unfolding and folding again moves the rows above, not what is on screen.
  await fold.uncheck();
  await expect(grid).toHaveAttribute('aria-rowcount', '100000');
  expect((await topRow(page))?.span).toBe(before?.span);
  await fold.check();
  await expect(grid).not.toHaveAttribute('aria-rowcount', '100000');
  expect((await topRow(page))?.span).toBe(before?.span);
  expect(await grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});
