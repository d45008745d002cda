/**
 * Tiny hand-written type guards for validating JSON at the API boundary. Deliberately lenient about
 * what the UI does not read (extra fields, missing optional ones) and strict about what it does:
 * a wrong type there becomes an ApiError of kind 'parse' instead of a crash three layers up.
 */
export type Guard<T> = (value: unknown) => value is T;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function isArrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value: unknown): value is T[] =>
    Array.isArray(value) && value.every((item) => guard(item));
}

/** The field is absent, null, or passes `guard` (Go encoders write `null` for nil slices). */
export function optional<T>(
  record: Record<string, unknown>,
  key: string,
  guard: Guard<T>,
): boolean {
  const value = record[key];
  return value === undefined || value === null || guard(value);
}

/** proto3 JSON writes 64-bit integers as decimal strings; older encoders as numbers. */
export const isIntLike = (value: unknown): value is string | number =>
  isNumber(value) || (typeof value === 'string' && /^-?\d+$/.test(value));
