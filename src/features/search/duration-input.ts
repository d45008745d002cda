/**
 * Go-style duration text as Jaeger takes it in `minDuration`/`maxDuration`: `250us`, `100ms`,
 * `1.5s`, `2m`, `1h30m`. Results are µs (Jaeger's unit); `ns` input keeps its fraction.
 */
import { micros, type Micros } from '../../model/units';

export type DurationResult =
  { readonly ok: true; readonly micros: Micros } | { readonly ok: false; readonly error: string };

const UNIT_MICROS: Readonly<Record<string, number>> = {
  ns: 0.001,
  us: 1,
  µs: 1, // U+00B5 micro sign
  μs: 1, // U+03BC Greek mu, which some keyboards produce instead
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
};

const WHOLE = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

export function parseDuration(text: string): DurationResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a duration' };
  if (/^\d+(?:\.\d*)?$/.test(trimmed)) {
    return { ok: false, error: 'Add a unit: us, ms, s, m or h (e.g. 100ms)' };
  }
  if (!WHOLE.test(trimmed))
    return { ok: false, error: 'Not a duration; try 250us, 100ms, 1.5s, 2m or 1h30m' };
  let total = 0;
  for (const match of trimmed.matchAll(PART)) {
    const [, amount = '0', unit = 'us'] = match;
    total += Number(amount) * (UNIT_MICROS[unit] ?? 1);
  }
  return { ok: true, micros: micros(total) };
}

/** A validated min/max pair; empty fields mean "no bound". */
export interface DurationBounds {
  readonly min?: Micros;
  readonly max?: Micros;
  readonly minError?: string;
  readonly maxError?: string;
}

export function parseDurationBounds(minText: string, maxText: string): DurationBounds {
  const out: { min?: Micros; max?: Micros; minError?: string; maxError?: string } = {};
  if (minText.trim() !== '') {
    const min = parseDuration(minText);
    if (min.ok) out.min = min.micros;
    else out.minError = min.error;
  }
  if (maxText.trim() !== '') {
    const max = parseDuration(maxText);
    if (max.ok) out.max = max.micros;
    else out.maxError = max.error;
  }
  if (out.min !== undefined && out.max !== undefined && out.max < out.min) {
    out.maxError = 'Max duration must be at least the min duration';
  }
  return out;
}
