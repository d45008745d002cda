import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openRealFixture } from './support/local-files';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));
const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

interface RowCheck {
  readonly name: string;
  /** CSS px from the canvas' left edge where the DOM row puts the bar's start. */
  readonly left: number;
  /** The bar's colour as the DOM row states it (service colour, or the error colour). */
  readonly expected: readonly number[];
  /** The canvas pixel read where the DOM row says the bar is. */
  readonly painted: readonly number[];
  /** An error span's row (its bar in the theme's error colour). */
  readonly error: boolean;
}

/**
 * For every span row fully on screen, reads the canvas pixel just inside the left end of the bar
 * that the DOM row describes (its timeline cell's box, the bar's left/width percentages, the row's
 * top) and returns it beside the bar colour the DOM row states.
 */
function paintedBars(page: Page): Promise<RowCheck[]> {
  return treegrid(page).evaluate((grid) => {
    const canvas = grid.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return [];
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const checks: RowCheck[] = [];
    const rows = grid.querySelectorAll<HTMLElement>('[role="row"].wf-row.is-painted');
    for (const row of Array.from(rows)) {
      const bar = row.querySelector<HTMLElement>('.wf-bar');
      const cell = row.querySelector<HTMLElement>('.wf-timeline');
      if (!bar || !cell) continue;
      const rowBox = row.getBoundingClientRect();
      if (rowBox.top < box.top || rowBox.bottom > box.bottom) continue;
      const timeline = cell.getBoundingClientRect();
      const left = timeline.left + (parseFloat(bar.style.left) / 100) * timeline.width;
      const width = (parseFloat(bar.style.width) / 100) * timeline.width;
      if (width < 4) continue;
      // 3 px into the bar (6 px below the row's top, 12 px high), above the critical-path stripe.
      const x = Math.floor((left + 2 - box.left) * ratio);
      const y = Math.floor((rowBox.top + 9 - box.top) * ratio);
      checks.push({
        name: row.querySelector('.wf-name')?.textContent ?? '',
        left: Math.round(left - box.left),
        expected: rgb(getComputedStyle(bar).backgroundColor),
        painted: Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)),
        error: row.classList.contains('is-error'),
      });
    }
    return checks;
  });
}

test('the canvas paints each row where and in the colour the DOM row says (real trace)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1300, height: 1000 });
  await page.goto('search');
  // Jaeger UI's GenAI test trace: 57 spans of 10 services, opened as a local file.
  await page.getByLabel('Choose files…').setInputFiles({
    name: 'genaiTestTrace.json',
    mimeType: 'application/json',
    buffer: readFileSync(`${FIXTURES}jaeger-ui/genaiTestTrace.json`),
  });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
  await page.locator('a[href*="trace/"]').first().click();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(treegrid(page).locator('canvas')).toBeVisible();

  let checks: RowCheck[] = [];
  await expect
    .poll(async () => {
      checks = await paintedBars(page);
      return checks.filter((check) =>
        check.expected.every((channel, i) => Math.abs(channel - (check.painted[i] ?? -99)) <= 6),
      ).length;
    })
    .toBeGreaterThanOrEqual(10);
  // Every checked row agrees, not only most of them; several services, so several colours.
  for (const check of checks) {
    expect(
      check.painted.map((channel, i) => Math.abs(channel - (check.expected[i] ?? 0)) <= 6),
      check.name,
    ).toEqual([true, true, true]);
  }
  const colours = new Set(checks.map((check) => check.expected.join(',')));
  expect(colours.size).toBeGreaterThanOrEqual(3);

  // Zoomed in and panned (page keys outside the treegrid), the bars move on the canvas with the
  // DOM: the check still holds for the new view window.
  const before = checks.map((check) => check.left).join(',');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await expect
    .poll(async () => {
      const now = await paintedBars(page);
      return (
        now.length > 0 &&
        now.map((check) => check.left).join(',') !== before &&
        now.every((check) =>
          check.expected.every((channel, i) => Math.abs(channel - (check.painted[i] ?? -99)) <= 6),
        )
      );
    })
    .toBe(true);
});

test('the commit that first shows rows has painted them on the canvas', async ({ page }) => {
  // Recorded when the first row enters the DOM (a mutation observer runs right after the commit's
  // task, before the browser paints): was the canvas sized and drawn in that same commit?
  await page.addInitScript(() => {
    const seen = { canvasSized: null as boolean | null };
    (window as unknown as { __firstRows: typeof seen }).__firstRows = seen;
    const observer = new MutationObserver(() => {
      const grid = document.querySelector('[role="treegrid"]');
      if (!grid?.querySelector('[role="row"].wf-row')) return;
      seen.canvasSized = grid.querySelector('canvas')?.hasAttribute('width') ?? false;
      observer.disconnect();
    });
    document.addEventListener('DOMContentLoaded', () =>
      observer.observe(document.body, { childList: true, subtree: true }),
    );
  });
  // A demo trace of 1,000 spans ('b16' + span count, src/mocks/big-traces.ts), opened by its
  // link: more rows than fit, so the first commit renders within the page's measured bounds.
  await page.goto(`trace/b16${String(1000).padStart(29, '0')}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(
    () => (window as unknown as { __firstRows: { canvasSized: boolean | null } }).__firstRows,
  );
  expect(seen.canvasSized).toBe(true);
});

const paintedAsStated = (check: RowCheck): boolean =>
  check.expected.every((channel, i) => Math.abs(channel - (check.painted[i] ?? -99)) <= 6);

test('error bars are painted in the theme’s error colour, light and dark', async ({ page }) => {
  // Five of its six spans failed, with bars wide enough to read.
  await openRealFixture(page, 'jaeger-pr9263/sibling_errors.json', /checkout/);
  await expect(treegrid(page).locator('canvas')).toBeVisible();
  const toggle = page.getByRole('button', { name: /theme/i });
  let light: readonly number[] = [];
  for (const theme of ['light', 'dark']) {
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    let errors: RowCheck[] = [];
    await expect
      .poll(async () => {
        errors = (await paintedBars(page)).filter((check) => check.error);
        return errors.length > 0 && errors.every(paintedAsStated);
      })
      .toBe(true);
    if (theme === 'light') light = errors[0]?.painted ?? [];
    // The two themes' error colours differ: the canvas followed the switch.
    else expect(errors[0]?.painted).not.toEqual(light);
  }
});
