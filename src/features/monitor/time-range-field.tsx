/** The time range: Jaeger UI's presets, or a custom start and end (local time). */
import { useState } from 'react';
import { CUSTOM, MONITOR_PRESETS } from './monitor-params';

interface Props {
  readonly lookback: string;
  /** µs, with 'custom'. */
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly onPreset: (value: string) => void;
  readonly onCustom: (startMicros: number, endMicros: number) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DDTHH:MM` is local time for Date; anything else is rejected. */
function fromLocalInput(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function TimeRangeField({ lookback, start, end, onPreset, onCustom }: Props) {
  const [editing, setEditing] = useState(lookback === CUSTOM);
  const [from, setFrom] = useState(() =>
    toLocalInput(start ? start / 1000 : Date.now() - 3_600_000),
  );
  const [to, setTo] = useState(() => toLocalInput(end ? end / 1000 : Date.now()));
  const startMs = fromLocalInput(from);
  const endMs = fromLocalInput(to);
  const problem =
    startMs === null || endMs === null
      ? 'Enter a start and an end'
      : endMs <= startMs
        ? 'The end must be after the start'
        : '';
  return (
    <div className="monitor-range">
      <label>
        Time range{' '}
        <select
          value={editing ? CUSTOM : lookback}
          onChange={(event) => {
            if (event.target.value === CUSTOM) setEditing(true);
            else {
              setEditing(false);
              onPreset(event.target.value);
            }
          }}
        >
          {MONITOR_PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          <option value={CUSTOM}>Custom range…</option>
        </select>
      </label>
      {editing && (
        <form
          className="monitor-custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (startMs !== null && endMs !== null && problem === '')
              onCustom(startMs * 1000, endMs * 1000);
          }}
        >
          <label>
            From{' '}
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" disabled={problem !== ''}>
            Apply
          </button>
          {problem && <span className="monitor-field-error">{problem}</span>}
        </form>
      )}
    </div>
  );
}
