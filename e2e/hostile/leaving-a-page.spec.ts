/**
 * No state updates after leaving a page: each page starts a load the backend answers late, the
 * user leaves for another page before the answer, then the answer comes (the data, or a failure).
 * Nothing of the page left may act on it: no error or warning in the console, no request asked
 * again for it, no trace kept in the trace workers (they say how many they hold), and the page now
 * shown says nothing about it.
 */
import { expect, test, type ConsoleMessage, type Page, type Route } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { envelope, serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { baseTrace } from './trace-cases';

interface LeftPage {
  readonly page: string;
  /** Where the slow load starts; `before` first opens a page whose trace loads at once. */
  readonly path: string;
  readonly before?: (page: Page) => Promise<void>;
  /** The requests held until the page is left. */
  readonly held: (url: URL) => boolean;
  /** How many of them the page asks, at least, before it is left. */
  readonly asks: number;
  /** The nav link the user leaves by, and what the page it opens shows. */
  readonly leaveBy: 'Search' | 'Dependencies';
  /** The late answer when it is the data. */
  readonly data: (route: Route) => Promise<void>;
}

const fast = baseTrace();
const slow = baseTrace();
const other = baseTrace();
const json = (route: Route, value: unknown) =>
  route.fulfill({ contentType: 'application/json', body: JSON.stringify(value) });
const traceById = (route: Route) => {
  const id = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
  return json(route, envelope([slow, other].filter((t) => t.traceID === id)));
};

const PAGES: readonly LeftPage[] = [
  {
    page: 'trace',
    path: `trace/${fast.traceID}`,
    // A trace fully loaded first: leaving must release it too.
    before: async (page) => {
      await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible({
        timeout: 30_000,
      });
      // The probe sees this trace (so its 0 after leaving means released, not unseen).
      expect(await heldTraces(page)).toBe(1);
      const box = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
      await box.fill(slow.traceID);
      await box.press('Enter');
    },
    held: (url) => url.pathname.endsWith(`/api/traces/${slow.traceID}`),
    asks: 1,
    leaveBy: 'Search',
    data: traceById,
  },
  {
    page: 'search',
    path: 'search?service=frontend&lookback=1h',
    held: (url) => url.pathname.endsWith('/api/traces'),
    asks: 1,
    leaveBy: 'Dependencies',
    data: (route) => json(route, envelope([slow])),
  },
  {
    page: 'compare',
    path: `compare?cohort=${slow.traceID}&cohort=${other.traceID}`,
    held: (url) => url.pathname.includes('/api/traces/'),
    asks: 2,
    leaveBy: 'Search',
    data: traceById,
  },
  {
    page: 'dependencies',
    path: 'dependencies',
    held: (url) => url.pathname.endsWith('/api/dependencies'),
    asks: 1,
    leaveBy: 'Search',
    data: (route) =>
      json(route, envelope([{ parent: 'frontend', child: 'customer', callCount: 3 }])),
  },
  {
    page: 'deep dependencies',
    path: `deep-dependencies?service=frontend`,
    // One search for the focal service's full traces, parsed in the worker: answered late.
    held: (url) => url.pathname.endsWith('/api/traces'),
    asks: 1,
    leaveBy: 'Search',
    data: (route) => json(route, envelope([slow, other])),
  },
  {
    page: 'monitor',
    path: 'monitor?service=frontend',
    held: (url) => url.pathname.includes('/api/metrics/'),
    asks: 1,
    leaveBy: 'Search',
    data: (route) => json(route, { name: 'service_call_rate', type: 'GAUGE', metrics: [] }),
  },
];

/** Traces the page's trace workers hold (trace-worker.ts exposes the count to debugging tools). */
async function heldTraces(page: Page): Promise<number> {
  let total = 0;
  for (const worker of page.workers()) {
    const held = await worker
      .evaluate(() => (self as unknown as { cairnHeldTraces?: number }).cairnHeldTraces)
      .catch(() => undefined);
    total += held ?? 0;
  }
  return total;
}

/** Console errors and warnings of the app (not the browser's own line for a failed response). */
function watchConsole(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.text().startsWith('Failed to load resource')) return;
    said.push(`${message.type()}: ${message.text()}`);
  });
  return said;
}

for (const left of PAGES) {
  for (const answer of ['data', 'a failure'] as const) {
    test(`${left.page}: left before it loaded, then the backend answers with ${answer}`, async ({
      page,
    }) => {
      const guard = guardPage(page);
      const logged = watchConsole(page);
      await withScriptedBackend(page);
      await serveTraces(page, [fast, slow, other]);
      await page.route('**/api/dependencies*', (route) => json(route, envelope([])));
      const held: Route[] = [];
      let asked = 0;
      await page.route(
        (url) => left.held(url),
        (route) => {
          asked += 1;
          held.push(route);
        },
      );
      await page.goto(left.path);
      await left.before?.(page);
      await expect.poll(() => asked, { timeout: 30_000 }).toBeGreaterThanOrEqual(left.asks);

      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: left.leaveBy, exact: true })
        .click();
      const shown = left.leaveBy === 'Search' ? /\/search$/ : /\/dependencies$/;
      await expect(page).toHaveURL(shown);
      // Left once the next page shows: until its code has loaded the router keeps the old page
      // on screen (a transition), and that page may still ask (the monitor its series).
      const heading = left.leaveBy === 'Search' ? 'Search' : 'Service dependencies';
      await expect(
        page.getByRole('main').getByRole('heading', { level: 1, name: heading, exact: true }),
      ).toBeVisible();
      const before = asked;

      // The late answers: to a request the page gave up on, Playwright's fulfil may fail.
      for (const route of held.splice(0))
        await (
          answer === 'data'
            ? left.data(route)
            : route.fulfill({
                status: 500,
                json: { ...envelope(null), errors: [{ code: 500, msg: 'late failure' }] },
              })
        ).catch(() => undefined);
      // Long enough for a reply to be parsed and rendered, or a retry to start.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_500)));

      expect(asked, 'requests asked again for the page left').toBe(before);
      expect(logged, 'console errors and warnings').toEqual([]);
      await expect.poll(() => heldTraces(page), { message: 'traces the workers hold' }).toBe(0);
      await expect(page).toHaveURL(shown);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText('late failure');
      await guard.expectNothingRan();
      await expectResponsive(page);
    });
  }
}
