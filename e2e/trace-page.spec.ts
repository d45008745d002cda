import { expect, test, type Page } from '@playwright/test';

/** Fixed ids of the demo backend's broken traces (src/mocks/scenarios-broken.ts). */
const BROKEN = {
  orphans: '0bad0000000000000000000000000001',
  cycle: '0bad0000000000000000000000000002',
  clockSkew: '0bad0000000000000000000000000003',
  hostileMarkup: '0bad0000000000000000000000000006',
  megabyteTag: '0bad0000000000000000000000000007',
} as const;
const HOSTILE = '<img src=x onerror=alert(1)>';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const detailPanel = (page: Page) => page.getByRole('region', { name: /^Span details/ });

async function openTrace(page: Page, id: string, query = '') {
  await page.goto(`trace/${id}${query}`);
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
}

async function selectRow(page: Page, text: string | RegExp) {
  await treegrid(page).getByRole('row').filter({ hasText: text }).first().click();
  await expect(detailPanel(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // Any alert() from trace data would be an XSS: fail loudly instead of dismissing it.
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
});

test('header shows name, id, stats, services and findings', async ({ page }) => {
  await openTrace(page, BROKEN.orphans);
  const header = page.locator('header.trace-head');
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('edge-cases: orphans');
  // Short ids skip leading zeros (padded 64-bit ids would all read "0000000").
  await expect(header.getByText('bad0000', { exact: true })).toBeVisible();
  await expect(header.getByRole('list', { name: 'Services' })).toContainText('edge-downstream');
  await expect(header.getByRole('list', { name: 'Findings' })).toContainText('Orphan spans (2)');
  await expect(header).toContainText('of critical path');
});

test('hostile markup in operation names, tags and logs stays text; javascript: URLs are not links', async ({
  page,
}) => {
  await openTrace(page, BROKEN.hostileMarkup);
  await selectRow(page, 'GET /search?q=');
  const panel = detailPanel(page);
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(HOSTILE);
  await expect(panel.getByRole('rowheader', { name: HOSTILE })).toBeVisible();
  await expect(panel).toContainText(`javascript:alert(1)//${HOSTILE}`);
  await expect(panel).toContainText(`<script>alert(1)</script>${HOSTILE}`);
  await expect(page.locator('img[src="x"], script:text("alert")')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
});

test('clock skew is flagged in the header and the shift is shown on the span', async ({ page }) => {
  await openTrace(page, BROKEN.clockSkew);
  await expect(page.getByRole('list', { name: 'Findings' })).toContainText('Clock skew');
  await selectRow(page, 'skewed handler');
  // Client 60 ms, server 55 ms: centred with 2.5 ms each side, from 50 ms before the client.
  await expect(detailPanel(page)).toContainText('shifted by 52.5ms');
});

test('find: n of m, next with Enter, uiFind in the URL, Escape clears', async ({ page }) => {
  await openTrace(page, BROKEN.orphans);
  const box = page.getByRole('searchbox', { name: 'Find spans' });
  await box.fill('orphan');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 3');
  await expect(page).toHaveURL(/uiFind=orphan/);
  await box.press('Enter');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('2 of 3');
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page).not.toHaveURL(/uiFind/);
});

test('a deep link with uiFind=<span id> opens that span, and its own deep link can be copied', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTrace(page, BROKEN.cycle, '?uiFind=c2c2c2c2c2c2c2c2');
  await expect(detailPanel(page).getByRole('heading', { level: 2 })).toHaveText(
    'edge-downstream: cycle B',
  );
  await detailPanel(page).getByRole('button', { name: 'Copy link to this span' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`/trace/${BROKEN.cycle}\\?uiFind=c2c2c2c2c2c2c2c2$`));
});

test('a link with ?span= opens that span selected; back and forward move the selection', async ({
  page,
}) => {
  const row = (name: string) =>
    treegrid(page).getByRole('row', { name: new RegExp(`^edge-\\S+ ${name},`) });
  const heading = detailPanel(page).getByRole('heading', { level: 2 });
  await openTrace(page, BROKEN.cycle, '?span=c1c1c1c1c1c1c1c1');
  await expect(heading).toHaveText(/: cycle A$/);
  await expect(row('cycle A')).toHaveAttribute('aria-selected', 'true');

  await row('cycle C').click();
  await expect(heading).toHaveText(/: cycle C$/);
  await expect(page).toHaveURL(/[?&]span=c3c3c3c3c3c3c3c3/);
  await expect(row('cycle A')).toHaveAttribute('aria-selected', 'false');

  await page.goBack();
  await expect(page).toHaveURL(/[?&]span=c1c1c1c1c1c1c1c1/);
  await expect(heading).toHaveText(/: cycle A$/);
  await expect(row('cycle A')).toHaveAttribute('aria-selected', 'true');
  await expect(row('cycle C')).toHaveAttribute('aria-selected', 'false');

  await page.goForward();
  await expect(heading).toHaveText(/: cycle C$/);

  // Closing the details is a step of its own: back opens them again.
  await page.keyboard.press('Escape');
  await expect(detailPanel(page)).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]span=/);
  await page.goBack();
  await expect(heading).toHaveText(/: cycle C$/);
});

test('a 1 MiB attribute is cut with "show all", and the panel layout choice survives a reload', async ({
  page,
}) => {
  await openTrace(page, BROKEN.megabyteTag);
  await selectRow(page, 'log request body');
  const panel = detailPanel(page);
  await expect(
    panel.getByRole('button', { name: /Show all \(1,048,576 characters\)/ }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Open as side panel' }).click();
  await expect(page.locator('.trace-body')).toHaveAttribute('data-detail-layout', 'side');
  await page.reload();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.trace-body')).toHaveAttribute('data-detail-layout', 'side');
});

test('keyboard: ? opens the shortcuts, Escape closes; ] collapses all', async ({ page }) => {
  await openTrace(page, BROKEN.orphans);
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Collapse one level');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  const before = Number(await treegrid(page).getAttribute('aria-rowcount'));
  await page.locator('body').press(']');
  await expect
    .poll(async () => Number(await treegrid(page).getAttribute('aria-rowcount')))
    .toBeLessThan(before);
});

test('minimap: drag selects a window, Reset zoom restores the whole trace', async ({ page }) => {
  await openTrace(page, BROKEN.orphans);
  const area = page.getByRole('group', { name: /^Minimap/ });
  const box = await area.boundingBox();
  if (!box) throw new Error('minimap not laid out');
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('minimap-window')).toBeVisible();
  await expect(area).toHaveAttribute('aria-label', /Showing 2\d\.\d+% to (4|5)\d\.\d+%/);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page.getByTestId('minimap-window')).toHaveCount(0);
});

test('the name column keeps the width the user gave it, across traces and reloads', async ({
  page,
}) => {
  await openTrace(page, BROKEN.orphans);
  const splitter = page.getByRole('separator', { name: 'Resize the span name column' });
  const start = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 64));
  await openTrace(page, BROKEN.cycle);
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 64));
  await page.reload();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 64));
});
