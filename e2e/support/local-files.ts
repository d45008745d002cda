/**
 * Opening trace files from the search page, as a user does with "Choose files…": the real
 * fixtures read unchanged from ../shared/fixtures/real, or a document a test builds.
 */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_FIXTURES = fileURLToPath(
  new URL('../../../shared/fixtures/real/', import.meta.url),
);

/** Picks the file on /search and waits until it has been read. */
export async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto('search');
  await page
    .getByLabel('Choose files…')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
}

/** Opens the file's trace whose result link matches `link`, and waits for its rows. */
export async function openTraceFile(
  page: Page,
  name: string,
  buffer: Buffer,
  link: RegExp,
): Promise<void> {
  await chooseFile(page, name, buffer);
  await page.getByRole('link', { name: link }).first().click();
  await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible({
    timeout: 30_000,
  });
}

/** The same for a real fixture, by its path under shared/fixtures/real. */
export const openRealFixture = (page: Page, path: string, link: RegExp): Promise<void> =>
  openTraceFile(page, basename(path), readFileSync(`${REAL_FIXTURES}${path}`), link);
