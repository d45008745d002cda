/**
 * Lookback presets (Jaeger UI's values, so its links keep working) and helpers for the custom
 * absolute range, which the form shows in local time or UTC.
 */
import { micros, type Micros } from '../../model/units';

const MINUTE = 60_000_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface LookbackPreset {
  readonly value: string;
  readonly label: string;
  readonly micros: Micros;
}

export const LOOKBACK_PRESETS: readonly LookbackPreset[] = [
  { value: '5m', label: 'Last 5 minutes', micros: micros(5 * MINUTE) },
  { value: '15m', label: 'Last 15 minutes', micros: micros(15 * MINUTE) },
  { value: '30m', label: 'Last 30 minutes', micros: micros(30 * MINUTE) },
  { value: '1h', label: 'Last hour', micros: micros(HOUR) },
  { value: '2h', label: 'Last 2 hours', micros: micros(2 * HOUR) },
  { value: '3h', label: 'Last 3 hours', micros: micros(3 * HOUR) },
  { value: '6h', label: 'Last 6 hours', micros: micros(6 * HOUR) },
  { value: '12h', label: 'Last 12 hours', micros: micros(12 * HOUR) },
  { value: '24h', label: 'Last 24 hours', micros: micros(DAY) },
  { value: '2d', label: 'Last 2 days', micros: micros(2 * DAY) },
  { value: '3d', label: 'Last 3 days', micros: micros(3 * DAY) },
  { value: '5d', label: 'Last 5 days', micros: micros(5 * DAY) },
  { value: '7d', label: 'Last 7 days', micros: micros(7 * DAY) },
  { value: '2w', label: 'Last 2 weeks', micros: micros(14 * DAY) },
];

/** Jaeger UI's default `search.maxLookback`. */
export const DEFAULT_MAX_LOOKBACK: Micros = micros(2 * DAY);

export const lookbackMicros = (value: string): Micros | undefined =>
  LOOKBACK_PRESETS.find((preset) => preset.value === value)?.micros;

export const presetsUpTo = (max: Micros): LookbackPreset[] =>
  LOOKBACK_PRESETS.filter((preset) => preset.micros <= max);

export const nowMicros = (): Micros => micros(Date.now() * 1000);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** µs since the epoch → `YYYY-MM-DDTHH:MM:SS` for `<input type="datetime-local">`. */
export function toDateTimeInput(value: Micros, utc: boolean): string {
  const d = new Date(Math.floor(value / 1000));
  const parts = utc
    ? [
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
      ]
    : [
        d.getFullYear(),
        d.getMonth() + 1,
        d.getDate(),
        d.getHours(),
        d.getMinutes(),
        d.getSeconds(),
      ];
  const [y = 0, mo = 1, day = 1, h = 0, mi = 0, s = 0] = parts;
  return `${pad(y, 4)}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** Inverse of {@link toDateTimeInput}; null for an empty or malformed value. */
export function fromDateTimeInput(text: string, utc: boolean): Micros | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = utc ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isFinite(ms) ? micros(ms * 1000) : null;
}
