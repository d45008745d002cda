import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { ApiError } from '../../api/api-error';
import { JaegerClientProvider } from '../../api/client-context';
import type { JaegerClient, SearchResult, TraceQuery } from '../../api/types';
import type { TraceSummary } from '../../model/trace-summary';
import { micros } from '../../model/units';
import { TraceWorkerProvider } from '../../worker/trace-worker-context';
import { noWorkerClient } from '../../worker/test-support/no-worker-client';
import { SearchPage } from './search-page';

const NOW = Date.now() * 1000;

const summary = (traceId: string, patch: Partial<TraceSummary> = {}): TraceSummary => ({
  traceId,
  rootService: 'frontend',
  rootOperation: 'HTTP GET /dispatch',
  startTime: micros(NOW - 60_000_000),
  duration: micros(1500),
  spanCount: 4,
  errorCount: 0,
  services: [
    { name: 'frontend', spanCount: 3 },
    { name: 'redis', spanCount: 1 },
  ],
  ...patch,
});

function fakeClient(
  overrides: Partial<JaegerClient> = {},
): JaegerClient & { searches: TraceQuery[] } {
  const searches: TraceQuery[] = [];
  return {
    version: 'v3',
    searches,
    services: async () => ['redis', 'frontend', '<b>evil</b>'],
    operations: async () => [
      { name: 'HTTP GET /dispatch', spanKind: 'server' },
      { name: 'HTTP GET /dispatch', spanKind: 'client' },
    ],
    search: async (query: TraceQuery): Promise<SearchResult> => {
      searches.push(query);
      return {
        traces: [
          summary('abcdef0123456789'),
          summary('1234567890abcdef', { errorCount: 2, duration: micros(9000) }),
        ],
        errors: [],
      };
    },
    findByIds: async (ids) => ({
      traces: [summary(ids[0] ?? '')],
      errors: [],
      missing: ids.slice(1),
    }),
    dependencies: async () => [],
    traceUrl: (id) => `/api/v3/traces/${id}`,
    searchTracesUrl: () => '/api/v3/traces',
    traceUrls: (ids) => ids.map((id) => `/api/v3/traces/${id}`),
    ...overrides,
  };
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderPage(client: JaegerClient, url = '/search') {
  const router = createMemoryRouter(
    [
      {
        path: '/search',
        element: (
          <>
            <SearchPage />
            <Location />
          </>
        ),
      },
      { path: '*', element: <Location /> },
    ],
    { initialEntries: [url] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <JaegerClientProvider client={client}>
        <TraceWorkerProvider client={noWorkerClient()}>
          <RouterProvider router={router} />
        </TraceWorkerProvider>
      </JaegerClientProvider>
    </QueryClientProvider>,
  );
  return router;
}

const location = () => new URL(screen.getByTestId('location').textContent ?? '', 'http://x');

beforeEach(() => localStorage.clear());

describe('SearchPage', () => {
  it('searches from the form and writes the search into the URL', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    renderPage(client);
    const service = screen.getByRole('combobox', { name: 'Service' });
    await user.click(service);
    await user.type(service, 'front');
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Attributes'), 'error=true msg="a b"');
    await user.type(screen.getByLabelText('Min duration'), '1ms{Enter}');

    expect(await screen.findByText(/2 traces/)).toBeInTheDocument();
    const params = location().searchParams;
    expect(params.get('service')).toBe('frontend');
    expect(params.get('tags')).toBe('{"error":"true","msg":"a b"}');
    expect(params.get('minDuration')).toBe('1ms');
    expect(client.searches.at(-1)).toMatchObject({
      service: 'frontend',
      attributes: { error: 'true', msg: 'a b' },
      minDuration: 1000,
    });
    const link = screen
      .getAllByRole('link')
      .find((a) => a.getAttribute('href') === '/trace/abcdef0123456789');
    expect(link).toBeDefined();
    expect(JSON.parse(localStorage.getItem('cairn.search.last') ?? '{}')).toMatchObject({
      service: 'frontend',
    });
  });

  it('shows inline errors and does not search', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    renderPage(client);
    await user.type(screen.getByLabelText('Attributes'), 'msg="open');
    await user.type(screen.getByLabelText('Max duration'), '5');
    await user.click(screen.getByRole('button', { name: 'Find traces' }));
    expect(screen.getByText(/Unclosed quote/)).toBeInTheDocument();
    expect(screen.getByText(/Add a unit/)).toBeInTheDocument();
    expect(screen.getByText('Choose a service')).toBeInTheDocument();
    expect(client.searches).toHaveLength(0);
  });

  it('pins a relative lookback from a Jaeger UI link and runs it', async () => {
    const client = fakeClient();
    renderPage(client, '/search?service=frontend&lookback=1h&limit=20');
    expect(await screen.findByText(/2 traces/)).toBeInTheDocument();
    expect(location().searchParams.get('end')).toMatch(/^\d+$/);
    expect(client.searches).toHaveLength(1);
  });

  it('looks up trace ids and lists the missing ones', async () => {
    renderPage(fakeClient(), '/search?traceID=aaaa&traceID=bbbb');
    expect(await screen.findByText(/1 trace\b/)).toBeInTheDocument();
    const missing = screen.getByText('Not found:').parentElement;
    expect(missing && within(missing).getByText('bbbb')).toBeInTheDocument();
  });

  it('shows an API error with status, URL and a working Retry', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const client = fakeClient({
      search: async () => {
        calls += 1;
        throw new ApiError({
          kind: 'http',
          status: 502,
          url: '/api/v3/traces?x',
          message: 'Bad gateway',
          bodyExcerpt: '<html>502</html>',
        });
      },
    });
    renderPage(client, `/search?service=frontend&lookback=1h&start=${NOW - 1e9}&end=${NOW}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('502')).toBeInTheDocument();
    expect(within(alert).getByText('/api/v3/traces?x')).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it('keeps partial results next to server errors', async () => {
    const client = fakeClient({
      search: async () => ({ traces: [summary('abc')], errors: ['shard 3 timed out'] }),
    });
    renderPage(client, `/search?service=frontend&lookback=1h&start=${NOW - 1e9}&end=${NOW}`);
    expect(await screen.findByText('shard 3 timed out')).toBeInTheDocument();
    expect(screen.getByText(/1 trace\b/)).toBeInTheDocument();
  });

  it('draws 200 result rows at first and the rest page by page', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 450 }, (_, i) =>
      summary(i.toString(16).padStart(16, '0'), { duration: micros(1000 + i) }),
    );
    const client = fakeClient({ search: async () => ({ traces: many, errors: [] }) });
    renderPage(client, `/search?service=frontend&lookback=1h&start=${NOW - 1e9}&end=${NOW}`);
    expect(await screen.findByRole('heading', { name: /^450 traces/ })).toBeInTheDocument();
    const rows = () => document.querySelectorAll('.results-rows > li').length;
    expect(rows()).toBe(200);
    expect(screen.getByText(/200 of 450 traces shown/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 200 more' }));
    expect(rows()).toBe(400);
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(rows()).toBe(450);
    expect(screen.queryByText(/traces shown/)).toBeNull();
  });

  it('renders hostile names as text', async () => {
    const user = userEvent.setup();
    renderPage(fakeClient());
    await user.click(screen.getByRole('combobox', { name: 'Service' }));
    expect(await screen.findByRole('option', { name: '<b>evil</b>' })).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });
});
