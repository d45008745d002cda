import { otlpAttributes } from '../formats/attributes';
import { asRecord } from '../formats/json-values';
import { scopeAttributes } from '../formats/otlp-span';
import type { SpanContext } from '../formats/span-context';
import type { Attribute } from '../span-detail';
import type { RawSpanStore } from './document-sink';
import { ABSENT, NeedleScan, UNSURE, escapeRegExp } from './needle-scan';
import { attributeReader, type ExactAttribute } from './attribute-equality';
import {
  codeTagsContain,
  codeVerdict,
  fieldTagsContain,
  spanFields,
  type FieldValues,
} from './field-tags';
import { KV_FOUND, KV_NONE, KV_UNSURE } from './kv-verdict';

/** Whether `contains` holds for every needle: false if one fails, null if one cannot tell. */
function containAll(
  needles: readonly string[],
  contains: (needle: string) => boolean | null,
): boolean | null {
  let all: boolean | null = true;
  for (const needle of needles) {
    const has = contains(needle);
    if (has === false) return false;
    if (has === null) all = null;
  }
  return all;
}

const fieldTagsContainAll = (fields: FieldValues, needles: readonly string[]) =>
  containAll(needles, (needle) => fieldTagsContain(fields, needle));

const codeTagsContainAll = (code: number, needles: readonly string[]) =>
  containAll(needles, (needle) => codeTagsContain(code, needle));

/**
 * The pre-check of a find over attributes: for each span, whether its detail surely matches none
 * of the terms, surely matches one, or must be decoded to tell, answered without decoding. A find
 * over 1M spans then decodes only the spans in doubt. Any doubt decodes.
 *
 * Only OTLP spans kept as bytes are checked; other formats, or spans kept as parsed objects, are
 * decoded. A context's resource and scope (shared by its spans) are matched once, exactly, with
 * the find's own rule. A plain span (`plainBytes`: the byte reader saw only ASCII, without `\\u`
 * or `\\/` escapes) gets its verdict from a search of the whole input (needle-scan.ts); another
 * span is doubtful when its bytes hold a backslash (an escape may decode to the needle), DEL or a
 * non-ASCII byte (toLowerCase maps some of those to ASCII; find matches the escaped form
 * visible-text.ts shows for invisible ones), else its own decoded text is searched. The needles
 * are vetted by the caller (run-find.ts): lowercase ASCII without JSON's structural or escaped
 * characters, so an attribute's display text holds a needle only if its bytes do.
 */
// UTF-8: browsers decode ASCII runs on a fast path ('latin1' is windows-1252 there, slower and
// mapping some bytes above U+00FF). Any non-ASCII byte decodes to a non-ASCII character.
const TEXT = new TextDecoder();
const DOUBTFUL = /[\\\u007f-\uffff]/;
/**
 * Text a span's detail adds that is not in its bytes as such: W3C trace state, and the tags Jaeger
 * derives from OTLP's kind and status (find.ts: `span.kind=client`, `error=true`,
 * `otel.status_code=ERROR`), whose values come from numbers or enum names in the bytes.
 */
const SYNTHESIZED_KEYS =
  ' w3c.tracestate span.kind=client=server=producer=consumer=internal' +
  ' error=true otel.status_code=ok=error=unset otel.status_description ';

type Terms = readonly (readonly string[])[];

const anyTermIn = (text: string, terms: Terms): boolean =>
  terms.some((needles) => needles.every((needle) => text.includes(needle)));

/** One case-insensitive search per needle: no lowercased copy of each span's text. */
const patternsOf = (terms: Terms): RegExp[][] =>
  terms.map((needles) => needles.map((needle) => new RegExp(escapeRegExp(needle), 'i')));

const anyPatternIn = (text: string, patterns: readonly (readonly RegExp[])[]): boolean =>
  patterns.some((all) => all.every((pattern) => pattern.test(text)));

/**
 * One term of a find: needles that must all appear; `foundMatches` when one needle shown is a
 * match; `exact` for a `key=value` term read from the attribute lists (attribute-equality.ts).
 */
export interface NeedleTerm {
  readonly needles: readonly string[];
  readonly foundMatches: boolean;
  readonly exact?: ExactAttribute;
}

export interface NeedleQuery {
  readonly terms: readonly NeedleTerm[];
  /** The find's own rule: whether these attributes (a resource's, a scope's) match a term. */
  attributesMatch(attributes: readonly Attribute[]): boolean;
}

/** A span's detail surely does not match; surely matches; or must be decoded to tell. */
export const SKIP = 0;
export const MATCH = 1;
export const DECODE = 2;
export type Verdict = typeof SKIP | typeof MATCH | typeof DECODE;
/** A context whose resource and scope match nothing: its spans' own bytes decide. */
const OWN_BYTES = 3;

/** A find's pre-check over one trace, prepared in steps (`step`) before `verdict` is asked. */
export interface TextSearch {
  /** Searches about `byteBudget` more bytes of the input; true when the search is complete. */
  step(byteBudget: number): boolean;
  verdict(index: number): Verdict;
}

export function spanTextSearch(
  contexts: readonly SpanContext[],
  contextOfSource: Int32Array,
  sourceOf: Int32Array,
  store: RawSpanStore,
  plainBytes: { has(source: number): boolean },
  sources: number,
  fieldCodes: { get(source: number): number },
): ((query: NeedleQuery) => TextSearch) | undefined {
  const bytesOf = store.bytes?.bind(store);
  if (bytesOf === undefined) return undefined;
  const layout = store.layout?.();
  return (query) => {
    const needleTerms = query.terms;
    const terms = needleTerms.map((term) => term.needles);
    const patterns = patternsOf(terms);
    // Terms whose words a tag made from the span's fields may hold (`error`, `client`): those
    // fields are read for them (field-tags.ts), as the tags are not in the bytes as text.
    const fieldTerms = new Set(
      needleTerms.filter(
        (term) => term.exact === undefined && anyTermIn(SYNTHESIZED_KEYS, [term.needles]),
      ),
    );
    // A span not searched as bytes cannot tell those tags from its text.
    const asksFieldTags =
      fieldTerms.size > 0 || needleTerms.some((term) => term.exact?.fieldTag !== undefined);
    const contextVerdicts = new Map<number, Verdict | typeof OWN_BYTES>();
    const contextVerdict = (context: SpanContext): Verdict | typeof OWN_BYTES => {
      let verdict = contextVerdicts.get(context.id);
      if (verdict === undefined) {
        const resource = otlpAttributes(asRecord(context.resource).attributes);
        const matches =
          query.attributesMatch(resource) || query.attributesMatch(scopeAttributes(context.scope));
        verdict = matches ? MATCH : OWN_BYTES;
        contextVerdicts.set(context.id, verdict);
      }
      return verdict;
    };
    const decodeIfMay = (source: number): Verdict => {
      const bytes = bytesOf(source);
      if (bytes === undefined) return DECODE;
      // ASCII text (else doubtful): a case-insensitive search is exact.
      const text = TEXT.decode(bytes);
      if (!plainBytes.has(source) && DOUBTFUL.test(text)) return DECODE;
      return anyPatternIn(text, patterns) ? DECODE : SKIP;
    };
    const needles = [...new Set(terms.flat())];
    const scans =
      layout === undefined ? [] : needles.map((n) => new NeedleScan(layout, sources, n));
    const marksOf = new Map(scans.map((scan, i) => [needles[i], scan.marks]));
    const valueTexts = new Map(
      needleTerms.map((term) => [term, term.exact?.value ? TEXT.decode(term.exact.value) : null]),
    );
    const readers = new Map(
      needleTerms.map((term) => [term, term.exact ? attributeReader(term.exact) : null]),
    );
    const scannedVerdict = (source: number): Verdict => {
      let unsure = false;
      let decode = false;
      let fields: FieldValues | null | undefined;
      const code = fieldCodes.get(source);
      for (const term of needleTerms) {
        let found = true;
        let absent = false;
        for (const needle of term.needles) {
          const mark = marksOf.get(needle)?.[source] ?? UNSURE;
          if (mark === ABSENT) absent = true;
          else if (mark === UNSURE) found = false;
        }
        const { exact } = term;
        if (exact?.fieldTag !== undefined) {
          // The tag from the recorded fields, then (unless the key is in no attribute) the lists.
          const byCode = codeVerdict(exact.fieldTag, valueTexts.get(term) ?? null, code);
          if (byCode === KV_FOUND) return MATCH;
          if (byCode === KV_NONE && absent) continue;
        } else if (fieldTerms.has(term)) {
          // A `key=value` term not read exactly wants equality, which containment does not tell.
          if (!term.foundMatches) {
            decode = true;
            continue;
          }
          let inTags = codeTagsContainAll(code, term.needles);
          if (inTags === null) {
            if (fields === undefined) {
              const bytes = bytesOf(source);
              fields = bytes === undefined ? null : spanFields(bytes);
            }
            inTags = fields === null ? null : fieldTagsContainAll(fields, term.needles);
          }
          if (inTags === true) return MATCH;
          if (inTags === null) decode = true;
          if (absent) continue;
        } else if (absent) continue;
        if (exact !== undefined) {
          const bytes = bytesOf(source);
          const read = readers.get(term);
          const has = bytes === undefined || !read ? KV_UNSURE : read(bytes);
          if (has === KV_FOUND) return MATCH;
          if (has === KV_UNSURE) decode = true;
          continue;
        }
        if (found && term.foundMatches) return MATCH;
        if (found) decode = true;
        else unsure = true;
      }
      if (decode) return DECODE;
      return unsure ? decodeIfMay(source) : SKIP;
    };
    return {
      step: (byteBudget) => {
        const scan = scans.find((s) => !s.done);
        return scan === undefined || (scan.step(byteBudget) && scans.every((s) => s.done));
      },
      verdict: (index) => {
        const source = sourceOf[index] ?? -1;
        const context = contexts[contextOfSource[source] ?? -1];
        if (context === undefined || context.format !== 'otlp') return DECODE;
        const byContext = contextVerdict(context);
        if (byContext !== OWN_BYTES) return byContext;
        if (layout === undefined || !plainBytes.has(source))
          return asksFieldTags ? DECODE : decodeIfMay(source);
        return scannedVerdict(source);
      },
    };
  };
}
