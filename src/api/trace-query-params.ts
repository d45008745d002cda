/**
 * A search carried inside another page's URL (the deep dependency graph "of these search
 * results"): its fields under a `search.` prefix, so they never clash with the page's own
 * parameters (the DDG's `service` is its focal service, not necessarily the search's).
 * Times and durations are µs integers; attributes a JSON map, as v1's `tags`.
 *
 * Carrying the search rather than its trace ids keeps the link short (1,500 ids are ~50 KB of
 * URL) and lets the page fetch every trace in one request.
 */
import { micros } from '../model/units';
import type { TraceQuery } from './types';

const PREFIX = 'search.';

export function traceQueryParams(query: TraceQuery): [string, string][] {
  const params: [string, string][] = [];
  if (query.service !== undefined) params.push([`${PREFIX}service`, query.service]);
  if (query.operation) params.push([`${PREFIX}operation`, query.operation]);
  if (query.attributes && Object.keys(query.attributes).length > 0)
    params.push([`${PREFIX}tags`, JSON.stringify(query.attributes)]);
  params.push(
    [`${PREFIX}start`, String(Math.floor(query.start))],
    [`${PREFIX}end`, String(Math.ceil(query.end))],
  );
  if (query.minDuration !== undefined)
    params.push([`${PREFIX}minDuration`, String(Math.round(query.minDuration))]);
  if (query.maxDuration !== undefined)
    params.push([`${PREFIX}maxDuration`, String(Math.round(query.maxDuration))]);
  params.push([`${PREFIX}limit`, String(query.limit)]);
  return params;
}

const wholeNumber = (text: string | null): number | undefined =>
  text !== null && /^\d{1,17}$/.test(text) ? Number(text) : undefined;

function attributesOf(text: string | null): Record<string, string> | undefined | null {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    return entries.every((entry): entry is [string, string] => typeof entry[1] === 'string')
      ? Object.fromEntries(entries)
      : null;
  } catch {
    return null;
  }
}

/**
 * The search a URL carries; undefined when it carries none, or one that is not well formed (no
 * or reversed times, no limit, unreadable tags): a hand-edited link is not sent half understood.
 */
export function traceQueryFromParams(params: URLSearchParams): TraceQuery | undefined {
  const get = (name: string) => params.get(`${PREFIX}${name}`);
  const start = wholeNumber(get('start'));
  const end = wholeNumber(get('end'));
  const limit = wholeNumber(get('limit'));
  if (start === undefined || end === undefined || end <= start) return undefined;
  if (limit === undefined || limit < 1) return undefined;
  const attributes = attributesOf(get('tags'));
  if (attributes === null) return undefined;
  const minDuration = wholeNumber(get('minDuration'));
  const maxDuration = wholeNumber(get('maxDuration'));
  if ((get('minDuration') !== null) !== (minDuration !== undefined)) return undefined;
  if ((get('maxDuration') !== null) !== (maxDuration !== undefined)) return undefined;
  const service = get('service');
  const operation = get('operation');
  return {
    ...(service === null ? {} : { service }),
    ...(operation ? { operation } : {}),
    ...(attributes ? { attributes } : {}),
    start: micros(start),
    end: micros(end),
    ...(minDuration === undefined ? {} : { minDuration: micros(minDuration) }),
    ...(maxDuration === undefined ? {} : { maxDuration: micros(maxDuration) }),
    limit,
  };
}
