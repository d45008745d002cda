import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));
/** NDJSON: one OTLP document per line, four spans of one trace. */
const NDJSON = readFileSync(`${FIXTURES}jaeger-ui/otlp2jaeger-multi-in.json.txt`, 'utf8');

const problems = (page: Page) => page.getByRole('list', { name: 'Problems reading this trace' });

async function openFirstLocal(page: Page) {
  await page
    .locator('li.result-row')
    .filter({ has: page.getByText('local', { exact: true }) })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('treegrid')).toBeVisible({ timeout: 30_000 });
}

test('a line of an NDJSON file that cannot be read is said on the trace page too', async ({
  page,
}) => {
  const lines = NDJSON.trim().split('\n');
  lines[2] = '{"resourceSpans": [ broken';
  await page.goto('search');
  await page.getByLabel('Choose files…').setInputFiles({
    name: 'spans.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  const status = page.locator('.local-files-status li.done');
  await expect(status).toContainText('Line 3:', { timeout: 20_000 });
  await openFirstLocal(page);
  await expect(problems(page)).toContainText('spans.ndjson: Line 3:');
  await expect(problems(page)).toContainText('a span of this file may be missing');
});

test('two files with the same trace id: the later replaces the earlier, and both places say so', async ({
  page,
}) => {
  await page.goto('search');
  const file = (name: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(NDJSON),
  });
  await page
    .getByLabel('Choose files…')
    .setInputFiles([file('first.ndjson'), file('second.ndjson')]);
  const second = page.locator('.local-files-status li', { hasText: 'second.ndjson' });
  await expect(second).toContainText('in an earlier file too', { timeout: 20_000 });
  await openFirstLocal(page);
  await expect(problems(page)).toContainText('replaced that one');
});
