/**
 * A backend that never answers, on one page (search): every page's requests share the client's
 * 30 s limit (api/http.ts), so one page stands for all; the page's clock jumps over the wait.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';

declare global {
  interface Window {
    /** The page clock's time when the page last asked for /api/traces. */
    __tracesAskedAt?: number;
  }
}

/**
 * Notes, in the page's own (fake) clock, when the page asks for /api/traces: the 30 s count starts
 * there, and the test's own latency in noticing the request (seconds on a loaded CI machine) must
 * not eat into the margin between 29 s and 30 s.
 */
async function noteWhenTracesAreAsked(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const fetchForReal = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname.endsWith('/api/traces'))
        window.__tracesAskedAt = Date.now();
      return fetchForReal(input, init);
    };
  });
}

/**
 * Waits one message-channel turn (the clock does not fake it): React schedules its renders that
 * way, so a render the fired timers asked for is on the page after it.
 */
async function afterReactRenders(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      }),
  );
}

test('search: a backend that never answers says "No answer within 30 s"; Retry asks again', async ({
  page,
}) => {
  const guard = guardPage(page);
  // The page's clock runs at its own pace but can jump: the test does not sit out the 30 s.
  await page.clock.install();
  await noteWhenTracesAreAsked(page);
  await withScriptedBackend(page);
  await serveTraces(page, []);
  let asked = 0;
  await page.route(
    (url) => url.pathname.endsWith('/api/traces'),
    () => {
      // Never fulfilled: the request hangs until the page gives up on it.
      asked += 1;
    },
  );
  await page.goto('search?service=frontend&lookback=1h');
  await expect.poll(() => asked).toBe(1);
  const alert = page.getByRole('alert').filter({ hasText: '/api/traces' }).first();
  // The limit counts from the request, not from start-up's probes (issue 13 #9): nothing at 29 s.
  // The clock stops 28.5 s after the request and then runs 0.5 s, firing every timer due by then
  // (React Query's own included), so whatever 29 s brings is on the page.
  const askedAt = await page.evaluate(() => window.__tracesAskedAt ?? Number.NaN);
  expect(askedAt).not.toBeNaN();
  await page.clock.pauseAt(askedAt + 28_500);
  await page.clock.runFor(500);
  await afterReactRenders(page);
  await expect(page.getByRole('alert').filter({ hasText: 'No answer within' })).toHaveCount(0);
  await page.clock.runFor(1_000);
  // The client's timer was set in the same task as the request, but the clock then stood at a
  // fraction of a ms past the whole ms the page read (Date.now() floors): 30 s from the request
  // can be up to 1 ms past askedAt + 30 s (1 run in 6 failed). One ms more, then; and React
  // Query hands the failure on through a zero-delay timer, which a paused clock does not fire:
  // timers due now are fired (runFor(0) does not move the clock) until the failure shows.
  await page.clock.runFor(1);
  await expect
    .poll(async () => {
      await page.clock.runFor(0);
      await afterReactRenders(page);
      return (await alert.count()) > 0 ? ((await alert.textContent()) ?? '') : '';
    })
    .toMatch(/No answer within 30 s from .*\/api\/traces/);
  expect(asked).toBe(1);
  await page.clock.resume();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => asked).toBe(2);
  // Asking again shows that it is waiting, not the old failure.
  await expect(page.getByRole('alert').filter({ hasText: 'No answer within' })).toHaveCount(0);
  await guard.expectNothingRan();
  await expectResponsive(page);
});
