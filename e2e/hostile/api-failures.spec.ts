/**
 * Every API failure of api-cases.ts on every page that asks the backend (one test per pair). The
 * recovery path (Retry after a failure) is in e2e/api-failures.spec.ts; a hanging backend ("No
 * answer within 30 s") in hanging-backend.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { API_FAILURES, API_PAGES } from './api-cases';

for (const target of API_PAGES) {
  for (const failure of API_FAILURES) {
    test(`${target.page}: ${failure.name}`, async ({ page }) => {
      const guard = guardPage(page);
      await withScriptedBackend(page);
      await serveTraces(page, []);
      let asked = 0;
      let heavySent = false;
      const heavyOnlyOn = failure.heavy ? target.heavyOnlyOn : undefined;
      await page.route(
        (url) => target.endpoint(url),
        (route) => {
          asked += 1;
          if (heavyOnlyOn) {
            if (heavySent || !heavyOnlyOn(new URL(route.request().url()))) return route.fallback();
            heavySent = true;
          }
          return failure.respond(route);
        },
      );
      await page.goto(target.path);
      const alert = page.getByRole('alert').filter({ hasText: target.names }).first();
      await expect(alert).toBeVisible({ timeout: 30_000 });
      await expect(alert).toContainText(failure.says);
      // Every such message offers Retry, and Retry asks again.
      const before = asked;
      await alert.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => asked).toBeGreaterThan(before);
      await guard.expectNothingRan();
      await expectResponsive(page);
    });
  }
}
