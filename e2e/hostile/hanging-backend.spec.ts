/**
 * A backend that never answers, on one page (search): every page's requests share the client's
 * 30 s limit (api/http.ts), so one page stands for all; the page's clock jumps over the wait.
 */
import { expect, test } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';

test('search: a backend that never answers says "No answer within 30 s"; Retry asks again', async ({
  page,
}) => {
  const guard = guardPage(page);
  // The page's clock runs at its own pace but can jump: the test does not sit out the 30 s.
  await page.clock.install();
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
  await page.clock.fastForward(29_000);
  await expect(page.getByRole('alert').filter({ hasText: 'No answer within' })).toHaveCount(0);
  await page.clock.fastForward(1_000);
  await expect(alert).toContainText(/No answer within 30 s from .*\/api\/traces/);
  expect(asked).toBe(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => asked).toBe(2);
  // Asking again shows that it is waiting, not the old failure.
  await expect(page.getByRole('alert').filter({ hasText: 'No answer within' })).toHaveCount(0);
  await guard.expectNothingRan();
  await expectResponsive(page);
});
