/**
 * Start times in result rows: absolute (the app's one format, ui/format-time) and relative
 * ("5 minutes ago").
 */
import type { Micros } from '../../model/units';
import { formatTimestamp } from '../../ui/format-time';

// Hostile input can carry absurd timestamps; Intl throws on an invalid Date, so check first.
const validDate = (value: Micros): Date | null => {
  const date = new Date(value / 1000);
  return Number.isFinite(date.getTime()) ? date : null;
};

export function formatAbsoluteTime(value: Micros): string {
  const date = validDate(value);
  return date ? formatTimestamp(value, 'seconds') : 'unknown time';
}

export const isoTime = (value: Micros): string | undefined => validDate(value)?.toISOString();

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** `value` relative to `now` (both µs), in the largest unit that keeps the number under its step. */
export function formatRelativeTime(value: Micros, now: Micros): string {
  if (!validDate(value)) return '';
  let amount = (value - now) / 1_000_000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return relative.format(Math.round(amount), 'year');
}
