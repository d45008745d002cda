/**
 * How each API version wants times and durations in a query string. v1 takes µs since the epoch
 * and Go duration strings; v3 takes RFC 3339 with nanoseconds and the same Go duration strings
 * (Jaeger parses both with time.ParseDuration / time.Parse(time.RFC3339Nano)).
 */
import type { Micros } from '../model/units';

const NS_PER = { s: 1_000_000_000, ms: 1_000_000, us: 1_000 } as const;

/** Integer part and fraction (trailing zeros dropped) of `ns / unit`, without float noise. */
function decimal(ns: number, unit: number, digits: number): string {
  const whole = Math.floor(ns / unit);
  const rest = ns - whole * unit;
  const fraction = String(rest).padStart(digits, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** µs → Go duration in the largest unit that reads naturally: "1.5s", "100ms", "250us", "500ns". */
export function goDuration(value: Micros): string {
  const ns = Math.max(0, Math.round(value * 1000));
  if (ns >= NS_PER.s) return `${decimal(ns, NS_PER.s, 9)}s`;
  if (ns >= NS_PER.ms) return `${decimal(ns, NS_PER.ms, 6)}ms`;
  if (ns >= NS_PER.us) return `${decimal(ns, NS_PER.us, 3)}us`;
  return `${ns}ns`;
}

/**
 * µs since the epoch → RFC 3339 in UTC with as many fractional digits as needed (Go's
 * RFC3339Nano layout also trims trailing zeros), e.g. "2023-11-14T22:13:20.123456Z".
 */
export function rfc3339Nano(value: Micros): string {
  const wholeMicros = Math.floor(value);
  const nanos = Math.round((value - wholeMicros) * 1000);
  const seconds = Math.floor(wholeMicros / 1_000_000);
  const microsOfSecond = wholeMicros - seconds * 1_000_000;
  const iso = new Date(seconds * 1000).toISOString();
  // toISOString always ends in ".mmmZ"; replace milliseconds with the exact fraction.
  const head = iso.slice(0, iso.indexOf('.'));
  const fraction = (
    String(microsOfSecond).padStart(6, '0') + String(nanos).padStart(3, '0')
  ).replace(/0+$/, '');
  return fraction === '' ? `${head}Z` : `${head}.${fraction}Z`;
}

/** v1 wants integral µs. */
export const microsParam = (value: Micros): string => String(Math.round(value));

/** Attribute filters as the JSON map both versions accept (`tags=` in v1, `query.attributes=` in v3). */
export function attributesParam(
  attributes: Readonly<Record<string, string>> | undefined,
): string | undefined {
  if (!attributes) return undefined;
  const keys = Object.keys(attributes);
  if (keys.length === 0) return undefined;
  // Sorted so the same filter always yields the same URL (HTTP caches, test assertions).
  // Entries, not `sorted[key] =`, which would drop a tag named `__proto__`.
  return JSON.stringify(Object.fromEntries(keys.sort().map((key) => [key, attributes[key] ?? ''])));
}
