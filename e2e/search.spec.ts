import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The search page against the demo backend (MSW in the browser). Where a test needs exact
 * responses (failures, partial errors, 1,500 results): search-scripted-backend.spec.ts.
 */
const FIXTURES = fileURLToPath(new URL('../../shared/fixtures/real/', import.meta.url));
const rows = (page: Page) => page.locator('li.result-row');
const resultsHeading = (page: Page) =>
  page.getByRole('heading', { level: 2 }).filter({ hasText: /\d+ traces?/ });

async function pickService(page: Page, name: string) {
  const service = page.getByRole('combobox', { name: 'Service' });
  await service.click();
  await service.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

/** A search over the demo corpus wide enough to return many traces. */
async function searchFrontend(page: Page, limit = '50') {
  await page.goto('search');
  await pickService(page, 'frontend');
  await page.getByLabel('Lookback').selectOption('2d');
  await page.getByLabel('Limit').fill(limit);
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(resultsHeading(page)).toBeVisible();
}

async function numbers(list: Locator, attribute: string): Promise<number[]> {
  return (await list.evaluateAll(
    (nodes, name) => nodes.map((n) => Number(n.getAttribute(name))),
    attribute,
  )) as number[];
}

test('a full search: form → URL → results, back and forward', async ({ page }) => {
  await page.goto('search');
  await pickService(page, 'frontend');
  const operation = page.getByRole('combobox', { name: 'Operation' });
  await operation.click();
  await operation.fill('dispatch');
  await page
    .getByRole('option', { name: /HTTP GET \/dispatch/ })
    .first()
    .click();
  await page.getByLabel('Lookback').selectOption('2d');
  await page.getByLabel('Min duration').fill('1ms');
  await page.getByLabel('Limit').fill('30');
  await page.getByLabel('Limit').press('Enter');

  await expect(page).toHaveURL(/service=frontend/);
  const url = new URL(page.url());
  expect(url.searchParams.get('operation')).toBe('HTTP GET /dispatch');
  expect(url.searchParams.get('minDuration')).toBe('1ms');
  expect(url.searchParams.get('limit')).toBe('30');
  expect(url.searchParams.get('end')).toMatch(/^\d+$/);
  await expect(resultsHeading(page)).toContainText(/\d+ traces? in \d+ ms/);
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(30);
  const first = rows(page).first();
  await expect(first.getByRole('link')).toHaveAttribute('href', /\/trace\/[0-9a-f]+$/);
  await expect(first).toContainText('frontend');

  // The search survives a reload (it is the URL) and back/forward.
  await page.reload();
  await expect(rows(page)).toHaveCount(count);
  await page.getByLabel('Limit').fill('5');
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(rows(page)).toHaveCount(5);
  await page.goBack();
  await expect(rows(page)).toHaveCount(count);
  await expect(page.getByLabel('Limit')).toHaveValue('30');
  await page.goForward();
  await expect(rows(page)).toHaveCount(5);

  // Remembered: a bare /search starts from the last search.
  await page.goto('search');
  await expect(page.getByRole('combobox', { name: 'Service' })).toHaveValue('frontend');
});

test('bad input shows inline errors and does not search', async ({ page }) => {
  await page.goto('search');
  await page.getByLabel('Attributes').fill('msg="unterminated');
  await page.getByLabel('Min duration').fill('2s');
  await page.getByLabel('Max duration').fill('1s');
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(page.getByText('Choose a service', { exact: true })).toBeVisible();
  await expect(page.getByText(/Unclosed quote/)).toBeVisible();
  await expect(page.getByText(/at least the min duration/)).toBeVisible();
  await expect(page).not.toHaveURL(/service=/);
});

test('every sort orders the rows', async ({ page }) => {
  await searchFrontend(page);
  const list = rows(page);
  const sortBy = page.getByLabel('Sort');
  // The sort goes through the URL, so the rows re-order a render later: poll for the first row
  // out of order (-1: none) rather than reading the list once.
  const check = async (value: string, attribute: string, direction: 1 | -1) => {
    await sortBy.selectOption(value);
    await expect
      .poll(
        async () => {
          const values = await numbers(list, attribute);
          return values.findIndex((v, i) => i > 0 && (v - (values[i - 1] ?? 0)) * direction < 0);
        },
        { message: `first row out of order by ${value}` },
      )
      .toBe(-1);
  };
  await check('recent', 'data-start', -1);
  await check('oldest', 'data-start', 1);
  await check('longest', 'data-duration', -1);
  await check('shortest', 'data-duration', 1);
  await check('most-spans', 'data-spans', -1);
  await check('fewest-spans', 'data-spans', 1);
  await check('most-errors', 'data-errors', -1);
  await sortBy.selectOption('name');
  const names = await list.evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-name') ?? ''),
  );
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  await expect(page).toHaveURL(/sort=name/);
});

test('brushing the scatter plot zooms it and filters the list; reset restores', async ({
  page,
}) => {
  await searchFrontend(page, '100');
  const total = await rows(page).count();
  const plot = page.getByTestId('scatter-plot');
  await expect(plot.locator('circle.scatter-point')).toHaveCount(total);
  const box = await plot.boundingBox();
  if (!box) throw new Error('no plot');
  // Drag over the left half of the plot area (inside the axes margins).
  await page.mouse.move(box.x + 70, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 32, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await expect(resultsHeading(page)).toContainText(`of ${total} (zoomed)`);
  const zoomed = await rows(page).count();
  expect(zoomed).toBeLessThan(total);
  await expect(plot.locator('circle.scatter-point')).toHaveCount(zoomed);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(rows(page)).toHaveCount(total);
});

test('hovering a point shows the trace; clicking opens it', async ({ page }) => {
  await searchFrontend(page, '10');
  const point = page.locator('circle.scatter-point').first();
  const id = await point.getAttribute('data-trace-id');
  await point.hover({ force: true });
  await expect(page.locator('.scatter-tooltip')).toContainText('frontend');
  await point.click({ force: true });
  await expect(page).toHaveURL(new RegExp(`/trace/${id}$`));
});

test('selecting traces and Compare opens compare with cohort ids', async ({ page }) => {
  await searchFrontend(page, '10');
  const compare = page.getByRole('button', { name: /^Compare/ });
  await expect(compare).toBeDisabled();
  const ids = await rows(page).evaluateAll((nodes) =>
    nodes.slice(0, 2).map((n) => n.getAttribute('data-trace-id') ?? ''),
  );
  await rows(page).nth(0).getByRole('checkbox').check();
  await rows(page).nth(1).getByRole('checkbox').check();
  await compare.click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?cohort=${ids[0]}&cohort=${ids[1]}$`));
});

test('lookup by trace ids shows the found traces and lists the missing ones', async ({ page }) => {
  await searchFrontend(page, '5');
  const id = await rows(page).first().getAttribute('data-trace-id');
  const missing = 'deadbeefdeadbeefdeadbeefdeadbeef';
  await page.goto(`search?traceID=${id}&traceID=${missing}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-trace-id', id ?? '');
  await expect(page.getByRole('status').filter({ hasText: 'Not found' })).toContainText(missing);
});

test('trace files open as local results; a broken file does not lose the good ones', async ({
  page,
}) => {
  await page.goto('search');
  const fixture = (path: string) => ({
    name: basename(path),
    mimeType: 'application/json',
    buffer: readFileSync(`${FIXTURES}${path}`),
  });
  await page.getByLabel('Choose files…').setInputFiles([
    fixture('jaeger/otel_traces_01.json'),
    fixture('jaeger-ui/otlp2jaeger-multi-in.json.txt'),
    fixture('zipkin/yelp.json'),
    fixture('jaeger/ui_01.json'),
    {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"data": [ {"traceID": '),
    },
  ]);
  const status = page.locator('.local-files-status');
  await expect(status.locator('li.done')).toHaveCount(4, { timeout: 20_000 });
  await expect(status.locator('li.error')).toHaveCount(1);
  await expect(status.locator('li.error')).toContainText('broken.json');
  await expect(rows(page).first()).toBeVisible();
  const local = rows(page).filter({ has: page.getByText('local', { exact: true }) });
  expect(await local.count()).toBeGreaterThanOrEqual(4);
  await local.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/trace\//);
  await expect(page.getByRole('treegrid')).toBeVisible();
});

test('the search page has no serious accessibility violations', async ({ page }) => {
  await searchFrontend(page, '20');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('a custom range in UTC goes into the URL as µs; an empty result says so', async ({ page }) => {
  await page.goto('search');
  await pickService(page, 'frontend');
  await page.getByLabel('Lookback').selectOption('custom');
  await page.getByLabel('Times in UTC').check();
  await page.getByLabel('Start (UTC)').fill('2024-01-02T03:04:05');
  await page.getByLabel('End (UTC)').fill('2024-01-02T04:04:05');
  await page.getByRole('button', { name: 'Find traces' }).click();
  await expect(page).toHaveURL(/lookback=custom/);
  const url = new URL(page.url());
  expect(url.searchParams.get('start')).toBe(String(Date.UTC(2024, 0, 2, 3, 4, 5) * 1000));
  expect(url.searchParams.get('end')).toBe(String(Date.UTC(2024, 0, 2, 4, 4, 5) * 1000));
  await expect(page.getByRole('heading', { name: 'No traces found' })).toBeVisible();
});

test('results download as JSON', async ({ page }) => {
  await searchFrontend(page, '7');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^traces-frontend-.*\.json$/);
  const path = await download.path();
  // The full traces, as Jaeger UI downloads them.
  const body = JSON.parse(readFileSync(path, 'utf8')) as {
    data: { traceID: string; spans: unknown[]; processes: object }[];
  };
  expect(body.data).toHaveLength(7);
  for (const trace of body.data) expect(trace.spans.length).toBeGreaterThan(0);
});

test('the plot is keyboard reachable: arrows pick a trace, Enter opens it', async ({ page }) => {
  await searchFrontend(page, '10');
  const plot = page.getByTestId('scatter-plot');
  await plot.focus();
  await page.keyboard.press('End');
  await expect(page.locator('.scatter-tooltip')).toBeVisible();
  const id = await page.locator('circle.scatter-point.active').getAttribute('data-trace-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/trace/${id}$`));
});

test('a big file shows progress and can be cancelled', async ({ page }) => {
  await page.goto('search');
  // ~55 MB of Jaeger JSON: above the worker's streaming threshold (48 MB), so progress shows and
  // Cancel stops the parse between chunks.
  const span = (i: number) =>
    `{"traceID":"00000000000000ff","spanID":"${i.toString(16).padStart(16, '0')}","operationName":"op ${i % 50}",` +
    `"references":[],"startTime":${1_700_000_000_000_000 + i},"duration":${(i % 900) + 1},"tags":[{"key":"k","type":"string","value":"${'x'.repeat(60)}"}],"logs":[],"processID":"p1"}`;
  const parts: string[] = [
    '{"data":[{"traceID":"00000000000000ff","processes":{"p1":{"serviceName":"big","tags":[]}},"spans":[',
  ];
  for (let i = 0; i < 220_000; i += 1) parts.push(i === 0 ? span(i) : `,${span(i)}`);
  parts.push(']}]}');
  // Playwright takes buffers up to 50 MB only; a file path has no limit.
  const file = test.info().outputPath('big.json');
  writeFileSync(file, parts.join(''));
  await page.getByLabel('Choose files…').setInputFiles(file);
  await expect(page.getByRole('progressbar', { name: 'Loading big.json' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.local-files-status li.cancelled')).toContainText(
    'big.json: Cancelled',
  );
});

test('dropping a file on the drop zone opens it', async ({ page }) => {
  await page.goto('search');
  const text = readFileSync(`${FIXTURES}jaeger/ui_01.json`, 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return data;
  }, text);
  const zone = page.getByRole('region', { name: 'Open trace files' });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.locator('.local-files-status li.done')).toContainText('dropped.json');
  await expect(rows(page).filter({ has: page.getByText('local', { exact: true }) })).toHaveCount(1);
});
