import { expect, test, type Page } from '@playwright/test';

/** Demo trace: root 120 ms; its callee's clock is 50 ms behind (src/mocks/scenarios-broken.ts). */
const CLOCK_SKEW = '0bad0000000000000000000000000003';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const rawToggle = (page: Page) => page.getByRole('checkbox', { name: /Raw times/ });

/** The root row's bar, as percentages of the timeline. */
const rootBar = (page: Page) =>
  treegrid(page)
    .getByRole('row')
    .first()
    .locator('.wf-bar')
    .evaluate((bar) => ({
      left: Number.parseFloat((bar as HTMLElement).style.left),
      width: Number.parseFloat((bar as HTMLElement).style.width),
    }));

/** Whether the minimap drew anything in its top-left pixel column (the root's pixel rows). */
const minimapStartsAtLeft = (page: Page) =>
  page.locator('.trace-minimap__canvas').evaluate((canvas) => {
    const element = canvas as HTMLCanvasElement;
    const context = element.getContext('2d');
    if (!context || element.width === 0) return null;
    return (context.getImageData(1, 1, 1, 1).data[3] ?? 0) > 0;
  });

const lastTick = (page: Page) => page.locator('.wf-ruler .wf-tick').last().textContent();

test('clock-skew adjustment moves the axis, minimap, bars and details together', async ({
  page,
}) => {
  await page.goto(`trace/${CLOCK_SKEW}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 45_000 });
  await expect(rawToggle(page)).toBeEnabled({ timeout: 30_000 });

  // Adjusted (the default): the root starts the axis and spans it (120 ms), the minimap too.
  await expect.poll(() => rootBar(page)).toEqual({ left: 0, width: 100 });
  await expect.poll(() => minimapStartsAtLeft(page)).toBe(true);
  expect(await lastTick(page)).toMatch(/^(100|120)ms$/);

  const skewed = treegrid(page).getByRole('row', { name: /skewed handler/ });
  await skewed.click();
  const details = page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));
  const fact = (term: string) => details.locator('dt', { hasText: term }).locator('+ dd');
  // Centred in its 60 ms client (which starts 10 ms in): 10 + (60 - 55) / 2 = 12.5 ms.
  await expect(fact('Start (adjusted)')).toHaveText(/^\+12\.5ms /);
  await expect(fact('Start (recorded)')).toHaveText(/^\+0µs /);

  // Raw: the early callee starts the axis (160 ms); the root starts 40 ms in.
  await rawToggle(page).check();
  await expect.poll(() => rootBar(page)).toEqual({ left: 25, width: 75 });
  await expect.poll(() => minimapStartsAtLeft(page)).toBe(false);
  expect(await lastTick(page)).toMatch(/^1[4-6]0ms$/);
  const terms = await details.locator('dt').allTextContents();
  expect(terms.indexOf('Start (recorded)')).toBeLessThan(terms.indexOf('Start (adjusted)'));
});
