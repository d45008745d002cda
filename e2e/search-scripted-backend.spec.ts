import { expect, test, type Page } from '@playwright/test';
import { envelope, withScriptedBackend } from './support/scripted-backend';

/**
 * The search page against a scripted backend (page.route, demo off) where a test needs exact
 * responses: a failure page, partial errors, 1,500 results.
 */
const rows = (page: Page) => page.locator('li.result-row');

/** Demo off, a Jaeger 1.x with one service and no operations (support/scripted-backend.ts). */
async function scriptedBackend(page: Page) {
  await withScriptedBackend(page, ['frontend']);
  await page.route('**/api/services/*/operations', (route) =>
    route.fulfill({ json: envelope([]) }),
  );
}

const v1Trace = (traceID: string, start: number, duration: number, spans = 1) => ({
  traceID,
  spans: Array.from({ length: spans }, (_, i) => ({
    traceID,
    spanID: `${traceID.slice(0, 8)}${String(i).padStart(8, '0')}`,
    operationName: 'GET /x',
    references:
      i === 0 ? [] : [{ refType: 'CHILD_OF', traceID, spanID: `${traceID.slice(0, 8)}00000000` }],
    startTime: start + i,
    duration: Math.max(1, duration - i),
    tags: [],
    logs: [],
    processID: 'p1',
  })),
  processes: { p1: { serviceName: 'frontend', tags: [] } },
});

test('a 502 HTML page shows status, URL and body, and Retry refetches', async ({ page }) => {
  await scriptedBackend(page);
  let calls = 0;
  await page.route('**/api/traces?*', (route) => {
    calls += 1;
    if (calls === 1) {
      return route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      });
    }
    return route.fulfill({
      json: { data: [v1Trace('00000000000000aa', Date.now() * 1000 - 1e6, 1500)], errors: null },
    });
  });
  await page.goto('search?service=frontend&lookback=1h');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('502');
  await expect(alert).toContainText('/api/traces?');
  await alert.getByText('Response body').click();
  await expect(alert).toContainText('502 Bad Gateway');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(rows(page)).toHaveCount(1);
  expect(calls).toBe(2);
});

test('partial errors are shown next to the data', async ({ page }) => {
  await scriptedBackend(page);
  await page.route('**/api/traces?*', (route) =>
    route.fulfill({
      json: {
        data: [v1Trace('00000000000000bb', Date.now() * 1000 - 1e6, 900)],
        errors: [{ code: 500, msg: 'shard 3 timed out' }],
      },
    }),
  );
  await page.goto('search?service=frontend&lookback=1h');
  // The API layer words the message; the server's own text must be in it.
  await expect(page.getByRole('status').filter({ hasText: 'shard 3 timed out' })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
});

test('1,500 results: the log-scale toggle redraws every point on a log axis', async ({ page }) => {
  await scriptedBackend(page);
  const now = Date.now() * 1000;
  const durationOf = (i: number) => 1000 + ((i * 7919) % 100_000);
  const idOf = (i: number) => i.toString(16).padStart(16, '0');
  const data = Array.from({ length: 1500 }, (_, i) =>
    v1Trace(idOf(i), now - i * 1_000_000, durationOf(i), 1 + (i % 5)),
  );
  await page.route('**/api/traces?*', (route) => route.fulfill({ json: { data, errors: null } }));
  await page.goto('search?service=frontend&lookback=1h&limit=1500');
  const points = page.locator('circle.scatter-point');
  await expect(points).toHaveCount(1500, { timeout: 20_000 });
  // Three traces whose durations span two orders of magnitude: 1,000 µs, ~9 ms and ~100 ms.
  const probes = [0, 1, 12].map((i) => ({ id: idOf(i), duration: durationOf(i) }));
  const heights = () =>
    Promise.all(
      probes.map(async ({ id }) =>
        Number(await page.locator(`circle[data-trace-id="${id}"]`).getAttribute('cy')),
      ),
    );
  /** Where the middle probe sits between the outer two, 0 (at the shortest) to 1. */
  const middleShare = ([low, mid, high]: number[]) =>
    ((low ?? 0) - (mid ?? 0)) / ((low ?? 0) - (high ?? 1));
  const [d0, d1, d2] = probes.map((probe) => probe.duration) as [number, number, number];
  expect(middleShare(await heights())).toBeCloseTo((d1 - d0) / (d2 - d0), 2);

  await page.getByLabel('Log scale').check();
  await expect
    .poll(async () => middleShare(await heights()))
    .toBeCloseTo(Math.log(d1 / d0) / Math.log(d2 / d0), 2);
  await expect(points).toHaveCount(1500);
});
