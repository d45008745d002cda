import { expect, test, type Page } from '@playwright/test';
import { openTraceFile } from './support/local-files';

const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });

const span = (id: string, name: string, extra: Record<string, string>) => ({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: id,
  name,
  ...extra,
});

/** OTLP as Jaeger's v3 API writes it: a span recorded at start 0 has only its end (= duration). */
const trace = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
      scopeSpans: [
        {
          spans: [
            span('00000000000000a1', 'root', {
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000010000000',
            }),
            span('00000000000000b2', 'zero start', {
              parentSpanId: '00000000000000a1',
              endTimeUnixNano: '5000000',
            }),
            // Same service (same clock): not a skew to adjust, still worth saying.
            span('00000000000000c3', 'early child', {
              parentSpanId: '00000000000000a1',
              startTimeUnixNano: '1699999999999000000',
              endTimeUnixNano: '1700000000001000000',
            }),
          ],
        },
      ],
    },
  ],
};

test('a span without a start keeps its duration; an early child on the same clock is flagged', async ({
  page,
}) => {
  await openTraceFile(page, 'odd-timing.json', Buffer.from(JSON.stringify(trace)), /svc/);

  const zero = treegrid(page).getByRole('row', { name: /^svc zero start/ });
  await expect(zero).toHaveAccessibleName(/, 5ms, no valid time in the data$/);
  const early = treegrid(page).getByRole('row', { name: /^svc early child/ });
  await expect(early).toHaveAccessibleName(/starts before its parent$/);

  await zero.click();
  const details = page
    .getByRole('region', { name: /^Span details/ })
    .or(page.getByRole('complementary', { name: /^Span details/ }));
  await expect(details.locator('dt', { hasText: 'Duration' }).locator('+ dd')).toHaveText('5ms');
});
