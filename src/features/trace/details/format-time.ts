import { formatDuration } from '../../../ui/format-duration';

/** "+1.23ms" relative to the trace start. */
export function formatOffset(micros: number): string {
  return micros < 0 ? formatDuration(micros) : `+${formatDuration(micros)}`;
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%`;
}
