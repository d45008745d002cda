import { expect, test, type Page } from '@playwright/test';

/** Demo off: a Jaeger 1.x answering searches with the given traces. */
async function backendWith(page: Page, data: unknown[]) {
  await page.addInitScript(() => localStorage.setItem('cairn.demo', 'off'));
  await page.route('**/api/v3/**', (route) =>
    route.fulfill({ status: 404, body: '404 page not found' }),
  );
  await page.route('**/api/services', (route) =>
    route.fulfill({ json: { data: ['frontend'], errors: null } }),
  );
  await page.route('**/api/services/*/operations', (route) =>
    route.fulfill({ json: { data: [], errors: null } }),
  );
  await page.route('**/api/traces?*', (route) => route.fulfill({ json: { data, errors: null } }));
}

const trace = (traceID: string, start: number) => ({
  traceID,
  spans: [
    {
      traceID,
      spanID: `${traceID}`,
      operationName: 'GET /x',
      references: [],
      startTime: start,
      duration: 1500,
      tags: [],
      logs: [],
      processID: 'p1',
    },
  ],
  processes: { p1: { serviceName: 'frontend', tags: [] } },
});

const ticks = (page: Page) =>
  page.getByTestId('scatter-plot').locator('.scatter-axis .tick text').allTextContents();

test('one trace: the time axis reads as times', async ({ page }) => {
  await backendWith(page, [trace('00000000000000a1', Date.now() * 1000 - 5e6)]);
  await page.goto('search?service=frontend&lookback=1h');
  await expect(page.locator('circle.scatter-point')).toHaveCount(1);
  const labels = await ticks(page);
  expect(labels.length).toBeGreaterThan(1);
  // Whole labels of one form (no ".600", ":24" fragments).
  for (const label of labels.slice(0, 3)) expect(label).toMatch(/^\d\d:\d\d:\d\d$/);
});

test('an outlier from 1970 does not crush the others: it is drawn at the edge, marked', async ({
  page,
}) => {
  const now = Date.now() * 1000;
  await backendWith(page, [
    trace('00000000000000f0', 1_000_000),
    ...Array.from({ length: 8 }, (_, i) => trace(`00000000000000b${i}`, now - i * 120e6)),
  ]);
  await page.goto('search?service=frontend&lookback=1h');
  const points = page.locator('circle.scatter-point');
  await expect(points).toHaveCount(9);
  for (const label of await ticks(page)) expect(label).not.toMatch(/1970/);
  const xs = await points.evaluateAll((circles) =>
    circles.map((c) => ({
      x: Number(c.getAttribute('cx')),
      outlier: c.classList.contains('outlier'),
    })),
  );
  const outliers = xs.filter((p) => p.outlier);
  expect(outliers).toHaveLength(1);
  expect(outliers[0]?.x).toBe(0);
  // The eight recent ones spread over the width: two minutes apart, at distinct places.
  const recent = xs.filter((p) => !p.outlier).map((p) => Math.round(p.x));
  expect(new Set(recent).size).toBe(8);
  expect(Math.max(...recent) - Math.min(...recent)).toBeGreaterThan(300);
});
