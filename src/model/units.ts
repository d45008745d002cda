/**
 * Branded time units. Jaeger v1 speaks microseconds, OTLP and the v3 API nanoseconds, the
 * dependencies endpoint milliseconds; mixing them silently is the classic trace-UI bug, so every
 * conversion is named.
 */
export type Micros = number & { readonly __unit: 'µs' };
export type Nanos = bigint & { readonly __unit: 'ns' };
export type Millis = number & { readonly __unit: 'ms' };

export const micros = (value: number): Micros => value as Micros;
export const millis = (value: number): Millis => value as Millis;

/** Whole nanoseconds (as a decimal string or bigint) to µs; precision below 1 µs is kept as a fraction. */
export function nanosToMicros(value: bigint | string | number): Micros {
  if (typeof value === 'number') return micros(value / 1000);
  const big = typeof value === 'bigint' ? value : BigInt(value);
  // Split to keep precision: epoch nanoseconds (~1.7e18) exceed 2^53.
  const whole = big / 1000n;
  const rest = big % 1000n;
  return micros(Number(whole) + Number(rest) / 1000);
}

export const microsToMillis = (value: Micros): Millis => millis(value / 1000);
export const millisToMicros = (value: Millis): Micros => micros(value * 1000);
