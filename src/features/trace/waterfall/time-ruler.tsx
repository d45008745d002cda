import { formatDuration } from '../../../ui/format-duration';
import type { Tick } from './time-ticks';

/** Tick labels over the timeline column; positions are fractions of the visible window. */
export function TimeRuler({ ticks }: { ticks: readonly Tick[] }) {
  return (
    <div className="wf-ruler" aria-hidden="true">
      {ticks.map((tick) => (
        <span
          key={tick.time}
          className="wf-tick"
          style={
            tick.fraction > 0.9
              ? { right: `${(1 - tick.fraction) * 100}%` }
              : { left: `${tick.fraction * 100}%` }
          }
        >
          {formatDuration(tick.time)}
        </span>
      ))}
    </div>
  );
}
