/**
 * A body over the 48 MB line where the worker reads into buffers it lends the stream, mapped in
 * ahead by a helper worker (src/worker/byob-read.ts, warm-memory.ts): each read detaches the views
 * of the reads before it in the same buffer, so spans after a value that fills many buffers are
 * what would break. Here one span carries a 60 MB tag, and the spans after it in the body must
 * count, open their details and be found; with the body's size known, and gzip'd as jaeger-query
 * sends it (size unknown: the worker switches to lent buffers past 48 MB).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { envelope, serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { baseTrace } from './trace-cases';

const BIG_VALUE_BYTES = 60 * 1024 * 1024;
const BUFFER_BYTES = 4 * 1024 * 1024;

const details = (page: Page) =>
  page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));

/**
 * Serves `json` as jaeger-query serves its API: gzip'd and chunked, so its size is unknown until
 * its end. A real server: Chromium does not decode a body a route fulfils.
 */
async function gzipServer(json: string): Promise<{ url: string; close: () => void }> {
  const gzipped = gzipSync(json, { level: 1 });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    for (let at = 0; at < gzipped.length; at += 1 << 20)
      response.write(gzipped.subarray(at, at + (1 << 20)));
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

for (const gzipped of [false, true]) {
  const served = gzipped ? "gzip'd, of unknown size" : 'of known size';
  test(`a 60 MB body ${served}: every span after a 60 MB tag is read, shown and found`, async ({
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
    const server = gzipped ? await gzipServer(JSON.stringify(envelope([trace]))) : null;
    if (server)
      await page.route(`**/api/traces/${trace.traceID}`, (route) =>
        route.continue({ url: server.url }),
      );
    await page.goto(`trace/${trace.traceID}`);
    const grid = page.getByRole('treegrid', { name: /^Spans of / });
    await expect(grid).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.wf-row-count')).toContainText('for 5 spans');

    // The worker read the body into lent buffers: all of it, or what came past 48 MB.
    const buffers = await page.evaluate(() => {
      const detail = (performance.getEntriesByName('cairn:worker-built')[0] as PerformanceMark)
        ?.detail as { warmBuffers?: number; freshBuffers?: number } | undefined;
      return (detail?.warmBuffers ?? 0) + (detail?.freshBuffers ?? 0);
    });
    const lentBytes = gzipped ? BIG_VALUE_BYTES - 48 * 1024 * 1024 : BIG_VALUE_BYTES;
    expect(buffers).toBeGreaterThanOrEqual(lentBytes / BUFFER_BYTES);
    // The helper that maps them in ahead started, from inside the trace worker.
    expect(page.workers().some((worker) => worker.url().includes('memory-warmer'))).toBe(true);

    // The root is the last span in the body: its details decode from the last buffer.
    await grid.getByRole('row').filter({ hasText: 'GET /api/customer/owners/8/pets/10' }).click();
    await expect(details(page)).toContainText('span.kind');
    // Found in the bytes after the big value.
    const find = page.getByRole('searchbox', { name: 'Find spans' });
    await find.fill('after-the-flood');
    await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');
    await find.fill('payload');
    await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');
    await guard.expectNothingRan();
    await expectResponsive(page);
    server?.close();
  });
}

test("a small gzip'd trace is read as before: no helper worker starts", async ({ page }) => {
  const trace = baseTrace();
  await withScriptedBackend(page, ['api-gateway']);
  await serveTraces(page, [trace]);
  const server = await gzipServer(JSON.stringify(envelope([trace])));
  await page.route(`**/api/traces/${trace.traceID}`, (route) =>
    route.continue({ url: server.url }),
  );
  await page.goto(`trace/${trace.traceID}`);
  await expect(page.locator('.wf-row-count')).toContainText('for 5 spans');
  const workers = page.workers().map((worker) => new URL(worker.url()).pathname);
  expect(workers.some((path) => path.includes('trace-worker'))).toBe(true);
  expect(workers.filter((path) => path.includes('memory-warmer'))).toEqual([]);
  server.close();
});
