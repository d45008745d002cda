import { micros } from '../../model/units';
import { DEFAULT_MAX_LOOKBACK, fromDateTimeInput, toDateTimeInput } from './lookback';
import {
  ALL_SERVICES,
  DEFAULT_MAX_LIMIT,
  EMPTY_FORM,
  formFromParams,
  paramsFromQuery,
  queryFromParams,
  traceIdsFromParams,
  validateForm,
  type SearchForm,
  type SearchLimits,
} from './search-params';

const NOW = micros(1_700_000_000_000_000);
const HOUR = 3_600_000_000;

const LIMITS: SearchLimits = {
  maxLookback: DEFAULT_MAX_LOOKBACK,
  maxLimit: DEFAULT_MAX_LIMIT,
  allServices: false,
};

const form = (patch: Partial<SearchForm>): SearchForm => ({ ...EMPTY_FORM, ...patch });

describe('validateForm', () => {
  it('builds a query pinned to now for a preset lookback', () => {
    const { query, errors } = validateForm(
      form({
        service: 'frontend',
        operation: 'HTTP GET',
        tags: 'error=true msg="a b"',
        minDuration: '100ms',
        limit: '50',
      }),
      NOW,
      LIMITS,
    );
    expect(errors).toEqual({});
    expect(query).toEqual({
      service: 'frontend',
      operation: 'HTTP GET',
      attributes: { error: 'true', msg: 'a b' },
      start: NOW - HOUR,
      end: NOW,
      minDuration: 100_000,
      limit: 50,
    });
  });

  it('reports every bad field at once', () => {
    const { query, errors } = validateForm(
      form({ tags: 'a="x', minDuration: '2s', maxDuration: '1s', limit: '5000', lookback: '2w' }),
      NOW,
      LIMITS,
    );
    expect(query).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual([
      'limit',
      'lookback',
      'maxDuration',
      'service',
      'tags',
    ]);
  });

  it('checks the custom range', () => {
    const base = { service: 's', lookback: 'custom' };
    expect(validateForm(form(base), NOW, LIMITS).errors.start).toBeDefined();
    expect(
      validateForm(form({ ...base, start: '20', end: '10' }), NOW, LIMITS).errors.end,
    ).toBeDefined();
    const ok = validateForm(form({ ...base, start: '10', end: '20' }), NOW, LIMITS);
    expect(ok.query).toMatchObject({ start: 10, end: 20 });
  });
});

describe('URL round trip', () => {
  it('form → query → URL → form keeps what the user entered', () => {
    const entered = form({
      service: 'frontend',
      operation: 'HTTP GET /dispatch',
      tags: 'http.status_code=500 msg="a b"',
      minDuration: '250us',
      maxDuration: '1.5s',
      limit: '100',
      lookback: '2h',
    });
    const { query } = validateForm(entered, NOW, LIMITS);
    if (!query) throw new Error('invalid');
    const params = paramsFromQuery(entered, query);
    expect(params.get('tags')).toBe('{"http.status_code":"500","msg":"a b"}');
    const back = formFromParams(new URLSearchParams(params.toString()));
    expect(back).toEqual({ ...entered, start: String(NOW - 2 * HOUR), end: String(NOW) });
    expect(queryFromParams(params, micros(NOW + 5 * HOUR), LIMITS)).toEqual(query);
  });

  it('reads Jaeger UI URLs', () => {
    const params = new URLSearchParams(
      'service=driver&operation=all&tags=%7B%22error%22%3A%22true%22%7D&lookback=1h&limit=20&maxDuration&minDuration',
    );
    expect(formFromParams(params)).toEqual(form({ service: 'driver', tags: 'error=true' }));
    expect(queryFromParams(params, NOW, LIMITS)).toMatchObject({
      start: NOW - HOUR,
      end: NOW,
    });
  });

  it('searches all services only where the backend can, without a service or operation', () => {
    const entered = form({ service: ALL_SERVICES, operation: 'HTTP GET', lookback: '2h' });
    const refused = validateForm(entered, NOW, LIMITS);
    expect(refused.query).toBeUndefined();
    expect(refused.errors.service).toMatch(/cannot search all services/);

    const everyService = { ...LIMITS, allServices: true };
    const { query, errors } = validateForm(entered, NOW, everyService);
    expect(errors).toEqual({});
    expect(query).toEqual({ start: NOW - 2 * HOUR, end: NOW, limit: 20 });
    if (!query) throw new Error('invalid');
    // Jaeger UI's reserved value in the URL, so the link restores "All services" there and here.
    const params = paramsFromQuery(entered, query);
    expect(params.get('service')).toBe('__all_services__');
    expect(queryFromParams(params, NOW, everyService)).toEqual(query);
    expect(queryFromParams(params, NOW, LIMITS)).toBeNull();
  });

  it('asks for nothing without a service', () => {
    expect(queryFromParams(new URLSearchParams('lookback=1h'), NOW, LIMITS)).toBeNull();
  });

  it('collects repeated and comma separated trace ids', () => {
    expect(traceIdsFromParams(new URLSearchParams('traceID=a&traceID=b,c&traceID='))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('datetime inputs', () => {
  it('round-trips in UTC and local time', () => {
    const value = micros(Date.UTC(2024, 0, 2, 3, 4, 5) * 1000);
    expect(toDateTimeInput(value, true)).toBe('2024-01-02T03:04:05');
    expect(fromDateTimeInput('2024-01-02T03:04:05', true)).toBe(value);
    expect(fromDateTimeInput(toDateTimeInput(value, false), false)).toBe(value);
    expect(fromDateTimeInput('nope', true)).toBeNull();
  });
});
