/**
 * A backend that never answers, on one page (search): every page's requests share the client's
 * 30 s limit (api/http.ts), and each case waits it out, so there is one such test.
 */
import { expect, test } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';

test('search: a backend that never answers says "No answer within 30 s"; Retry asks again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const guard = guardPage(page);
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
  const alert = page.getByRole('alert').filter({ hasText: '/api/traces' }).first();
  // The message comes 30 s after the request (not after start-up's probes as well: issue 13 #9).
  await expect(alert).toContainText(/No answer within 30 s from .*\/api\/traces/, {
    timeout: 45_000,
  });
  expect(asked).toBe(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => asked).toBe(2);
  // Asking again shows that it is waiting, not the old failure.
  await expect(page.getByRole('alert').filter({ hasText: 'No answer within' })).toHaveCount(0);
  await guard.expectNothingRan();
  await expectResponsive(page);
});
