import type { SpanContext } from '../formats/span-context';
import type { RawSpanStore } from './document-sink';

/**
 * A conservative pre-check for find over attributes: whether a span's detail may contain a
 * term, answered from the span's retained bytes without decoding them (a native decode,
 * and case-insensitive regular-expression tests), so a find over 1M spans decodes only the spans
 * that may match. "May" is a superset: any doubt answers true.
 *
 * Only OTLP spans kept as bytes are checked; other formats, or spans kept as parsed objects,
 * answer true. A span is doubtful when its bytes hold a backslash (an escape may decode to the
 * needle), DEL or a non-ASCII byte (toLowerCase maps some of those to ASCII; find matches the
 * escaped form visible-text.ts shows for invisible ones). The byte reader already knows which
 * spans are plain (`plainBytes`), so most spans skip that scan. Its resource and scope
 * (shared by a context) are checked once per context and query. The needles themselves are
 * vetted by the caller (run-find.ts): lowercase ASCII without JSON's structural or escaped
 * characters, so an attribute's display text holds a needle only if its bytes do.
 */
// UTF-8: browsers decode ASCII runs on a fast path ('latin1' is windows-1252 there, slower and
// mapping some bytes above U+00FF). Any non-ASCII byte decodes to a non-ASCII character.
const TEXT = new TextDecoder();
const DOUBTFUL = /[\\\u007f-\uffff]/;
/**
 * Text a detail adds that is not in the span's bytes: OTLP scope fields, W3C trace state, and the
 * tags Jaeger derives from OTLP's kind and status (find.ts: `span.kind=client`, `error=true`,
 * `otel.status_code=ERROR`), whose values come from numbers or enum names in the bytes.
 */
const SYNTHESIZED_KEYS =
  ' otel.scope.name otel.scope.version w3c.tracestate span.kind=client=server=producer=consumer=internal' +
  ' error=true otel.status_code=ok=error=unset otel.status_description ';

type Terms = readonly (readonly string[])[];

const anyTermIn = (text: string, terms: Terms): boolean =>
  terms.some((needles) => needles.every((needle) => text.includes(needle)));

/** One case-insensitive search per needle: no lowercased copy of each span's text. */
const patternsOf = (terms: Terms): RegExp[][] =>
  terms.map((needles) =>
    needles.map((needle) => new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')),
  );

const anyPatternIn = (text: string, patterns: readonly (readonly RegExp[])[]): boolean =>
  patterns.some((all) => all.every((pattern) => pattern.test(text)));

/**
 * `plainBytes` holds the spans whose strings the byte reader saw as plain ASCII without `\\u` or
 * `\\/` escapes (json-bytes.ts `textDoubt`): their doubt is known without a scan of their text.
 */
export function spanTextFilter(
  contexts: readonly SpanContext[],
  contextOfSource: Int32Array,
  sourceOf: Int32Array,
  store: RawSpanStore,
  plainBytes: { has(source: number): boolean },
): ((index: number, terms: Terms) => boolean) | undefined {
  const bytesOf = store.bytes?.bind(store);
  if (bytesOf === undefined) return undefined;
  let cachedTerms: Terms | null = null;
  let patterns: RegExp[][] = [];
  const contextHits = new Map<number, boolean>();
  const forTerms = (terms: Terms): void => {
    if (cachedTerms === terms) return;
    cachedTerms = terms;
    patterns = patternsOf(terms);
    contextHits.clear();
  };
  const contextMayContain = (context: SpanContext, terms: Terms): boolean => {
    let hit = contextHits.get(context.id);
    if (hit === undefined) {
      const text = (
        (JSON.stringify(context.resource) ?? '') +
        (JSON.stringify(context.scope) ?? '') +
        SYNTHESIZED_KEYS
      ).toLowerCase();
      hit = DOUBTFUL.test(text) || anyTermIn(text, terms);
      contextHits.set(context.id, hit);
    }
    return hit;
  };
  return (index, terms) => {
    forTerms(terms);
    const source = sourceOf[index] ?? -1;
    const context = contexts[contextOfSource[source] ?? -1];
    if (context === undefined || context.format !== 'otlp') return true;
    if (contextMayContain(context, terms)) return true;
    const bytes = bytesOf(source);
    if (bytes === undefined) return true;
    // ASCII text (else doubtful): a case-insensitive search is exact.
    const text = TEXT.decode(bytes);
    if (!plainBytes.has(source) && DOUBTFUL.test(text)) return true;
    return anyPatternIn(text, patterns);
  };
}
