import { expect, test, type Page } from '@playwright/test';

/**
 * index.html's font warm-up: hidden samples of the trace page's fonts, so that Chromium looks them
 * up at the first frame rather than during the trace's download (why: index.html). Samples that no
 * longer match the page's fonts would quietly bring the long first layout back.
 */

/** Demo traces (src/mocks): one with errors, spans of several services, and findings. */
const TRACES = ['0bad0000000000000000000000000001', '0bad0000000000000000000000000003'];

/** Family, size, weight and style of each element under `selector` that has its own text. */
function fontsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const fonts = new Set<string>();
    for (const element of Array.from(document.querySelectorAll(`${selector} *`))) {
      const ownText = Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      );
      if (!ownText || element.closest('.font-warmup:not(.font-warmup--measured)')) continue;
      const style = getComputedStyle(element);
      fonts.add(
        `${style.fontFamily} | ${style.fontSize} | ${style.fontWeight} | ${style.fontStyle}`,
      );
    }
    return [...fonts];
  }, selector);
}

/** The warm-up's fonts, from the index.html the server sends, styled by the page's own CSS. */
async function warmedFonts(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    const html = await (await fetch(document.baseURI)).text();
    const warmup = new DOMParser().parseFromString(html, 'text/html').querySelector('.font-warmup');
    if (!warmup) throw new Error('index.html has no .font-warmup');
    warmup.classList.add('font-warmup--measured');
    document.body.append(document.adoptNode(warmup));
  });
  return fontsOf(page, '.font-warmup--measured');
}

test('the warm-up is gone once the app renders, and samples every font the trace page shows', async ({
  page,
}) => {
  for (const id of TRACES) {
    await page.goto(`trace/${id}`);
    await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible();
    await expect(page.locator('.font-warmup')).toHaveCount(0);
    const shown = await fontsOf(page, 'body');
    const warmed = await warmedFonts(page);
    // Sanity: the samples took the theme's fonts (a missing stylesheet would leave one default).
    expect(new Set(warmed).size).toBeGreaterThanOrEqual(8);
    expect(shown.filter((font) => !warmed.includes(font))).toEqual([]);
  }
});
