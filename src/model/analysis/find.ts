import type { Attribute, SpanDetail } from '../span-detail';
import type { Trace, TraceColumns } from '../trace';
import { hasInvisible, visibleText } from '../visible-text';
import type { FindQuery, FindTerm } from './find-query';
import {
  OPERATION_KEYS,
  SERVICE_KEYS,
  SPAN_ID_KEYS,
  needsDetails,
  parseFindQuery,
  spanIdCandidates,
} from './find-query';

/**
 * Find, in two passes. The name pass decides service/operation/span-id terms from the string
 * tables (a handful of strings) and one typed-array pass over the spans: a few ms at 1M spans, so
 * it runs on every keystroke. The detail pass asks for each remaining span's detail and tests
 * attributes, resource, scope, events and status; it is O(n) detail decodes, so it is incremental
 * (`step`) and the worker can post partial results between steps.
 */
type NameTrace = Pick<Trace, 'services' | 'operations'> & { readonly columns: TraceColumns };

export interface FindOptions {
  /** Tree index of the span with this id, or -1 (the worker's id index). */
  readonly spanIndexById?: (spanId: string) => number;
  /** Whether a span is known to match without its detail (the worker's pre-check). */
  readonly knownMatch?: (index: number) => boolean;
}

const contains = (haystack: string, needle: string): boolean =>
  haystack.toLowerCase().includes(needle) ||
  (hasInvisible(haystack) && visibleText(haystack).toLowerCase().includes(needle));

const equals = (value: string, wanted: string): boolean =>
  value.toLowerCase() === wanted ||
  (hasInvisible(value) && visibleText(value).toLowerCase() === wanted);

/** Per string-table entry: does any term match it? */
function tableMask(
  table: readonly string[],
  terms: readonly FindTerm[],
  keys: ReadonlySet<string>,
): Uint8Array {
  const mask = new Uint8Array(table.length);
  table.forEach((name, index) => {
    // As stored, and as drawn (escaped invisible characters): what the user sees is findable.
    const lower = name.toLowerCase();
    const shown = hasInvisible(name) ? visibleText(name).toLowerCase() : lower;
    for (const term of terms) {
      const hit =
        term.kind === 'text'
          ? lower.includes(term.text) || shown.includes(term.text)
          : keys.has(term.key) && (lower === term.value || shown === term.value);
      if (hit) {
        mask[index] = 1;
        return;
      }
    }
  });
  return mask;
}

/** 1 per span matched by service, operation or span id. */
export function nameMatchMask(
  query: FindQuery,
  trace: NameTrace,
  options: FindOptions = {},
): Uint8Array {
  const { columns } = trace;
  const n = columns.spanCount;
  const out = new Uint8Array(n);
  if (query.terms.length === 0) return out;
  const services = tableMask(trace.services, query.terms, SERVICE_KEYS);
  const operations = tableMask(trace.operations, query.terms, OPERATION_KEYS);
  const { service, operation } = columns;
  for (let i = 0; i < n; i++) {
    if (services[service[i] ?? -1] === 1 || operations[operation[i] ?? -1] === 1) out[i] = 1;
  }
  const byId = options.spanIndexById;
  if (byId) {
    for (const term of query.terms) {
      const text = term.kind === 'text' ? term.text : SPAN_ID_KEYS.has(term.key) ? term.value : '';
      if (!text) continue;
      for (const candidate of spanIdCandidates(text)) {
        const index = byId(candidate);
        if (index >= 0 && index < n) out[index] = 1;
      }
    }
  }
  return out;
}

/** Whether any attribute matches any term: a text term anywhere in key or value, `key=value` exactly. */
export function attributesMatch(
  attributes: readonly Attribute[],
  terms: readonly FindTerm[],
): boolean {
  for (const attribute of attributes) {
    for (const term of terms) {
      if (term.kind === 'text') {
        if (contains(attribute.key, term.text) || contains(attribute.value, term.text)) return true;
      } else if (
        equals(attribute.key, term.key) &&
        (term.value === '' || equals(attribute.value, term.value))
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The tags Jaeger shows for what OTLP keeps in fields (its OTLP → Jaeger translation, and the
 * JSON view): `span.kind`, `error=true`, `otel.status_code`, `otel.status_description`. Find
 * matches them as attributes, so `error=true` finds failed spans whatever the data's format.
 */
export function derivedAttributes(detail: SpanDetail): Attribute[] {
  const out: Attribute[] = [];
  if (detail.kind !== '') out.push({ key: 'span.kind', value: detail.kind, type: 'string' });
  if (detail.statusCode === 'error') out.push({ key: 'error', value: 'true', type: 'bool' });
  if (detail.statusCode !== 'unset')
    out.push({ key: 'otel.status_code', value: detail.statusCode.toUpperCase(), type: 'string' });
  if (detail.statusMessage !== '')
    out.push({ key: 'otel.status_description', value: detail.statusMessage, type: 'string' });
  return out;
}

/** Whether a span's detail matches any term (names are the name pass's job, but are checked too). */
export function detailMatches(detail: SpanDetail, query: FindQuery): boolean {
  const { terms } = query;
  if (
    attributesMatch(detail.attributes, terms) ||
    attributesMatch(detail.resource, terms) ||
    attributesMatch(detail.scope, terms) ||
    attributesMatch(derivedAttributes(detail), terms) ||
    detail.references.some((ref) => attributesMatch(ref.attributes, terms))
  )
    return true;
  for (const event of detail.events) {
    if (attributesMatch(event.attributes, terms)) return true;
  }
  const spanId = detail.spanId.toLowerCase();
  const texts = terms.filter((term) => term.kind === 'text');
  for (const term of texts) {
    if (contains(detail.service, term.text) || contains(detail.operation, term.text)) return true;
    if (contains(detail.statusMessage, term.text)) return true;
    if (
      spanIdCandidates(term.text).includes(spanId) ||
      spanIdCandidates(spanId).includes(term.text)
    )
      return true;
    if (detail.events.some((event) => contains(event.name, term.text))) return true;
  }
  return false;
}

/** Ascending indexes of the set entries of a mask. */
export function maskToIndexes(mask: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) count++;
  const out = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) out[at++] = i;
  return out;
}

/** Fast pre-pass: names and ids only. */
export function findByName(
  query: string | FindQuery,
  trace: NameTrace,
  options: FindOptions = {},
): Int32Array {
  const parsed = typeof query === 'string' ? parseFindQuery(query) : query;
  return maskToIndexes(nameMatchMask(parsed, trace, options));
}

export interface FindScan {
  /** Matches so far (name matches from the start, detail matches as scanned), ascending. */
  matches(): Int32Array;
  /** Scans up to `spanBudget` more spans' details; returns true when done. */
  step(spanBudget: number): boolean;
  readonly done: boolean;
}

export function startFind(
  query: string | FindQuery,
  trace: NameTrace,
  detailFor: (index: number) => SpanDetail | undefined,
  options: FindOptions = {},
): FindScan {
  const parsed = typeof query === 'string' ? parseFindQuery(query) : query;
  const mask = nameMatchMask(parsed, trace, options);
  const n = trace.columns.spanCount;
  let next = parsed.terms.length > 0 && needsDetails(parsed) ? 0 : n;
  const knownMatch = options.knownMatch ?? (() => false);
  return {
    matches: () => maskToIndexes(mask),
    step(spanBudget: number): boolean {
      const stop = Math.min(n, next + Math.max(1, spanBudget));
      for (; next < stop; next++) {
        if (mask[next] === 1) continue;
        if (knownMatch(next)) {
          mask[next] = 1;
          continue;
        }
        const detail = detailFor(next);
        if (detail && detailMatches(detail, parsed)) mask[next] = 1;
      }
      return next >= n;
    },
    get done() {
      return next >= n;
    },
  };
}

/** Whole find, names and details, in one go. */
export function findSpans(
  query: string | FindQuery,
  trace: NameTrace,
  detailFor: (index: number) => SpanDetail | undefined,
  options: FindOptions = {},
): Int32Array {
  const scan = startFind(query, trace, detailFor, options);
  while (!scan.step(65_536));
  return scan.matches();
}

/**
 * For "show only matches": 1 for a match, 2 for an ancestor kept so the match has its context,
 * 0 otherwise. Each span is marked at most once, so the walk up stops at the first marked
 * ancestor and the whole thing is O(n).
 */
export function matchesWithAncestors(columns: TraceColumns, matches: Int32Array): Uint8Array {
  const out = new Uint8Array(columns.spanCount);
  for (const m of matches) if (m >= 0 && m < out.length) out[m] = 1;
  for (const m of matches) {
    let p = columns.parent[m] ?? -1;
    while (p >= 0 && out[p] === 0) {
      out[p] = 2;
      p = columns.parent[p] ?? -1;
    }
  }
  return out;
}
