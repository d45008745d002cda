/**
 * Human duration text shared by search rows, the scatter plot and the trace page. Input is µs
 * (Jaeger's unit); output keeps at most two decimals and switches unit before a value would read
 * "1000ms", so columns of durations stay short and comparable.
 */
import type { Micros } from '../model/units';

const trim = (value: number): string => String(Number(value.toFixed(2)));

export function formatDuration(micros: Micros | number): string {
  if (!Number.isFinite(micros)) return '—';
  if (micros < 0) return `-${formatDuration(-micros)}`;
  // Decide the unit on the rounded value: 999.999µs must read "1ms", not "1000µs".
  if (Number(micros.toFixed(2)) < 1000) return `${trim(micros)}µs`;
  const ms = micros / 1000;
  if (Number(ms.toFixed(2)) < 1000) return `${trim(ms)}ms`;
  const s = ms / 1000;
  if (Number(s.toFixed(2)) < 60) return `${trim(s)}s`;
  const totalSeconds = Math.round(s);
  if (totalSeconds < 3600) {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return seconds === 0 ? `${minutes}m` : `${minutes}m ${seconds}s`;
  }
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 24 * 60) {
    const hours = Math.floor(totalMinutes / 60);
    const minutes = totalMinutes % 60;
    return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
  }
  const totalHours = Math.round(totalMinutes / 60);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours === 0 ? `${days}d` : `${days}d ${hours}h`;
}
