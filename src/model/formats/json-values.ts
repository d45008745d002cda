/**
 * Defensive readers for parsed JSON. Trace data is hostile: any field may be missing, of the wrong
 * type, or huge. These never throw; a wrong type reads as "absent".
 */
export type JsonRecord = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): JsonRecord => (isRecord(value) ? value : {});

export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Strings as they are; numbers and booleans as their text; anything else ''. */
export function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return '';
}

/** Numbers, or decimal strings of numbers (int64 values are often sent as strings); else NaN. */
export function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** The first of `keys` present on `record` (formats disagree on id capitalization). */
export function pick(record: JsonRecord, ...keys: string[]): unknown {
  for (const key of keys) if (record[key] !== undefined) return record[key];
  return undefined;
}

/** JSON text of a value for display; never throws (cycles cannot come from JSON.parse). */
export function toDisplayJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
