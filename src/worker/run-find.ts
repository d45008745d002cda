/**
 * Find in the worker with the analysis module's query syntax. The name pass is one typed-array
 * pass; a query on attributes first searches the retained input for the query's words
 * (`textSearch`, span-text-filter.ts), then decodes the details of only the spans whose bytes may
 * hold them. Both run in slices and yield between them: a newer find (or a span-detail request)
 * gets through, and a superseded find stops early.
 */
import { attributesMatch, startFind } from '../model/analysis/find';
import { needsDetails, parseFindQuery } from '../model/analysis/find-query';
import type { FindQuery } from '../model/analysis/find-query';
import type { ParsedTrace } from '../model/parse-document';
import { DECODE, MATCH } from '../model/document/span-text-filter';
import { FIELD_TAG_KEYS } from '../model/document/field-tags';
import type { ExactAttribute } from '../model/document/attribute-equality';
import type { NeedleTerm, Verdict } from '../model/document/span-text-filter';
import { yieldToEvents } from './yield-to-events';

const SLICE_SPANS = 20_000;
/** About 10 ms of the whole-input search here. */
const SLICE_BYTES = 16 << 20;

/**
 * A needle the byte pre-check can look for: lowercase ASCII without JSON's structural, quoting
 * or escaping characters (an array value's display text joins elements with them), without
 * digits (a JSON number may be written differently from its display, 1e3 for 1000), not all hex
 * (span ids match leading-zero variants) and not part of a key a detail synthesizes.
 */
const SAFE_NEEDLE = /^[\x20-\x7e]+$/;
const UNSAFE_CHARS = /["\\[\]{},:0-9A-Z]/;
const SYNTHESIZED = ['otel.scope.name', 'otel.scope.version', 'w3c.tracestate'];

function safeNeedle(needle: string): boolean {
  return (
    SAFE_NEEDLE.test(needle) &&
    !UNSAFE_CHARS.test(needle) &&
    !/^[a-f]+$/.test(needle) &&
    !SYNTHESIZED.some((key) => key.includes(needle))
  );
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A `key=value` term as a span's bytes are read for it (attribute-equality.ts): printable ASCII
 * (a plain span's strings hold nothing else).
 */
function exactAttribute(key: string, value: string): ExactAttribute | undefined {
  if (key === '' || !PRINTABLE_ASCII.test(key) || !PRINTABLE_ASCII.test(value)) return undefined;
  const encode = (text: string) => new TextEncoder().encode(text);
  const term = { key: encode(key), value: value === '' ? null : encode(value) };
  return FIELD_TAG_KEYS.includes(key) ? { ...term, fieldTag: key } : term;
}

/**
 * The query's terms as needles for `textSearch`, or null when a term cannot be pre-checked. A
 * text term matches wherever its text is shown; `key=value` wants equality, which needles shown
 * somewhere do not prove: the span's attribute lists are read for it.
 */
export function needleTerms(query: FindQuery): NeedleTerm[] | null {
  const terms: NeedleTerm[] = [];
  for (const term of query.terms) {
    // Each needle is a condition a match needs, so a `key=value` term may drop one the bytes
    // cannot vouch for (`http.status_code=500`: the value is digits) and keep the other.
    const exact = term.kind === 'kv' ? exactAttribute(term.key, term.value) : undefined;
    // A tag made from fields (`error=true` from a status code) has no words in the bytes: only
    // its key, for the attribute lists.
    const needles =
      term.kind === 'text'
        ? [term.text].filter(safeNeedle)
        : exact?.fieldTag !== undefined
          ? [term.key].filter(safeNeedle)
          : [term.key, term.value].filter((n) => n !== '' && safeNeedle(n));
    if (needles.length === 0 && exact === undefined) return null;
    terms.push(
      exact === undefined
        ? { needles, foundMatches: term.kind === 'text' }
        : { needles, foundMatches: false, exact },
    );
  }
  return terms;
}

/** Resolves to null when `isStale()` turned true mid-scan. */
export async function runFind(
  parsed: ParsedTrace,
  query: string,
  isStale: () => boolean,
): Promise<Int32Array | null> {
  const parsedQuery = parseFindQuery(query);
  const terms = parsed.textSearch && needsDetails(parsedQuery) ? needleTerms(parsedQuery) : null;
  const search =
    terms === null
      ? undefined
      : parsed.textSearch?.({
          terms,
          attributesMatch: (attributes) => attributesMatch(attributes, parsedQuery.terms),
        });
  while (search !== undefined && !search.step(SLICE_BYTES)) {
    await yieldToEvents();
    if (isStale()) return null;
  }
  // startFind asks knownMatch, then detailFor, of the same span: one verdict serves both (a
  // verdict in doubt decodes the span's bytes).
  let verdictIndex = -1;
  let verdict: Verdict = DECODE;
  const verdictOf = (index: number): Verdict => {
    if (search === undefined) return DECODE;
    if (index !== verdictIndex) {
      verdictIndex = index;
      verdict = search.verdict(index);
    }
    return verdict;
  };
  const scan = startFind(
    parsedQuery,
    parsed.trace,
    (index) => (verdictOf(index) === DECODE ? parsed.detail(index) : undefined),
    {
      spanIndexById: (spanId) => parsed.spanIndexById(spanId),
      knownMatch: (index: number) => verdictOf(index) === MATCH,
    },
  );
  while (!scan.step(SLICE_SPANS)) {
    await yieldToEvents();
    if (isStale()) return null;
  }
  return scan.matches();
}
