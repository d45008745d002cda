import { nanosToMicros } from '../units';

/**
 * Time fields as the formats spell them: µs numbers (Jaeger v1, Zipkin), decimal nanosecond
 * strings or numbers (OTLP), RFC3339 text with nanoseconds and offsets and Go/protobuf duration
 * strings like "5000ns" or "0.000005s" (Jaeger's domain-model JSON). All return NaN when the value
 * is absent or unreadable, which the builder flags as BadTiming.
 */

const DIGITS = /^\d+$/;

/** OTLP `*UnixNano`: decimal string (int64 beyond 2^53 is common) or number. */
export function nanosFieldToMicros(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value / 1000 : Number.NaN;
  if (typeof value === 'string' && DIGITS.test(value)) return nanosToMicros(value);
  return Number.NaN;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:?\d{2})$/;

/** RFC3339 with any number of fraction digits (Date.parse stops at milliseconds) → epoch µs. */
export function rfc3339ToMicros(text: string): number {
  const m = RFC3339.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const seconds =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  }
  const fractionMicros = Number(`0.${fraction || '0'}`) * 1e6;
  return (seconds - offsetMinutes * 60) * 1e6 + fractionMicros;
}

const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
const UNIT_MICROS: Readonly<Record<string, number>> = {
  ns: 1e-3,
  us: 1,
  µs: 1,
  μs: 1,
  ms: 1e3,
  s: 1e6,
  m: 60e6,
  h: 3600e6,
};

/** Go duration text ("1h2m3.5s", "5000ns") or protobuf JSON duration ("0.000005s") → µs. */
export function durationTextToMicros(text: string): number {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-')) {
    sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '') return Number.NaN;
  DURATION_PART.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let m = DURATION_PART.exec(rest); m !== null; m = DURATION_PART.exec(rest)) {
    total += Number(m[1]) * (UNIT_MICROS[m[2] ?? ''] ?? Number.NaN);
    consumed = DURATION_PART.lastIndex;
  }
  return consumed === rest.length ? sign * total : Number.NaN;
}

/** Jaeger start/duration fields: µs number, numeric string, or text (RFC3339 / duration). */
export function jaegerTimeToMicros(value: unknown, kind: 'instant' | 'duration'): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  if (/^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  return kind === 'instant' ? rfc3339ToMicros(value) : durationTextToMicros(value);
}
