/**
 * Find in the worker with the analysis module's query syntax. The name pass is one typed-array
 * pass; a query on attributes decodes span details, which at 1M spans takes seconds, so that scan
 * runs in slices and yields between them: a newer find (or a span-detail request) gets through,
 * and a superseded scan stops early. Spans whose retained bytes cannot hold the query
 * (`mayContain`, span-text-filter.ts) are not decoded at all.
 */
import { startFind } from '../model/analysis/find';
import { parseFindQuery } from '../model/analysis/find-query';
import type { FindQuery } from '../model/analysis/find-query';
import type { ParsedTrace } from '../model/parse-document';

const SLICE_SPANS = 20_000;
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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

/** The query's terms as needle lists for `mayContain`, or null when a term cannot be pre-checked. */
export function needleTerms(query: FindQuery): string[][] | null {
  const terms: string[][] = [];
  for (const term of query.terms) {
    const needles =
      term.kind === 'text' ? [term.text] : [term.key, term.value].filter((n) => n !== '');
    if (needles.length === 0 || !needles.every(safeNeedle)) return null;
    terms.push(needles);
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
  const terms = parsed.mayContain ? needleTerms(parsedQuery) : null;
  const mayContain = parsed.mayContain?.bind(parsed);
  const scan = startFind(
    parsedQuery,
    parsed.trace,
    (index) =>
      terms === null || mayContain === undefined || mayContain(index, terms)
        ? parsed.detail(index)
        : undefined,
    { spanIndexById: (spanId) => parsed.spanIndexById(spanId) },
  );
  while (!scan.step(SLICE_SPANS)) {
    await yieldToEvents();
    if (isStale()) return null;
  }
  return scan.matches();
}
