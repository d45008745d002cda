import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROD_DIST, runToExit, startJaegerQuery, type RunningServer } from './support/servers';

// The production bundle (`npm run build`), served the way jaeger-query serves Jaeger UI: files only
// under static/, index.html for every other path with the UI config, version and capabilities
// substituted (scripts/jaeger-query-standin.mjs, written from the Go handler's source).
const FIXTURES = resolve('../shared/fixtures/real/jaeger-query');
const ORPHANS = '0bad0000000000000000000000000001';
const HOSTILE = '0bad0000000000000000000000000006';
const treegrid = (page: Page) => page.getByRole('treegrid', { name: /^Spans of / });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Every request the page makes, by path. */
function recordPaths(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
});

test.describe('at / with no UI config', () => {
  test('the production bundle talks to the real API: no service worker, no demo', async ({
    page,
  }) => {
    const paths = recordPaths(page);
    await page.goto('search');
    await expect(mainNav(page).getByRole('link', { name: 'Search' })).toBeVisible();
    await expect(page.getByText('Demo data')).toHaveCount(0);
    const registrations = await page.evaluate(async () =>
      (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
    );
    expect(registrations).toEqual([]);
    const scripts = paths.filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((path) => path.startsWith('/static/'))).toBe(true);
    expect(paths).toContain('/api/v3/services');
    // Nothing was injected but the version and capabilities: config.json is not asked for.
    expect(paths).not.toContain('/config.json');
  });

  test('deep links load directly', async ({ page }) => {
    await page.goto(`trace/${ORPHANS}`);
    await expect(treegrid(page)).toBeVisible();
    await page.goto('dependencies');
    await expect(page.getByRole('heading', { name: 'Service dependencies' })).toBeVisible();
    await page.goto(`compare?cohort=${ORPHANS}&cohort=0bad0000000000000000000000000003`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('search?service=frontend&lookback=1h');
    await expect(page.getByRole('combobox', { name: /Service/ })).toHaveValue('frontend');
  });

  test('the DDG of search results is built from one request for the search’s traces', async ({
    page,
  }) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto('search?service=frontend&lookback=2h&limit=20');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect(results.getByRole('heading', { name: /^20 traces/ })).toBeVisible({
      timeout: 30_000,
    });
    await results.getByRole('link', { name: 'View as dependency graph' }).click();
    // The link carries the search, not 20 trace ids.
    await expect(page).toHaveURL(/deep-dependencies\?service=frontend&search\.service=frontend/);
    expect(new URL(page.url()).searchParams.getAll('traceID')).toEqual([]);
    const graph = page.getByRole('application', { name: /^Deep dependency graph: \d+ nodes/ });
    await expect(graph).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.ddg-count')).toHaveText(/^\d+ nodes from 20 traces$/);
    // One request for the full traces of the search (in the trace worker), none by id.
    const fetched = urls
      .map((url) => new URL(url))
      .filter((url) => url.pathname.startsWith('/api/v3/traces'));
    expect(fetched.map((url) => url.pathname)).toEqual(['/api/v3/traces']);
    expect(fetched[0]?.searchParams.get('query.searchDepth')).toBe('20');

    // Keyboard only: to a node downstream, its actions, and make it the focal service. The
    // traces stay the search's: the graph is rebuilt from them, with no new request.
    // Arrows move by position: from the focal node, right is downstream once the layout is done.
    await expect(graph).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    await graph.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.graph-view [aria-live="polite"]')).toHaveText(/hops downstream/);
    await page.keyboard.press('Enter');
    const actions = page.getByRole('toolbar', { name: /^Actions for / });
    await expect(actions).toBeVisible();
    const focal = (await actions.getAttribute('aria-label'))?.replace(/^Actions for /, '') ?? '';
    await actions.getByRole('button', { name: 'Set as focal' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('service')).toBe(focal);
    expect(new URL(page.url()).searchParams.get('search.service')).toBe('frontend');
    await expect(page.locator('.ddg-count')).toHaveText(/^\d+ nodes from 20 traces$/);
    expect(urls.filter((url) => new URL(url).pathname.startsWith('/api/v3/traces'))).toHaveLength(
      1,
    );
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual(
      [],
    );
  });

  test('About shows the version jaeger-query injected and Cairn’s own', async ({ page }) => {
    await page.goto('search');
    await page.getByRole('button', { name: 'About' }).click();
    const about = page.locator('.about-list');
    await expect(about).toContainText('v2.20.0');
    await expect(about).toContainText('0123456789ab');
    await expect(about).toContainText(/Cairn\s*\d+\.\d+\.\d+/);
    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
    await expect(page.getByRole('button', { name: 'About' })).toBeFocused();
  });

  test('the nav menus pass axe with About open', async ({ page }) => {
    await page.goto('search');
    await page.getByRole('button', { name: 'About' }).click();
    const results = await new AxeBuilder({ page }).include('.nav-bar').analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  test('without archive storage there is no Archive button', async ({ page }) => {
    await page.goto(`trace/${ORPHANS}`);
    await expect(treegrid(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);
  });
});

test.describe('under --query.base-path /jaeger', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startJaegerQuery({
      basePath: '/jaeger',
      uiConfig: join(FIXTURES, 'fixture_ui-config-menu.js'),
    });
  });
  test.afterAll(() => server.stop());

  test('2.18+ (no rewriting): the page finds its base; assets, routes and API stay under it', async ({
    page,
  }) => {
    const paths = recordPaths(page);
    const scripts: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.ok() && path.endsWith('.js')) scripts.push(path);
    });
    await page.goto(`${server.url}trace/${ORPHANS}`);
    await expect(treegrid(page)).toBeVisible();
    // The browser's preload scanner may ask for `/static/…` first (the markup's `<base href="/">`,
    // kept for older jaeger-query's rewrite); every script that runs comes from under the base.
    expect(scripts.length).toBeGreaterThan(2);
    expect(scripts.every((path) => path.startsWith('/jaeger/static/'))).toBe(true);
    expect(paths).toContain(`/jaeger/api/v3/traces/${ORPHANS}`);
    await mainNav(page).getByRole('link', { name: 'Dependencies' }).click();
    await expect(page).toHaveURL(`${server.url}dependencies`);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Service dependencies' })).toBeVisible();
  });

  test('the UIConfig() function of a .js config sets the menu', async ({ page }) => {
    await page.goto(`${server.url}search`);
    const link = mainNav(page).getByRole('link', { name: 'GitHub' });
    await expect(link).toHaveAttribute('href', 'https://github.com/jaegertracing/jaeger');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
  });

  test('an unknown page under the base path says it did not load instead of staying blank', async ({
    page,
  }) => {
    await page.goto(`${server.url}no/such/page`);
    await expect(
      page.getByText('Cairn did not load: unknown or invalid path /jaeger/no/such/page'),
    ).toBeVisible();
  });

  test('a base path that looks like a route still resolves', async ({ page }) => {
    const odd = await startJaegerQuery({ basePath: '/search' });
    try {
      await page.goto(`${odd.url}search`);
      await expect(page.getByRole('heading', { name: 'Search' })).toBeVisible();
      await page.goto(odd.url);
      await expect(page).toHaveURL(`${odd.url}search`);
    } finally {
      await odd.stop();
    }
  });
});

test('metrics storage switches Monitor on in the nav, and /monitor loads directly', async ({
  page,
}) => {
  await page.goto('search');
  await expect(mainNav(page).getByRole('link', { name: 'Search' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: 'Monitor' })).toHaveCount(0);
  const withMetrics = await startJaegerQuery({ basePath: '/jaeger', flags: ['--metrics'] });
  try {
    await page.goto(`${withMetrics.url}monitor?service=payment-service`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Monitor');
    await expect(mainNav(page).getByRole('link', { name: 'Monitor' })).toHaveAttribute(
      'href',
      '/jaeger/monitor',
    );
  } finally {
    await withMetrics.stop();
  }
});

test('an older jaeger-query that rewrites <base href> and injects storage capabilities', async ({
  page,
}) => {
  const legacy = await startJaegerQuery({
    basePath: '/jaeger',
    flags: ['--legacy', '--archive'],
  });
  try {
    const paths = recordPaths(page);
    await page.goto(`${legacy.url}trace/${ORPHANS}`);
    await expect(treegrid(page)).toBeVisible();
    expect(paths).toContain(`/jaeger/api/v3/traces/${ORPHANS}`);
    // Archive storage, told the legacy way, switches the Archive button on.
    await expect(page.getByRole('button', { name: 'Archive' })).toBeVisible();
  } finally {
    await legacy.stop();
  }
});

const MALFORMED = {
  'fixture_ui-config-malformed.json': 'cannot parse UI config file',
  'fixture_ui-config-malformed.js': 'UI config file must define function UIConfig()',
};
for (const [fixture, message] of Object.entries(MALFORMED)) {
  test(`jaeger-query refuses ${fixture} at start, as the real one does`, async () => {
    const file = join(FIXTURES, fixture);
    const run = await runToExit('scripts/jaeger-query-standin.mjs', [
      '--assets',
      PROD_DIST,
      '--ui-config',
      file,
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toContain(message);
  });
}

test.describe('link patterns and archive', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    const dir = resolve('test-results/jaeger-query-config');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'ui-config.json');
    writeFileSync(
      file,
      JSON.stringify({
        archiveEnabled: true,
        traceIdDisplayLength: 12,
        linkPatterns: [
          {
            type: 'traces',
            url: 'https://logs.example.com/search?trace=#{trace.traceID}',
            text: 'Logs for this trace',
          },
          {
            type: 'tags',
            key: 'user.comment',
            url: 'https://support.example.com/lookup?q=#{user.comment}',
            text: 'Look up #{user.comment}',
          },
          { type: 'tags', key: 'user.comment', url: 'javascript:alert(1)', text: 'Run it' },
        ],
      }),
    );
    server = await startJaegerQuery({ uiConfig: file, flags: ['--archive'] });
  });
  test.afterAll(() => server.stop());

  test('a trace link pattern opens the logs of this trace in a new tab', async ({ page }) => {
    await page.goto(`${server.url}trace/${HOSTILE}`);
    await expect(treegrid(page)).toBeVisible();
    await expect(
      page
        .locator('header.trace-head')
        .getByText(HOSTILE.replace(/^0+/, '').slice(0, 12), { exact: true }),
    ).toBeVisible();
    const link = page.getByRole('link', { name: 'Logs for this trace' });
    await expect(link).toHaveAttribute('href', `https://logs.example.com/search?trace=${HOSTILE}`);
    // The logs tool itself is not reachable from here: answer for it.
    await page
      .context()
      .route('https://logs.example.com/**', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Logs</title>' }),
      );
    const popup = page.waitForEvent('popup');
    await link.click();
    const logs = await popup;
    await logs.waitForLoadState();
    expect(logs.url()).toBe(`https://logs.example.com/search?trace=${HOSTILE}`);
    // noopener: the logs page cannot reach back into Cairn.
    expect(await logs.evaluate(() => window.opener)).toBeNull();
  });

  test('attribute link patterns in span details; a javascript: pattern is never a link', async ({
    page,
  }) => {
    await page.goto(`${server.url}trace/${HOSTILE}`);
    await treegrid(page).getByRole('row').filter({ hasText: 'GET /search?q=' }).first().click();
    const panel = page.getByRole('region', { name: /^Span details/ });
    const lookUp = panel.getByRole('link', { name: /^Look up / });
    await expect(lookUp).toHaveAttribute(
      'href',
      `https://support.example.com/lookup?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    );
    await expect(panel.getByText('Run it')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Run it' })).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  });

  test('Archive: saving, then saved', async ({ page }) => {
    await page.goto(`${server.url}trace/${ORPHANS}`);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/archive/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('button', { name: 'Archiving…' })).toBeDisabled();
    release();
    await expect(page.getByRole('button', { name: 'Archived' })).toBeDisabled();
    await expect(page.getByText('Saved to archive storage.')).toBeVisible();
  });

  for (const status of [503, 404]) {
    test(`Archive: a ${status} answer is shown with its status, and Archive can be retried`, async ({
      page,
    }) => {
      await page.route('**/api/archive/**', (route) =>
        route.fulfill({
          status,
          contentType: 'application/json',
          body: JSON.stringify({
            data: null,
            errors: [{ code: status, msg: 'archive unavailable' }],
          }),
        }),
      );
      await page.goto(`${server.url}trace/${ORPHANS}`);
      await page.getByRole('button', { name: 'Archive' }).click();
      await expect(page.getByText(`Archive failed (HTTP ${status})`)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Archive' })).toBeEnabled();
    });
  }
});
