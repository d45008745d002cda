import { expect, test } from '@playwright/test';
import { withScriptedBackend } from './support/scripted-backend';

/**
 * Failure states against a scripted backend: the demo backend is switched off so every /api call
 * reaches page.route. Each failure must show status, URL and message, and Retry must recover.
 */
test('a 502 HTML page from a proxy shows status, URL, the page text and a working retry', async ({
  page,
}) => {
  await withScriptedBackend(page);
  let calls = 0;
  await page.route('**/api/dependencies?*', (route) => {
    calls += 1;
    if (calls === 1) {
      return route.fulfill({
        status: 502,
        contentType: 'text/html',
        body: '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>',
      });
    }
    return route.fulfill({
      json: {
        data: [{ parent: 'frontend', child: 'customer', callCount: 7 }],
        total: 1,
        limit: 0,
        offset: 0,
        errors: null,
      },
    });
  });
  await page.goto('dependencies');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('502');
  await expect(alert).toContainText('/api/dependencies');
  await alert.getByText('Response body').click();
  await expect(alert).toContainText('502 Bad Gateway');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: /Calls between services/ })).toContainText(
    'customer',
  );
  expect(calls).toBe(2);
});

test('a 500 with a JSON error shows the server message', async ({ page }) => {
  await withScriptedBackend(page);
  await page.route('**/api/dependencies?*', (route) =>
    route.fulfill({
      status: 500,
      json: {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [{ code: 500, msg: 'storage unavailable' }],
      },
    }),
  );
  await page.goto('dependencies');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('500');
  await expect(alert).toContainText('storage unavailable');
});

/** Jaeger v1's answer for trace abc123: one span. */
const ONE_SPAN_TRACE = {
  data: [
    {
      traceID: 'abc123',
      spans: [
        {
          traceID: 'abc123',
          spanID: 's1',
          operationName: 'GET /dispatch',
          references: [],
          startTime: 1_700_000_000_000_000,
          duration: 1500,
          tags: [],
          logs: [],
          processID: 'p1',
        },
      ],
      processes: { p1: { serviceName: 'frontend', tags: [] } },
    },
  ],
  errors: null,
};

test('a trace that fails to load shows status, URL and recovers on retry', async ({ page }) => {
  await withScriptedBackend(page);
  let calls = 0;
  await page.route('**/api/traces/abc123', (route) => {
    calls += 1;
    if (calls === 1)
      return route.fulfill({
        status: 503,
        contentType: 'text/plain',
        body: 'upstream connect error',
      });
    return route.fulfill({ json: ONE_SPAN_TRACE });
  });
  await page.goto('trace/abc123');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('503');
  await expect(alert).toContainText('/api/traces/abc123');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('treegrid')).toContainText('GET /dispatch');
  // The failed download was start-up's early one, which the page adopted; Retry made the second.
  expect(calls).toBe(2);
});

test('a trace link downloads its trace once: the page adopts the download start-up began', async ({
  page,
}) => {
  await withScriptedBackend(page);
  let calls = 0;
  await page.route('**/api/traces/abc123', (route) => {
    calls += 1;
    return route.fulfill({ json: ONE_SPAN_TRACE });
  });
  await page.goto('trace/abc123');
  await expect(page.getByRole('treegrid')).toContainText('GET /dispatch');
  expect(calls).toBe(1);
  // Within the app, the page loads the next trace itself: start-up's load was handed over once.
  await page.getByRole('link', { name: 'Search' }).click();
  const lookup = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
  await lookup.fill('abc123');
  await lookup.press('Enter');
  await expect(page.getByRole('treegrid')).toContainText('GET /dispatch');
  expect(calls).toBe(2);
});
