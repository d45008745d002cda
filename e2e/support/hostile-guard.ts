/**
 * What every hostile-input case checks, whatever the page: no script from the data ran, no dialog
 * opened, the page threw nothing uncaught, and it still answers a click.
 *
 * The payloads (e2e/hostile/payloads.ts) set `window.__pwned` when they run, by any route: an
 * `onerror` handler, a `<script>`, a `javascript:` link, a `data:` document. The sentinel must stay
 * undefined; a dialog (alert, confirm, prompt) counts as a run too.
 */
import { expect, type Page } from '@playwright/test';

export interface HostileGuard {
  /** Asserts nothing ran, no dialog opened and nothing was thrown uncaught so far. */
  expectNothingRan(): Promise<void>;
}

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

export function guardPage(page: Page): HostileGuard {
  const dialogs: string[] = [];
  const uncaught: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => uncaught.push(error.message));
  return {
    async expectNothingRan() {
      // An image's onerror fires after its load fails: give pending events a turn first.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(dialogs, 'dialogs opened by the data').toEqual([]);
      expect(uncaught, 'uncaught errors in the page').toEqual([]);
    },
  };
}

/**
 * The page answers a click: the theme toggle (in the shell of every page) changes its label. A
 * main thread stuck on hostile data fails here (Playwright's click waits for the page).
 */
export async function expectResponsive(page: Page): Promise<void> {
  const toggle = page.locator('button.theme-toggle');
  const before = await toggle.textContent();
  await toggle.click({ timeout: 10_000 });
  await expect(toggle).not.toHaveText(before ?? '');
}
