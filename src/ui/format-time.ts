/**
 * The one absolute time format of every page (search results, plot, trace header, span details):
 * `2026-12-03 14:13:05`, in the browser's time zone, with `.123456` (µs) where spans need it.
 * µs since the epoch are exact in a float64 until 2255; `Date` only keeps ms, so the sub-ms part
 * is appended from the µs value itself. No Intl: its first use loads ICU data (see format-count).
 */
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function formatTimestamp(
  epochMicros: number,
  precision: 'seconds' | 'micros' = 'micros',
): string {
  if (!Number.isFinite(epochMicros)) return '—';
  const ms = Math.floor(epochMicros / 1000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  const seconds =
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  if (precision === 'seconds') return seconds;
  const micros = Math.floor(epochMicros - ms * 1000);
  return `${seconds}.${pad(date.getMilliseconds(), 3)}${pad(micros, 3)}`;
}
