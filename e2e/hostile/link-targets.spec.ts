/**
 * Hostile link targets (link-cases.ts) everywhere Cairn turns a string into a place to go: the
 * operator's menu, link patterns and docs link (configuration, from a jaeger-query stand-in of its
 * own), links to other traces in span references (trace data), `?span=` and the embed mode's way
 * out (URL), and the trace id box (typed). Cairn has no return or redirect parameter; these are
 * all the ways in. For each: nothing runs, nothing navigates off the origin, a link that leaves
 * shows the host it goes to and opens with `noopener noreferrer`, and a value left out is said.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expectResponsive, guardPage } from '../support/hostile-guard';
import { serveTraces, withScriptedBackend } from '../support/scripted-backend';
import { startJaegerQuery, type RunningServer } from '../support/servers';
import { EVIL, LINK_TARGETS, labelOf } from './link-cases';
import { URLS } from './payloads';
import { baseTrace } from './trace-cases';

const trace = baseTrace();
const ROOT = trace.spans[4] as Record<string, unknown>;
/** A value a link pattern pours into a URL, 20,000 characters once encoded. */
const BIG = '<'.repeat(6_700);
ROOT.tags = [
  ...(ROOT.tags as unknown[]),
  { key: 'http.url', type: 'string', value: URLS.js },
  { key: 'big', type: 'string', value: BIG },
];
// One link to another trace per target, its id being the target.
ROOT.references = LINK_TARGETS.map((target) => ({
  refType: 'FOLLOWS_FROM',
  traceID: target.url,
  spanID: 'abcd',
}));

/** Where an anchor really goes, as the browser resolved it. */
const resolved = (link: Locator) => link.evaluate((a) => (a as HTMLAnchorElement).href);

/** The checks for a link that leaves the origin: visibly, in a new tab, with no way back. */
async function expectExternal(link: Locator, host: string) {
  expect(new URL(await resolved(link)).host).toBe(host);
  await expect(link).toContainText(`(${host})`);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');
}

async function expectSameOrigin(page: Page, link: Locator) {
  expect(new URL(await resolved(link)).origin).toBe(new URL(page.url()).origin);
}

test.describe('configuration', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    const dir = resolve('test-results/hostile-link-targets');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ui-config.json');
    writeFileSync(
      file,
      JSON.stringify({
        menu: [
          {
            label: 'Links',
            items: LINK_TARGETS.map((target, i) => ({ label: labelOf(i), url: target.url })),
          },
        ],
        monitor: { docsLink: URLS.js },
        linkPatterns: [
          ...LINK_TARGETS.map((target, i) => ({
            type: 'traces',
            url: target.url,
            text: labelOf(i),
          })),
          // Values are encoded into the URL: a javascript: value is a path, never a scheme.
          { type: 'tags', key: 'http.url', url: '#{http.url}', text: 'Open the URL' },
          { type: 'tags', key: 'big', url: `https://${EVIL}/?q=#{big}`, text: 'Look it up' },
        ],
      }),
    );
    server = await startJaegerQuery({ uiConfig: file });
  });
  test.afterAll(() => server.stop());

  test('the operator menu: unsafe links left out and said, external ones show their host', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await withScriptedBackend(page);
    await serveTraces(page, []);
    await page.goto(`${server.url}search`);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'The UI configuration has problems' });
    await page.getByRole('button', { name: 'Links' }).click();
    for (const [i, target] of LINK_TARGETS.entries()) {
      const link = page.getByRole('link', { name: new RegExp(`^${labelOf(i)}\\b`) });
      const said = `menu[0].items[${i}] ("${labelOf(i)}") has a URL that is not http(s); left out.`;
      if (target.unsafe) {
        await expect(link, target.name).toHaveCount(0);
        await expect(notice, target.name).toContainText(said);
        continue;
      }
      await expect(notice, target.name).not.toContainText(said);
      if (target.external) await expectExternal(link, target.external);
      else await expectSameOrigin(page, link);
    }
    await expect(notice).toContainText('"monitor.docsLink" is not a http(s) link');
    // An external link opens a new tab on its host, with no handle back to Cairn.
    await page
      .context()
      .route(`https://${EVIL}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title>' }),
      );
    const popup = page.waitForEvent('popup');
    await page
      .getByRole('link', { name: new RegExp(`^${labelOf(LINK_TARGETS.length - 2)}\\b`) })
      .click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(new URL(opened.url()).host).toBe(EVIL);
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    expect(await opened.evaluate(() => document.referrer)).toBe('');
    await guard.expectNothingRan();
    await expectResponsive(page);
  });

  test('link patterns: unsafe ones are text that says why, external ones show their host', async ({
    page,
  }) => {
    const guard = guardPage(page);
    await withScriptedBackend(page, ['api-gateway']);
    await serveTraces(page, [trace]);
    await page.goto(`${server.url}trace/${trace.traceID}`);
    const actions = page.locator('.trace-head__actions');
    await expect(actions.locator('li').first()).toBeVisible({ timeout: 30_000 });
    for (const [i, target] of LINK_TARGETS.entries()) {
      const entry = actions.locator('li').filter({ hasText: new RegExp(`^${labelOf(i)}\\b`) });
      const link = entry.getByRole('link');
      if (target.unsafe) {
        await expect(link, target.name).toHaveCount(0);
        await expect(entry, target.name).toContainText('(not a link: not http(s), or too long)');
      } else if (target.external) await expectExternal(link, target.external);
      else await expectSameOrigin(page, link);
    }
    // Attribute patterns in the root span's details.
    await page
      .getByRole('treegrid', { name: /^Spans of / })
      .getByRole('row')
      .first()
      .click();
    const details = page.getByRole('region', { name: /^Span details/ });
    const open = details.getByRole('link', { name: /^Open the URL/ });
    await expectSameOrigin(page, open);
    expect(new URL(await resolved(open)).pathname).toMatch(/\/javascript%3Awindow/);
    await expect(details.getByText(/^Look it up/)).toContainText('(not a link');
    await guard.expectNothingRan();
    await expectResponsive(page);
  });

  test('the monitor docs link: a javascript: one is replaced by the default', async ({ page }) => {
    const guard = guardPage(page);
    await withScriptedBackend(page);
    await page.route(
      (url) => url.pathname.includes('/api/metrics/'),
      (route) => route.fulfill({ status: 501, body: 'metrics querying is currently disabled' }),
    );
    await page.goto(`${server.url}monitor?service=frontend`);
    const docs = page.getByRole('link', { name: /How to set up Service Performance Monitoring/ });
    await expectExternal(docs, 'www.jaegertracing.io');
    await guard.expectNothingRan();
    await expectResponsive(page);
  });
});

test('links to other traces stay on the origin, whatever the trace id', async ({ page }) => {
  const guard = guardPage(page);
  await withScriptedBackend(page, ['api-gateway']);
  await serveTraces(page, [trace]);
  await page.goto(`trace/${trace.traceID}`);
  await page
    .getByRole('treegrid', { name: /^Spans of / })
    .getByRole('row')
    .first()
    .click({ timeout: 30_000 });
  const references = page
    .getByRole('region', { name: /^Span details/ })
    .locator('.span-references');
  const links = references.getByRole('link', { name: /^span abcd in trace / });
  await expect(links).toHaveCount(LINK_TARGETS.length);
  const origin = new URL(page.url()).origin;
  for (const [i, target] of LINK_TARGETS.entries()) {
    const href = new URL(await resolved(links.nth(i)));
    expect(href.origin, target.name).toBe(origin);
    // One path segment: the id, encoded (the model trims the spaces around an id).
    expect(href.pathname, target.name).toMatch(/^\/trace\/[^/]+$/);
    expect(href.pathname, target.name).toContain(encodeURIComponent(target.url.trim()));
  }
  // Followed, a javascript: id is a trace that is not found, named as text.
  await links.first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'Trace id' })).toContainText(
    `Trace id${URLS.js}`,
    { timeout: 30_000 },
  );
  expect(new URL(page.url()).origin).toBe(origin);
  await guard.expectNothingRan();
  await expectResponsive(page);
});

test('?span= and embed parameters holding URLs select nothing and lead nowhere else', async ({
  page,
}) => {
  const guard = guardPage(page);
  await withScriptedBackend(page, ['api-gateway']);
  await serveTraces(page, [trace]);
  // In the page's own address: not the 20,000-character one, which the server refuses (431).
  const inUrl = LINK_TARGETS.filter((t) => (t.unsafe || t.external) && t.url.length < 8_000);
  for (const target of inUrl) {
    const query = new URLSearchParams({
      uiEmbed: 'v0',
      span: target.url,
      uiTimelineCollapseTitle: target.url,
    });
    await page.goto(`trace/${trace.traceID}?${query.toString()}`);
    await expect(page.getByRole('treegrid', { name: /^Spans of / })).toBeVisible({
      timeout: 30_000,
    });
    // No span of this trace has that id: nothing is selected, no details open.
    await expect(page.getByRole('region', { name: /^Span details/ })).toHaveCount(0);
    // The embed mode's one way out opens this page, on this origin, without the embed parameters.
    const out = page.getByRole('link', { name: /Open in Cairn/ });
    const href = new URL(await resolved(out));
    expect(href.origin, target.name).toBe(new URL(page.url()).origin);
    expect(href.pathname, target.name).toBe(`/trace/${trace.traceID}`);
    expect(href.searchParams.has('uiEmbed'), target.name).toBe(false);
    expect(href.searchParams.get('span'), target.name).toBe(target.url);
    await expect(out).toHaveAttribute('target', '_blank');
  }
  await guard.expectNothingRan();
  // Embedded there is no theme toggle (expectResponsive's probe): a row still opens on a click.
  await page
    .getByRole('treegrid', { name: /^Spans of / })
    .getByRole('row')
    .first()
    .click();
  await expect(page.getByRole('region', { name: /^Span details/ })).toBeVisible();
});

test('the trace id box opens a trace page on the origin, whatever is typed', async ({ page }) => {
  const guard = guardPage(page);
  await withScriptedBackend(page);
  await serveTraces(page, []);
  await page.goto('search');
  const origin = new URL(page.url()).origin;
  const box = page.getByRole('searchbox', { name: 'Lookup by trace ID' });
  for (const target of LINK_TARGETS) {
    await box.fill(target.url);
    await box.press('Enter');
    await expect(page.locator('main')).toContainText(/not found|Find traces/i, {
      timeout: 30_000,
    });
    const now = new URL(page.url());
    expect(now.origin, target.name).toBe(origin);
    expect(now.pathname, target.name).toMatch(/^\/(trace\/[^/]+|search)$/);
  }
  await guard.expectNothingRan();
  await expectResponsive(page);
});
