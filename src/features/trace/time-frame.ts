import type { ClockSkewResult } from '../../model/analysis/clock-skew';
import type { TraceColumns } from '../../model/trace';

/**
 * The time axis the trace page draws on, in one of two modes. Raw: spans as recorded, from the
 * earliest start over the trace's duration. Adjusted: clock-skew-adjusted starts, from the earliest
 * adjusted start to the latest adjusted end. Axis, ruler, bars, minimap and details all place
 * times through the same frame, so they agree in either mode.
 */
export interface TimeFrame {
  /** µs from the raw trace start where the axis begins. */
  readonly origin: number;
  /** µs the axis covers. */
  readonly duration: number;
  /** Adjusted start per span (µs from the raw trace start); null on the raw axis. */
  readonly starts: Float64Array | null;
}

export type TimeMode = 'adjusted' | 'raw';

export function timeFrame(
  rawDuration: number,
  skew: ClockSkewResult | null | undefined,
  mode: TimeMode,
): TimeFrame {
  if (mode === 'adjusted' && skew && skew.shiftedCount > 0)
    return {
      origin: skew.adjustedFirst,
      duration: Math.max(skew.adjustedLast - skew.adjustedFirst, 0),
      starts: skew.adjustedStart,
    };
  return { origin: 0, duration: rawDuration, starts: null };
}

/** Where span `index` starts on the frame's axis, µs from its origin. */
export function startOnFrame(frame: TimeFrame, columns: TraceColumns, index: number): number {
  const start = frame.starts ? frame.starts[index] : columns.start[index];
  return (start ?? 0) - frame.origin;
}
