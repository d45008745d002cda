import { expect, test, type Page } from '@playwright/test';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

/** A Jaeger trace whose names and tags carry a bidi override and zero-width characters. */
const trace = {
  data: [
    {
      traceID: 'abc0000000000001',
      processes: { p1: { serviceName: 'svc\u202Eelive-rtl', tags: [] } },
      spans: [
        {
          traceID: 'abc0000000000001',
          spanID: '00000000000000a1',
          operationName: 'get\u200Buser',
          references: [],
          startTime: 1_700_000_000_000_000,
          duration: 1000,
          tags: [{ key: 'note', type: 'string', value: 'a\u2066b\u2069' }],
          logs: [],
          processID: 'p1',
        },
      ],
    },
  ],
};

test('bidi overrides and zero-width characters are shown escaped, and findable as shown', async ({
  page,
}) => {
  await page.goto('search');
  await page.getByLabel('Choose files…').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(trace)),
  });
  await page.locator('.local-files-status li.done').first().waitFor({ timeout: 20_000 });
  const result = page.locator('li.result-row').first();
  await expect(result.locator('.result-name')).toHaveText('svc\\u202Eelive-rtl: get\\u200Buser');
  await result.getByRole('link').click();
  await expect(treegrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'svc\\u202Eelive-rtl: get\\u200Buser',
  );
  const row = treegrid(page).getByRole('row').first();
  await expect(row).toHaveAccessibleName(/^svc\\u202Eelive-rtl get\\u200Buser, /);

  await page.getByRole('searchbox', { name: 'Find spans' }).fill('elive-rtl');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');
  await page.getByRole('searchbox', { name: 'Find spans' }).fill('note=a\\u2066b\\u2069');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 of 1');

  const details = page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));
  await expect(details.getByText('a\\u2066b\\u2069')).toBeVisible();
});
