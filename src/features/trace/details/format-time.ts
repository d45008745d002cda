import { formatDuration } from '../../../ui/format-duration';

/**
 * Absolute timestamps for the header and the span panel. µs since the epoch are exact in a float64
 * until 2255; `Date` only keeps ms, so the sub-ms part is appended from the µs value itself.
 */
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function formatTimestamp(epochMicros: number): string {
  if (!Number.isFinite(epochMicros)) return '—';
  const ms = Math.floor(epochMicros / 1000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  const micros = Math.floor(epochMicros - ms * 1000);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}${pad(micros, 3)}`
  );
}

/** "+1.23ms" relative to the trace start. */
export function formatOffset(micros: number): string {
  return micros < 0 ? formatDuration(micros) : `+${formatDuration(micros)}`;
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%`;
}
