/**
 * The search as it lives in the URL, with Jaeger UI's parameter names so links from and to Jaeger
 * UI keep working: service, operation, tags (JSON; logfmt accepted), lookback, start, end (µs),
 * minDuration, maxDuration, limit, traceID (repeated).
 *
 * "All services" is `service=__all_services__`, Jaeger UI's reserved value, so such links also
 * travel between the two UIs; it is dropped from the API query (an absent service name means
 * "any service") and only accepted where the backend says it can search without a service.
 *
 * The form holds raw strings (what the user typed); validation turns them into a TraceQuery.
 */
import type { TraceQuery } from '../../api/types';
import { micros, type Micros } from '../../model/units';
import { parseDurationBounds } from './duration-input';
import { parseLogfmt, tagsParamToLogfmt } from './logfmt';
import { lookbackMicros } from './lookback';

export const DEFAULT_LIMIT = 20;
/** Jaeger UI's default `search.maxLimit`. */
export const DEFAULT_MAX_LIMIT = 1500;
export const DEFAULT_LOOKBACK = '1h';
/** Jaeger UI's name for "every operation"; never sent to the server. */
export const ALL_OPERATIONS = 'all';
/** Jaeger UI's reserved service value for "every service"; never sent to the server. */
export const ALL_SERVICES = '__all_services__';

/** What the deployment allows a search to ask for. */
export interface SearchLimits {
  readonly maxLookback: Micros;
  /** Jaeger UI's `search.maxLimit`. */
  readonly maxLimit: number;
  /** The backend's `searchWithoutServiceName` capability. */
  readonly allServices: boolean;
}

export interface SearchForm {
  readonly service: string;
  /** '' means all operations. */
  readonly operation: string;
  /** logfmt text. */
  readonly tags: string;
  /** A preset such as '1h', or 'custom' for the start/end range. */
  readonly lookback: string;
  /** µs since the epoch as decimal strings; '' when unset. */
  readonly start: string;
  readonly end: string;
  readonly minDuration: string;
  readonly maxDuration: string;
  readonly limit: string;
}

export const EMPTY_FORM: SearchForm = {
  service: '',
  operation: '',
  tags: '',
  lookback: DEFAULT_LOOKBACK,
  start: '',
  end: '',
  minDuration: '',
  maxDuration: '',
  limit: String(DEFAULT_LIMIT),
};

export type FieldErrors = Partial<Record<keyof SearchForm, string>>;

const isMicrosText = (text: string): boolean => /^\d{1,17}$/.test(text);

export function formFromParams(params: URLSearchParams): SearchForm {
  const get = (name: string): string => params.get(name)?.trim() ?? '';
  const operation = get('operation');
  const tagsParam = get('tags');
  return {
    service: get('service'),
    operation: operation === ALL_OPERATIONS ? '' : operation,
    // A tags param we cannot read is kept raw so the form shows it with its error.
    tags: tagsParam === '' ? '' : (tagsParamToLogfmt(tagsParam) ?? tagsParam),
    lookback: get('lookback') || DEFAULT_LOOKBACK,
    start: isMicrosText(get('start')) ? get('start') : '',
    end: isMicrosText(get('end')) ? get('end') : '',
    minDuration: get('minDuration'),
    maxDuration: get('maxDuration'),
    limit: get('limit') || String(DEFAULT_LIMIT),
  };
}

export const traceIdsFromParams = (params: URLSearchParams): string[] =>
  params
    .getAll('traceID')
    .flatMap((value) => value.split(/[\s,]+/))
    .filter((id) => id !== '');

/**
 * Checks the form; on success also returns the query. `now` pins relative lookbacks: the URL then
 * carries absolute start/end, so a shared link shows the same traces to everyone.
 */
export function validateForm(
  form: SearchForm,
  now: Micros,
  { maxLookback, maxLimit, allServices }: SearchLimits,
): { readonly query?: TraceQuery; readonly errors: FieldErrors } {
  const errors: { -readonly [K in keyof SearchForm]?: string } = {};
  const everyService = form.service === ALL_SERVICES;
  if (form.service === '') errors.service = 'Choose a service';
  else if (everyService && !allServices)
    errors.service = 'This backend cannot search all services; choose one';

  const tags = parseLogfmt(form.tags);
  if (!tags.ok) errors.tags = tags.error;

  let start: number;
  let end: number;
  if (form.lookback === 'custom') {
    start = Number(form.start);
    end = Number(form.end);
    if (form.start === '' || form.end === '') errors.start = 'Enter a start and an end';
    else if (end <= start) errors.end = 'The end must be after the start';
    else if (end - start > maxLookback)
      errors.start = 'The range is longer than the maximum lookback';
  } else {
    const span = lookbackMicros(form.lookback);
    if (span === undefined) errors.lookback = 'Unknown lookback';
    else if (span > maxLookback) errors.lookback = 'Longer than the maximum lookback';
    end = now;
    start = now - (span ?? 0);
  }

  const bounds = parseDurationBounds(form.minDuration, form.maxDuration);
  if (bounds.minError) errors.minDuration = bounds.minError;
  if (bounds.maxError) errors.maxDuration = bounds.maxError;

  const limit = Number(form.limit);
  if (!/^\d+$/.test(form.limit.trim()) || limit < 1 || limit > maxLimit) {
    errors.limit = `Enter a whole number from 1 to ${maxLimit}`;
  }

  if (Object.keys(errors).length > 0 || !tags.ok) return { errors };
  const query: TraceQuery = {
    ...(everyService ? {} : { service: form.service }),
    // Operation names belong to a service: across all services only "all operations" makes sense.
    ...(form.operation === '' || everyService ? {} : { operation: form.operation }),
    ...(Object.keys(tags.value).length === 0 ? {} : { attributes: tags.value }),
    start: micros(start),
    end: micros(end),
    ...(bounds.min === undefined ? {} : { minDuration: bounds.min }),
    ...(bounds.max === undefined ? {} : { maxDuration: bounds.max }),
    limit,
  };
  return { query, errors };
}

/** The URL of a submitted, valid search: relative lookbacks pinned to absolute start/end. */
export function paramsFromQuery(form: SearchForm, query: TraceQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('service', query.service ?? ALL_SERVICES);
  if (query.operation) params.set('operation', query.operation);
  if (query.attributes) params.set('tags', JSON.stringify(query.attributes));
  params.set('lookback', form.lookback);
  params.set('start', String(Math.floor(query.start)));
  params.set('end', String(Math.ceil(query.end)));
  if (form.minDuration.trim()) params.set('minDuration', form.minDuration.trim());
  if (form.maxDuration.trim()) params.set('maxDuration', form.maxDuration.trim());
  params.set('limit', String(query.limit));
  return params;
}

/**
 * The query a URL asks for, or null when it asks for none (no service) or is invalid. A URL with
 * a preset lookback but no start/end (a hand-written or Jaeger UI link) is resolved against `now`.
 */
export function queryFromParams(
  params: URLSearchParams,
  now: Micros,
  limits: SearchLimits,
): TraceQuery | null {
  const form = formFromParams(params);
  if (form.service === '') return null;
  if (form.lookback !== 'custom' && form.start !== '' && form.end !== '') {
    // Pinned range from a submitted search: honour it exactly, whatever the preset says.
    const pinned = validateForm({ ...form, lookback: 'custom' }, now, {
      ...limits,
      maxLookback: Number.POSITIVE_INFINITY as Micros,
    });
    return pinned.query ?? null;
  }
  return validateForm(form, now, limits).query ?? null;
}
