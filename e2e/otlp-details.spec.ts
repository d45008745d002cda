import { expect, test, type Page } from '@playwright/test';
import { openRealFixture } from './support/local-files';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

test('an OTLP link shows its attributes in the span details', async ({ page }) => {
  await openRealFixture(page, 'jaeger/link_attributes_trace.json', /query25-service/);
  await treegrid(page).getByRole('row').first().click();
  const table = page
    .getByRole('table', { name: 'Attributes of this link' })
    .filter({ hasText: 'sameplacelinkattribute1' })
    .first();
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'sameplacelinkattribute1' })).toBeVisible();
  await expect(table.getByText('sameplacevalue')).toBeVisible();
});

test('find on OTLP data matches error=true and span.kind=client as the JSON view shows them', async ({
  page,
}) => {
  await openRealFixture(page, 'jaeger-pr9263/n_plus_one_positive.json', /frontend/);
  const find = page.getByRole('searchbox', { name: 'Find spans' });
  const status = page.getByRole('search').getByRole('status');
  await find.fill('error=true');
  await expect(status).toHaveText('1 of 3', { timeout: 20_000 });
  await find.fill('span.kind=client');
  // Every count is exact: a pattern would also match the previous query's status.
  await expect(status).toHaveText('1 of 14', { timeout: 20_000 });
});
