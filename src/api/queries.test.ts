import { QueryClient } from '@tanstack/react-query';
import { micros } from '../model/units';
import {
  dependenciesQuery,
  findByIdsQuery,
  operationsQuery,
  searchQuery,
  servicesQuery,
} from './queries';
import type { JaegerClient } from './types';

function fakeClient(version: 'v1' | 'v3'): JaegerClient {
  return {
    version,
    services: vi.fn(() => Promise.resolve(['a'])),
    operations: vi.fn(() => Promise.resolve([])),
    search: vi.fn(() => Promise.resolve({ traces: [], errors: [] })),
    findByIds: vi.fn(() => Promise.resolve({ traces: [], errors: [], missing: [] })),
    dependencies: vi.fn(() => Promise.resolve([])),
    traceUrl: (id: string) => `/api/traces/${id}`,
    searchTracesUrl: () => '/api/traces',
    traceUrls: (ids: readonly string[]) => ids.map((id) => `/api/traces/${id}`),
  };
}

const base = { service: 's', start: micros(1), end: micros(2), limit: 20 };

describe('queryOptions factories', () => {
  it('key by version so v1 and v3 never share a cache entry', () => {
    expect(servicesQuery(fakeClient('v3')).queryKey).toEqual(['jaeger', 'v3', 'services']);
    expect(servicesQuery(fakeClient('v1')).queryKey).toEqual(['jaeger', 'v1', 'services']);
    expect(operationsQuery(fakeClient('v1'), 'x').queryKey).toEqual([
      'jaeger',
      'v1',
      'operations',
      'x',
    ]);
    expect(dependenciesQuery(fakeClient('v1'), 10, 20).queryKey).toEqual([
      'jaeger',
      'v1',
      'dependencies',
      10,
      20,
    ]);
  });

  it('give equal searches equal keys regardless of attribute order and empty fields', () => {
    const client = fakeClient('v3');
    const a = searchQuery(client, {
      ...base,
      operation: '',
      attributes: { b: '2', a: '1' },
    }).queryKey;
    const b = searchQuery(client, { ...base, attributes: { a: '1', b: '2' } }).queryKey;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const ids = findByIdsQuery(client, ['B', 'a', 'b']).queryKey;
    expect(ids).toEqual(['jaeger', 'v3', 'traces', ['a', 'b']]);
  });

  it('stay disabled without a service or ids, and pass the abort signal through', async () => {
    const client = fakeClient('v3');
    expect(operationsQuery(client, '').enabled).toBe(false);
    expect(searchQuery(client, { ...base, service: '' }).enabled).toBe(false);
    // No service at all is a search of every service, with a key of its own.
    const { service: _, ...everyService } = base;
    expect(searchQuery(client, everyService).enabled).toBe(true);
    expect(searchQuery(client, everyService).queryKey).not.toEqual(
      searchQuery(client, base).queryKey,
    );
    expect(findByIdsQuery(client, []).enabled).toBe(false);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await queryClient.fetchQuery(servicesQuery(client));
    expect(client.services).toHaveBeenCalledWith(expect.any(AbortSignal));
  });
});
