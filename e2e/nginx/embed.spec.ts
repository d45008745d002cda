import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Cairn in a dashboard: framed by another origin (localhost frames 127.0.0.1) in Jaeger UI's
 * embedded mode, with third-party storage blocked in the frame as browsers that block it do
 * (touching localStorage, sessionStorage or indexedDB throws a SecurityError), behind nginx with
 * the CSP on; and framing refused when frame-ancestors does not name the dashboard.
 */
const ORPHANS = '0bad0000000000000000000000000001';

/** In frames (not the top page): storage access throws, as with third-party storage blocked. */
async function blockStorageInFrames(page: Page) {
  await page.addInitScript(() => {
    if (window.top === window) return;
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(`Access to ${name} is denied in this context`, 'SecurityError');
        },
      });
    }
  });
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Deployments without a config.json answer 404 for it (Cairn then uses the defaults), and
    // the dashboard stand-in has no favicon.
    if (/\/(config\.json|favicon\.ico)$/.test(message.location().url)) return;
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  return errors;
}

const framed = (origin: string, src: string) => `${origin}/?src=${encodeURIComponent(src)}`;

test('a trace in a cross-origin iframe: embedded layout, storage blocked, nothing leaves the frame', async ({
  page,
  context,
  stack,
}) => {
  await blockStorageInFrames(page);
  const errors = collectErrors(page);
  const src = `${stack.root}trace/${ORPHANS}?uiEmbed=v0&uiTimelineCollapseTitle=1&uiTimelineHideMinimap=1`;
  await page.goto(framed(stack.framingOrigin, src));
  const frame = page.frameLocator('iframe[title="Cairn"]');
  const treegrid = frame.getByRole('treegrid', { name: /^Spans of / });
  await expect(treegrid).toBeVisible({ timeout: 30_000 });
  // The frame really is cross-origin with storage blocked.
  const cairnFrame = page.frames().find((f) => f.url().startsWith(stack.root));
  expect(await cairnFrame?.evaluate(() => document.referrer)).toContain('localhost');
  expect(
    await cairnFrame?.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (error) {
        return (error as DOMException).name;
      }
    }),
  ).toBe('SecurityError');

  // No navigation, a slim bar; the collapsed header still shows what is wrong with the trace.
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(frame.getByRole('list', { name: 'Findings' })).toContainText('Orphan spans');
  await expect(frame.getByRole('list', { name: 'Services' })).toHaveCount(0);
  await expect(frame.locator('.trace-minimap, [aria-label*="inimap"]')).toHaveCount(0);
  await frame.getByRole('button', { name: 'Show trace summary' }).click();
  await expect(frame.getByRole('list', { name: 'Services' })).toBeVisible();
  // uiTimelineHideMinimap holds even with the header open.
  await expect(frame.locator('.trace-minimap, [aria-label*="inimap"]')).toHaveCount(0);

  // Preferences work from memory: the detail layout switches and stays for this page.
  await treegrid.getByRole('row').nth(1).click();
  await expect(frame.getByRole('region', { name: /^Span details/ })).toBeVisible();

  // Open in Cairn: the full page, in a new tab; the dashboard stays where it was.
  const open = frame.getByRole('link', { name: /Open in Cairn/ });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  const [full] = await Promise.all([context.waitForEvent('page'), open.click()]);
  await full.waitForLoadState();
  // The selected span travels with it (?span=), without the embed parameters.
  expect(full.url()).toMatch(new RegExp(`^${stack.root}trace/${ORPHANS}\\?span=[0-9a-f]+$`));
  await expect(full.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(full.getByRole('region', { name: /^Span details/ })).toBeVisible();
  expect(page.url()).toBe(framed(stack.framingOrigin, src));
  await full.close();
  expect(errors).toEqual([]);
});

test('search embedded under /jaeger/ without the plot; a result opens embedded in the frame', async ({
  page,
  stack,
}) => {
  await blockStorageInFrames(page);
  const errors = collectErrors(page);
  const src = `${stack.subPath}search?service=frontend&lookback=2d&uiEmbed=v0&uiSearchHideGraph=1`;
  await page.goto(framed(stack.framingOrigin, src));
  const frame = page.frameLocator('iframe[title="Cairn"]');
  const rows = frame.locator('li.result-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByRole('region', { name: 'Durations over time' })).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await rows.first().getByRole('link').first().click();
  await expect(frame.getByRole('treegrid', { name: /^Spans of / })).toBeVisible({
    timeout: 30_000,
  });
  await expect(frame.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(frame.getByRole('link', { name: /Open in Cairn/ })).toHaveAttribute(
    'href',
    /\/jaeger\/trace\/[0-9a-f]+$/,
  );
  expect(page.url()).toBe(framed(stack.framingOrigin, src));
  expect(errors).toEqual([]);

  // The embedded layout on its own passes axe.
  await page.goto(src);
  await expect(page.locator('li.result-row').first()).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
  ).toEqual([]);
});

test('frame-ancestors without the dashboard’s origin: the browser refuses to frame Cairn', async ({
  page,
  stack,
  csp,
}) => {
  const strict = await stack.withFrameAncestors("'self'");
  csp.expect(/frame-ancestors/);
  const refused = page.waitForEvent('console', (message) =>
    /violates .*"frame-ancestors 'self'"/.test(message.text()),
  );
  await page.goto(framed(stack.framingOrigin, `${strict.root}search?uiEmbed=v0`));
  await refused;
  // The frame shows the browser's error page, not Cairn.
  await expect
    .poll(() => page.frames().map((frame) => frame.url()))
    .toEqual([expect.stringContaining(stack.framingOrigin), 'chrome-error://chromewebdata/']);
  // Not framed, the same server serves Cairn as usual.
  await page.goto(`${strict.root}search`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
