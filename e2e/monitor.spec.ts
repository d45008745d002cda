import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { withScriptedBackend } from './support/scripted-backend';

const seriousViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'critical' || v.impact === 'serious',
  );

test('service → charts → operation → "View traces" opens the matching search', async ({ page }) => {
  await page.goto('search');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Monitor' })
    .click();
  await expect(page).toHaveURL(/\/monitor\?service=/);

  const service = page.getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.fill('payment');
  await page.getByRole('option', { name: 'payment-service' }).click();
  await expect(page).toHaveURL(/service=payment-service/);
  await expect(
    page.getByRole('heading', { name: 'payment-service (span kind server)' }),
  ).toBeVisible();
  for (const title of ['Latency', 'Error rate', 'Request rate'])
    await expect(page.getByRole('figure', { name: title }).first()).toBeVisible();

  const table = page.getByRole('table', { name: 'Operations of payment-service' });
  await table.getByRole('button', { name: 'Charge' }).click();
  await expect(page).toHaveURL(/operation=Charge/);
  const section = page.getByRole('region', { name: 'Operation Charge' });
  const latency = section.getByRole('figure', { name: 'Latency' });
  await latency.getByRole('group', { name: /Latency chart/ }).focus();
  await page.keyboard.press('End');
  // One crosshair for the page: the service's three charts read the operation's time.
  const opTime = (await latency.locator('.ts-readout time').textContent()) ?? '';
  expect(opTime).not.toBe('');
  const serviceTimes = page
    .getByRole('region', { name: 'payment-service (span kind server)' })
    .locator('.ts-readout time');
  await expect(serviceTimes).toHaveText([opTime, opTime, opTime]);
  // The slow fifth of Charge calls: p95 in seconds.
  const link = latency.getByRole('link', { name: /View traces ≥ p95 \(\d(\.\d+)?s\)/ });
  await expect(link).toBeVisible();
  await link.click();

  await expect(page).toHaveURL(/\/search\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get('service')).toBe('payment-service');
  expect(params.get('operation')).toBe('Charge');
  expect(params.get('lookback')).toBe('custom');
  expect(params.get('minDuration')).toMatch(/^\d+ms$/);
  const start = Number(params.get('start'));
  const end = Number(params.get('end'));
  // µs, the 10-minute rate window ending at the chart's last point.
  expect(end - start).toBe(600_000_000);
  expect(Math.abs(end / 1000 - Date.now())).toBeLessThan(5 * 60_000);
  await expect(page.getByRole('combobox', { name: 'Service' })).toHaveValue('payment-service');
  // The slow calls the p95 stood for are there.
  await expect(page.locator('li.result-row').first()).toContainText(/\ds/);
});

test('the crosshair is shared and moves with the keyboard; charts have a table view', async ({
  page,
}) => {
  await page.goto('monitor?service=frontend');
  const charts = page.getByRole('figure');
  await expect(charts).toHaveCount(3);
  const plot = page.getByRole('group', { name: /Request rate chart/ });
  await plot.focus();
  await page.keyboard.press('End');
  const readouts = page.locator('.ts-readout time');
  await expect(readouts).toHaveCount(3);
  const last = await readouts.first().textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(readouts.first()).not.toHaveText(last ?? '');
  const moved = await readouts.first().textContent();
  // Every chart reads the same time.
  await expect(readouts.nth(1)).toHaveText(moved ?? '');
  await expect(readouts.nth(2)).toHaveText(moved ?? '');
  await page.keyboard.press('Home');
  await expect(page.getByRole('figure', { name: 'Request rate' })).toContainText(/req\/s/);

  const errors = page.getByRole('figure', { name: 'Error rate' });
  await errors.getByRole('button', { name: 'Show as table' }).click();
  const table = errors.getByRole('table', { name: /Error rate: values by time/ });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(30);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a service with 1,000 operations: virtualized, sortable, filterable', async ({ page }) => {
  // Dark theme here (light in the test above): both must pass axe's contrast rules.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('monitor?service=monitor-1000-ops');
  const table = page.getByRole('table', { name: 'Operations of monitor-1000-ops' });
  await expect(page.getByText('1000 operations')).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await table.getByRole('button', { name: 'Operation' }).click();
  // By name, ascending: methods first, then paths.
  await expect(table.getByRole('row').nth(1)).toContainText('DELETE /api/v1/resource-0003');
  await page.getByRole('searchbox', { name: 'Filter operations' }).fill('resource-0999');
  await expect(page.getByText('1 of 1000 operations')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  // Refresh asks again for a newer window; the table (and its filter) stays while it loads.
  const asked = page.waitForRequest(/\/api\/metrics\/calls\?.*groupByOperation=true/);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await asked;
  await expect(page.getByRole('figure', { name: 'Request rate' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
  await expect(page.getByText('1 of 1000 operations')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

const scripted = (page: Page) => withScriptedBackend(page, ['driver']);

const family = (grouped: boolean, value: number) => ({
  name: 'x',
  type: 'GAUGE',
  metrics: [
    {
      labels: [
        ...(grouped ? [{ name: 'operation', value: '/FindNearest' }] : []),
        { name: 'service_name', value: 'driver' },
      ],
      metricPoints: [0, 1, 2, 3].map((i) => ({
        gaugeValue: { doubleValue: value },
        timestamp: new Date(Date.now() - (3 - i) * 60_000).toISOString(),
      })),
    },
  ],
});

test('metrics storage not configured: an explanation and the docs, never a broken chart', async ({
  page,
}) => {
  await scripted(page);
  await page.route('**/api/metrics/**', (route) =>
    route.fulfill({
      status: 501,
      json: {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [
          {
            code: 501,
            msg: 'trace metrics are currently disabled - no metrics backend configured',
          },
        ],
      },
    }),
  );
  await page.goto('monitor?service=driver');
  await expect(page.getByRole('heading', { name: 'Metrics are not configured' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'How to set up Service Performance Monitoring' }),
  ).toHaveAttribute('href', 'https://www.jaegertracing.io/docs/latest/spm/');
  await expect(page.getByRole('figure')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // No Monitor tab without a metrics store outside the demo.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitor' }),
  ).toHaveCount(0);
});

test('a partial answer shows what arrived and names what failed, with a working retry', async ({
  page,
}) => {
  await scripted(page);
  let errorCalls = 0;
  await page.route('**/api/metrics/**', (route) => {
    const url = new URL(route.request().url());
    const grouped = url.searchParams.get('groupByOperation') === 'true';
    if (url.pathname.endsWith('/errors') && !grouped) {
      errorCalls += 1;
      if (errorCalls === 1)
        return route.fulfill({
          status: 500,
          json: { data: null, errors: [{ code: 500, msg: 'prometheus: query timed out' }] },
        });
    }
    return route.fulfill({ json: family(grouped, url.pathname.endsWith('/errors') ? 0.25 : 12) });
  });
  await page.goto('monitor?service=driver');
  const errors = page.getByRole('figure', { name: 'Error rate' });
  const alert = errors.getByRole('alert');
  await expect(alert).toContainText('error rate');
  await expect(alert).toContainText('500');
  await expect(alert).toContainText('prometheus: query timed out');
  await expect(alert).toContainText('/api/metrics/errors');
  // What arrived is drawn.
  await expect(page.getByRole('figure', { name: 'Latency' }).getByRole('alert')).toHaveCount(0);
  await page.getByRole('group', { name: /Latency chart/ }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('figure', { name: 'Latency' })).toContainText('12ms');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(errors.getByRole('alert')).toHaveCount(0);
  await expect(errors).toContainText('25.0%');
  await expect(page.getByRole('table', { name: 'Operations of driver' })).toContainText(
    '/FindNearest',
  );
});

test('span kind and a custom range go to the URL; HotROD redis failures show as an error rate', async ({
  page,
}) => {
  await page.goto('monitor?service=redis-manual');
  // redis-manual only has client spans: nothing for the default kind.
  await expect(page.getByRole('status')).toContainText(
    'No metrics for redis-manual (span kind server)',
  );
  await page.getByRole('combobox', { name: 'Span kind' }).selectOption('client');
  await expect(page).toHaveURL(/spanKind=client/);
  const table = page.getByRole('table', { name: 'Operations of redis-manual' });
  const getDriver = table.getByRole('row').filter({ hasText: 'GetDriver' });
  await expect(getDriver).toContainText(/[1-9]\d*\.\d+%/);

  await page.getByRole('combobox', { name: 'Time range' }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill('2026-01-01T10:00');
  await page.getByLabel('To', { exact: true }).fill('2026-01-01T09:00');
  await expect(page.getByText('The end must be after the start')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.getByLabel('To', { exact: true }).fill('2026-01-01T12:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/lookback=custom/);
  const params = new URL(page.url()).searchParams;
  expect(Number(params.get('end')) - Number(params.get('start'))).toBe(2 * 3600 * 1_000_000);
  expect(params.get('spanKind')).toBe('client');
  // Long before the demo's corpus: no data, said as such.
  await expect(page.getByRole('status')).toContainText(
    'No metrics for redis-manual (span kind client)',
  );
});
