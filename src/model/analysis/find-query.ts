/**
 * The find box's little language, parsed once per keystroke:
 *   words               frontend error
 *   "quoted phrases"    "GET /dispatch"
 *   key=value           http.status_code=500   key="a value with spaces"   key=   (key present)
 *   span ids            any word also matches a span id exactly (leading zeros ignored)
 * A span matches when ANY term matches (Jaeger UI's uiFind semantics, so shared links behave the
 * same). Matching is literal and case-insensitive: there are no user regular expressions, so no
 * input can make matching slow or throw.
 */
export type FindTerm =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'kv'; readonly key: string; readonly value: string };

export interface FindQuery {
  readonly terms: readonly FindTerm[];
}

/** Keys answered from the name columns without span details. */
export const SERVICE_KEYS: ReadonlySet<string> = new Set(['service', 'service.name']);
export const OPERATION_KEYS: ReadonlySet<string> = new Set(['operation', 'name', 'span.name']);
export const SPAN_ID_KEYS: ReadonlySet<string> = new Set(['span', 'spanid', 'span.id', 'span_id']);

export function parseFindQuery(input: string): FindQuery {
  const terms: FindTerm[] = [];
  const seen = new Set<string>();
  const add = (term: FindTerm): void => {
    const id = term.kind === 'text' ? `t:${term.text}` : `k:${term.key}=${term.value}`;
    if (seen.has(id)) return;
    seen.add(id);
    terms.push(term);
  };
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && isSpace(input.charCodeAt(i))) i++;
    if (i >= n) break;
    let text = '';
    let quoted = false;
    let anyQuote = false;
    // Index in `text` of the first '=' typed outside quotes; -1 when none.
    let equals = -1;
    while (i < n) {
      const ch = input[i] ?? '';
      if (ch === '"') {
        quoted = !quoted;
        anyQuote = true;
        i++;
        continue;
      }
      if (!quoted && isSpace(ch.charCodeAt(0))) break;
      if (!quoted && ch === '=' && equals < 0) equals = text.length;
      text += ch;
      i++;
    }
    if (equals > 0) {
      add({
        kind: 'kv',
        key: text.slice(0, equals).trim().toLowerCase(),
        value: text.slice(equals + 1).toLowerCase(),
      });
    } else {
      const value = (anyQuote ? text : text.trim()).toLowerCase();
      if (value.length > 0) add({ kind: 'text', text: value });
    }
  }
  return { terms };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0;
}

/** Span id candidates for a term: as typed and without leading zeros, so "00ab" finds "ab". */
export function spanIdCandidates(text: string): string[] {
  const stripped = text.replace(/^0+(?=.)/, '');
  const out = new Set([text, stripped]);
  if (/^[0-9a-f]+$/.test(stripped)) {
    for (const width of [16, 32])
      if (stripped.length < width) out.add(stripped.padStart(width, '0'));
  }
  return [...out];
}

/** Whether the query needs span details at all (false when every term is name/id-only). */
export function needsDetails(query: FindQuery): boolean {
  return query.terms.some(
    (term) =>
      term.kind === 'text' ||
      !(SERVICE_KEYS.has(term.key) || OPERATION_KEYS.has(term.key) || SPAN_ID_KEYS.has(term.key)),
  );
}
