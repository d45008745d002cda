/**
 * A body over the 48 MB line where the worker reads into buffers it lends the stream, mapped in
 * ahead by a helper worker (src/worker/byob-read.ts, warm-memory.ts): each read detaches the views
 * of the reads before it in the same buffer, so spans after a value that fills many buffers are
 * what would break. Here one span carries a 60 MB tag, and the spans after it in the body must
 * count, open their details and be found.
 */
import { expect, test } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { baseTrace } from './trace-cases';

const BIG_VALUE_BYTES = 60 * 1024 * 1024;

test('a 60 MB body: every span after a 60 MB tag value is read, shown and found', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const guard = guardPage(page);
  const trace = baseTrace();
  const [, second, , fourth] = trace.spans as Record<string, unknown>[];
  if (!second || !fourth) throw new Error('the base trace has five spans');
  // The second span in the body's order; three spans follow it.
  second.tags = [{ key: 'payload', type: 'string', value: 'y'.repeat(BIG_VALUE_BYTES) }];
  fourth.tags = [
    ...(fourth.tags as unknown[]),
    { key: 'order.note', type: 'string', value: 'after-the-flood' },
  ];
  await withScriptedBackend(page, ['api-gateway']);
  await serveTraces(page, [trace]);
  await page.goto(`trace/${trace.traceID}`);
  const grid = page.getByRole('treegrid', { name: /^Spans of / });
  await expect(grid).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.wf-row-count')).toContainText('for 5 spans');

  // The worker read the body into lent buffers, as many as 60 MB takes.
  const read = await page.evaluate(() => {
    const detail = (performance.getEntriesByName('cairn:worker-built')[0] as PerformanceMark)
      ?.detail as { warmBuffers?: number; freshBuffers?: number } | undefined;
    return (detail?.warmBuffers ?? 0) + (detail?.freshBuffers ?? 0);
  });
  expect(read).toBeGreaterThanOrEqual(BIG_VALUE_BYTES / (4 * 1024 * 1024));

  // The root is the last span in the body: its details decode from the last buffer.
  await grid.getByRole('row').filter({ hasText: 'GET /api/customer/owners/8/pets/10' }).click();
  const details = page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));
  await expect(details).toContainText('span.kind');
  // Found in the bytes after the big value.
  await page.getByRole('searchbox', { name: 'Find spans' }).fill('after-the-flood');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');
  await page.getByRole('searchbox', { name: 'Find spans' }).fill('payload');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');
  await guard.expectNothingRan();
  await expectResponsive(page);
});
