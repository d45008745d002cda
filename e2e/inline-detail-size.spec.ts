import { expect, test } from '@playwright/test';

/** Demo trace with four spans and few attributes: its details are short. */
const TRACE = '0bad0000000000000000000000000003';

test('the inline detail is as tall as its content: no box of its own to scroll', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('cairn.spanDetailLayout', 'inline'));
  // Tall enough that this span's details (~500 px) fit under the limit (70% of the rows' area).
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.goto(`trace/${TRACE}`);
  const grid = page.getByRole('treegrid', { name: /^Spans of / });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await grid.getByRole('row', { name: /skewed db call/ }).click();
  const detail = grid.locator('.wf-detail');
  await expect(detail.getByRole('region', { name: /^Span details/ })).toBeVisible();
  const fit = () =>
    detail.evaluate((element) => {
      const cell = element.querySelector('.wf-detail-cell') as HTMLElement;
      const content = element.querySelector('.wf-detail-content') as HTMLElement;
      return {
        scrolls: cell.scrollHeight > cell.clientHeight + 1,
        gap: Math.round(
          element.getBoundingClientRect().height - content.getBoundingClientRect().height,
        ),
      };
    });
  await expect.poll(fit).toEqual({ scrolls: false, gap: 2 });
  // Within the limit: a short viewport keeps rows on screen, and the details scroll instead.
  await page.setViewportSize({ width: 1280, height: 600 });
  await expect.poll(fit).toMatchObject({ scrolls: true });
});
