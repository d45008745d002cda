import { describe, expect, it } from 'vitest';
import { micros } from '../model/units';
import { traceQueryFromParams, traceQueryParams } from './trace-query-params';
import type { TraceQuery } from './types';
import { JaegerV1Client } from './v1-client';
import { JaegerV3Client } from './v3-client';

const full: TraceQuery = {
  service: 'api & <b>',
  operation: 'GET /x?y=1',
  attributes: { 'http.status_code': '500', 'a=b': 'c&d' },
  start: micros(1_700_000_000_000_000),
  end: micros(1_700_000_360_000_000),
  minDuration: micros(1500),
  maxDuration: micros(2_000_000),
  limit: 1500,
};

describe('a search carried in another page’s URL', () => {
  it('comes back as the same query, beside the page’s own parameters', () => {
    for (const query of [full, { start: full.start, end: full.end, limit: 20 }]) {
      const params = new URLSearchParams([['service', 'focal'], ...traceQueryParams(query)]);
      const back = traceQueryFromParams(new URLSearchParams(params.toString()));
      expect(back).toEqual(query);
      expect(params.get('service')).toBe('focal');
    }
  });

  it('is absent or refused when its parts are missing or malformed', () => {
    const good = new URLSearchParams(traceQueryParams(full));
    expect(traceQueryFromParams(new URLSearchParams('service=x&traceID=abc'))).toBeUndefined();
    for (const [name, value] of [
      ['search.end', '1'],
      ['search.limit', '0'],
      ['search.limit', 'many'],
      ['search.tags', '{"a":1}'],
      ['search.tags', '[oops'],
      ['search.minDuration', '1ms'],
    ] as const) {
      const bad = new URLSearchParams(good);
      bad.set(name, value);
      expect(traceQueryFromParams(bad), `${name}=${value}`).toBeUndefined();
    }
  });
});

describe('full traces of a search or of ids', () => {
  it('v1 searches /api/traces and asks for 50 ids a request; v3 one id a request', () => {
    const v1 = new JaegerV1Client('/jaeger/');
    expect(v1.searchTracesUrl(full)).toMatch(/^\/jaeger\/api\/traces\?service=api/);
    const ids = Array.from({ length: 120 }, (_, i) => i.toString(16).padStart(32, '0'));
    const urls = v1.traceUrls(ids);
    expect(urls).toHaveLength(3);
    expect(urls.map((url) => new URL(url, 'http://x').searchParams.getAll('traceID'))).toEqual([
      ids.slice(0, 50),
      ids.slice(50, 100),
      ids.slice(100),
    ]);
    const v3 = new JaegerV3Client('/');
    expect(v3.searchTracesUrl(full)).toMatch(/^\/api\/v3\/traces\?query\.serviceName=api/);
    expect(v3.traceUrls(ids.slice(0, 2))).toEqual(ids.slice(0, 2).map((id) => v3.traceUrl(id)));
  });
});
