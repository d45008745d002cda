/** How the Monitor page writes times and metric values (no Intl: see ui/format-count.ts). */
import { formatDuration } from '../../ui/format-duration';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local `HH:MM`, with `MM-DD` in front when the window spans days. */
export function formatClock(ms: number, withDate: boolean): string {
  const d = new Date(ms);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return withDate ? `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}` : time;
}

/** Latencies arrive in ms. */
export const formatLatency = (ms: number): string => formatDuration(ms * 1000);

/** Error ratios arrive as fractions (0–1). */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  if (percent === 0) return '0%';
  return `${percent < 10 ? percent.toFixed(2) : percent.toFixed(1)}%`;
}

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return '0 req/s';
  const digits = perSecond < 0.1 ? 3 : perSecond < 10 ? 2 : 1;
  return `${perSecond.toFixed(digits)} req/s`;
}

export const orDash = (value: number | null | undefined, format: (v: number) => string) =>
  value === null || value === undefined ? '—' : format(value);
