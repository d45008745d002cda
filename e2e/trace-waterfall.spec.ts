import { expect, test, type Page } from '@playwright/test';

/** The demo backend's 100k-span trace ('b16' + span count; see src/mocks/big-traces.ts). */
const TRACE_100K = `b16${String(100_000).padStart(29, '0')}`;

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const activeRow = (page: Page) =>
  page.locator('[role="treegrid"]').evaluate((grid) => {
    const row = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    return {
      rowIndex: Number(row?.getAttribute('aria-rowindex')),
      level: Number(row?.getAttribute('aria-level')),
      expanded: row?.getAttribute('aria-expanded') ?? null,
      selected: row?.getAttribute('aria-selected') ?? null,
    };
  });

test.describe('trace waterfall (100k spans)', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`trace/${TRACE_100K}`);
    await expect(treegrid(page)).toBeVisible({ timeout: 45_000 });
    // Every span as a row: repeated sibling runs (folded by default) would change the count.
    await page.getByRole('checkbox', { name: 'Fold repeated calls' }).uncheck();
    await expect(treegrid(page)).toHaveAttribute('aria-rowcount', '100000', { timeout: 45_000 });
  });

  test('virtualizes: only rows on screen are in the DOM, and the end is reachable by scrolling', async ({
    page,
  }) => {
    const rows = treegrid(page).getByRole('row');
    expect(await rows.count()).toBeLessThan(120);
    await expect(rows.first()).toHaveAttribute('aria-rowindex', '1');
    await treegrid(page).evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight;
    });
    await expect(treegrid(page).locator('[aria-rowindex="100000"]')).toBeVisible();
  });

  test('collapses and expands everything', async ({ page }) => {
    await page.getByRole('button', { name: 'Collapse all' }).click();
    const collapsed = Number(await treegrid(page).getAttribute('aria-rowcount'));
    expect(collapsed).toBeGreaterThanOrEqual(1);
    expect(collapsed).toBeLessThan(100);
    await expect(treegrid(page).getByRole('row').first()).toHaveAttribute('aria-expanded', 'false');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(treegrid(page)).toHaveAttribute('aria-rowcount', '100000');
  });

  test('opens the details of the last span from the keyboard', async ({ page }) => {
    await treegrid(page).focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await activeRow(page)).rowIndex).toBe(100_000);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await activeRow(page)).selected).toBe('true');
    await expect(
      page
        .getByRole('region', { name: /^Span details/ })
        .or(page.getByRole('complementary', { name: /^Span details/ })),
    ).toBeVisible();
  });

  test('treegrid roles, levels and arrow keys', async ({ page }) => {
    const first = treegrid(page).getByRole('row').first();
    await expect(first).toHaveAttribute('aria-level', '1');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
    await expect(first).toHaveAccessibleName(/\S+ \S+/);

    await treegrid(page).focus();
    expect(await activeRow(page)).toMatchObject({ rowIndex: 1, level: 1 });
    await page.keyboard.press('ArrowDown');
    expect(await activeRow(page)).toMatchObject({ rowIndex: 2, level: 2 });
    await page.keyboard.press('ArrowLeft');
    // A parent closes first; a leaf moves to its parent instead.
    const afterLeft = await activeRow(page);
    if (afterLeft.rowIndex === 2) {
      expect(afterLeft.expanded).toBe('false');
      await page.keyboard.press('ArrowRight');
      expect((await activeRow(page)).expanded).toBe('true');
    } else {
      expect(afterLeft).toMatchObject({ rowIndex: 1, level: 1 });
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    expect(await activeRow(page)).toMatchObject({ rowIndex: 1, expanded: 'false' });
    await expect(treegrid(page)).not.toHaveAttribute('aria-rowcount', '100000');
    await page.keyboard.press('ArrowRight');
    await expect(treegrid(page)).toHaveAttribute('aria-rowcount', '100000');
  });
});

/** The demo backend's 10k-span trace. */
const TRACE_10K = `b16${String(10_000).padStart(29, '0')}`;

test('the rows follow the viewport: the first paint fills it, a smaller one trims them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`trace/${TRACE_10K}`);
  const rows = treegrid(page).getByRole('row');
  await expect(rows.first()).toBeVisible({ timeout: 45_000 });
  // Rows, canvas and scroll area agree once the real size is in: every row slot on screen is
  // filled, and the canvas is as big as the scroll area's client box (no stretched bars).
  const fit = () =>
    treegrid(page).evaluate((grid) => {
      const canvas = grid.querySelector('canvas');
      const rowHeight = grid.querySelector('[role="row"]')?.getBoundingClientRect().height ?? 1;
      return {
        rows: grid.querySelectorAll('[role="row"]').length,
        fits: Math.ceil(grid.clientHeight / rowHeight),
        canvas: canvas ? `${canvas.clientWidth}×${canvas.clientHeight}` : 'none',
        client: `${grid.clientWidth}×${grid.clientHeight}`,
        height: grid.clientHeight,
      };
    });
  await expect
    .poll(async () => {
      const now = await fit();
      return now.canvas === now.client && now.rows >= now.fits;
    })
    .toBe(true);
  const tall = await fit();
  await page.setViewportSize({ width: 900, height: 500 });
  await expect.poll(async () => (await fit()).height).toBeLessThan(tall.height);
  await expect
    .poll(async () => {
      const now = await fit();
      return now.canvas === now.client && now.rows >= now.fits && now.rows < tall.rows;
    })
    .toBe(true);
});
