/** Parsing what clients send: Go durations, RFC 3339 times, attribute maps. Lenient like Jaeger. */

const UNIT_US: Record<string, number> = {
  ns: 0.001,
  us: 1,
  µs: 1,
  μs: 1,
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
};

/** Go's time.ParseDuration subset ("1.5s", "250us", "1h30m") → µs; undefined when malformed. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(trimmed); match; match = pattern.exec(trimmed)) {
    total += Number(match[1]) * (UNIT_US[match[2] ?? ''] ?? Number.NaN);
    consumed = pattern.lastIndex;
  }
  return consumed === trimmed.length && consumed > 0 && Number.isFinite(total) ? total : undefined;
}

/** RFC 3339 with any number of fractional digits → µs; undefined when malformed. */
export function parseRfc3339(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const seconds = Date.parse(`${match[1] ?? ''}${match[3] ?? 'Z'}`);
  if (Number.isNaN(seconds)) return undefined;
  const fraction = ((match[2] ?? '') + '000000').slice(0, 6);
  return seconds * 1000 + Number(fraction);
}

/** A JSON map of strings, or undefined when absent; null when malformed. */
export function parseAttributeMap(text: string | null): Record<string, string> | undefined | null {
  if (text === null || text === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
  } catch {
    return null;
  }
}

/** v1's repeated `tag=key:value` form. */
export function parseTagParams(values: readonly string[]): Record<string, string> {
  const entries: [string, string][] = [];
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon > 0) entries.push([value.slice(0, colon), value.slice(colon + 1)]);
  }
  return Object.fromEntries(entries);
}
