/**
 * Jaeger UI's `linkPatterns` configuration: turn an attribute (or resource attribute, event field,
 * or the trace itself) into a link to another tool.
 *
 *   { "type": "tags", "key": "customer_id",
 *     "url": "https://crm.example/customers/#{customer_id}", "text": "Customer #{customer_id}" }
 *
 * Types: `attributes` (Jaeger: `tags`), `resource` (`process`), `events` (`logs`), `traces`.
 * Template parameters `#{name}` are looked up among the span's values and the trace's own
 * (`trace.traceID`, `trace.startTime`, `trace.endTime`, `trace.duration`); a pattern with a
 * missing parameter produces no link. Values are URL-encoded into `url`. The result is a link only
 * when its scheme is http or https (or it is relative); anything else (`javascript:`, `data:`)
 * renders as plain text. Links open in a new tab with `rel="noopener noreferrer"`.
 */
import { safeHref } from '../../../model/safe-href';

export type LinkPatternType = 'attributes' | 'resource' | 'events' | 'traces';

export interface LinkPattern {
  readonly type: LinkPatternType;
  /** Attribute key this pattern applies to; `undefined` for `traces`. */
  readonly key: string | undefined;
  readonly url: string;
  readonly text: string;
}

export interface ResolvedLink {
  readonly text: string;
  /** Safe href, or `null` when the pattern produced a scheme that must not be a link. */
  readonly href: string | null;
}

const TYPE_ALIASES: Record<string, LinkPatternType> = {
  attributes: 'attributes',
  tags: 'attributes',
  resource: 'resource',
  process: 'resource',
  events: 'events',
  logs: 'events',
  traces: 'traces',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates configuration (JSON from the operator); entries that do not fit are dropped. */
export function compileLinkPatterns(config: unknown): LinkPattern[] {
  if (!Array.isArray(config)) return [];
  const out: LinkPattern[] = [];
  for (const entry of config) {
    if (!isRecord(entry)) continue;
    const type = typeof entry.type === 'string' ? TYPE_ALIASES[entry.type] : undefined;
    const { key, url, text } = entry;
    if (!type || typeof url !== 'string' || typeof text !== 'string') continue;
    if (type !== 'traces' && typeof key !== 'string') continue;
    out.push({ type, key: typeof key === 'string' ? key : undefined, url, text });
  }
  return out;
}

const PARAM = /#\{([^}]*)\}/g;

/** Fills a template; `null` when a parameter has no value. */
export function fillTemplate(
  template: string,
  lookup: (name: string) => string | undefined,
  encode: boolean,
): string | null {
  let missing = false;
  const filled = template.replace(PARAM, (_match, name: string) => {
    const value = lookup(name.trim());
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encode ? encodeURIComponent(value) : value;
  });
  return missing ? null : filled;
}

export interface LinkContext {
  /** Values of the span (attributes, then resource), first occurrence of a key wins. */
  readonly values: ReadonlyMap<string, string>;
  readonly traceId: string;
  /** µs since the epoch. */
  readonly traceStart: number;
  readonly traceDuration: number;
}

export function buildLinkValues(
  ...lists: readonly (readonly { readonly key: string; readonly value: string }[])[]
): Map<string, string> {
  const values = new Map<string, string>();
  for (const list of lists)
    for (const { key, value } of list) if (!values.has(key)) values.set(key, value);
  return values;
}

/** Links for one key of one kind of list (or the trace itself when `type` is `traces`). */
export function resolveLinks(
  patterns: readonly LinkPattern[],
  type: LinkPatternType,
  key: string | undefined,
  context: LinkContext,
  ownValue?: string,
): ResolvedLink[] {
  const lookup = (name: string): string | undefined => {
    if (name === key && ownValue !== undefined) return ownValue;
    switch (name) {
      case 'trace.traceID':
        return context.traceId;
      case 'trace.startTime':
        return String(context.traceStart);
      case 'trace.endTime':
        return String(context.traceStart + context.traceDuration);
      case 'trace.duration':
        return String(context.traceDuration);
      default:
        return context.values.get(name);
    }
  };
  const out: ResolvedLink[] = [];
  for (const pattern of patterns) {
    if (pattern.type !== type || (type !== 'traces' && pattern.key !== key)) continue;
    const url = fillTemplate(pattern.url, lookup, true);
    const text = fillTemplate(pattern.text, lookup, false);
    if (url === null || text === null) continue;
    out.push({ text, href: safeHref(url) });
  }
  return out;
}
