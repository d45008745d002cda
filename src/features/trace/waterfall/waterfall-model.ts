/**
 * What every row reads, built once per trace: the columns plus per-service colours. Rows look up
 * names by index (no object per span on the main thread).
 */
import { SpanFlag, type TraceColumns } from '../../../model/trace';
import { serviceColor } from '../../../ui/service-colors';
import { visibleText } from '../../../model/visible-text';

export const ROW_HEIGHT = 24;
/** Indent per depth level; deep chains are capped by {@link indentWidth}. */
export const INDENT_STEP = 14;

export interface WaterfallTrace {
  readonly columns: TraceColumns;
  readonly services: readonly string[];
  readonly operations: readonly string[];
  /** µs. */
  readonly duration: number;
}

export interface WaterfallModel extends WaterfallTrace {
  readonly serviceColors: readonly string[];
  /** Prefix of row element ids (aria-activedescendant); unique per waterfall on the page. */
  readonly idPrefix: string;
}

export function createWaterfallModel(trace: WaterfallTrace, idPrefix: string): WaterfallModel {
  return {
    columns: trace.columns,
    // Names as drawn: invisible and direction-changing characters escaped (model/visible-text).
    services: trace.services.map(visibleText),
    operations: trace.operations.map(visibleText),
    duration: trace.duration,
    serviceColors: trace.services.map(serviceColor),
    idPrefix,
  };
}

export const rowId = (model: WaterfallModel, index: number): string =>
  `${model.idPrefix}-span-${index}`;

/**
 * Indentation in px. Chains 10,000 deep exist; past half the name column the indent stops
 * growing and the row shows its depth as a number instead.
 */
export function indentWidth(
  depth: number,
  nameColumnWidth: number,
): { width: number; capped: boolean } {
  const full = depth * INDENT_STEP;
  const cap = Math.floor((nameColumnWidth * 0.5) / INDENT_STEP) * INDENT_STEP;
  return full > cap ? { width: cap, capped: true } : { width: full, capped: false };
}

export interface BarGeometry {
  /** Fractions of the visible window, clipped to it. */
  readonly left: number;
  readonly width: number;
  /** Class suffix for the duration label: after the bar, before it, or inside it. */
  readonly labelPlace: '' | ' label-left' | ' label-inside';
}

/** Where a bar sits in the visible window `[viewStart, viewEnd]` (fractions of `total` µs). */
export function barGeometry(
  start: number,
  duration: number,
  viewStart: number,
  viewEnd: number,
  total: number,
): BarGeometry {
  const whole = total > 0 ? total : 1;
  const windowStart = viewStart * whole;
  const windowSpan = (viewEnd - viewStart) * whole;
  const left = (start - windowStart) / windowSpan;
  const right = left + duration / windowSpan;
  const clippedLeft = Math.min(Math.max(left, 0), 1);
  const clippedRight = Math.min(Math.max(right, 0), 1);
  // Label after the bar; before it when the bar ends near the right edge; inside when it spans both.
  const labelPlace =
    clippedRight <= 0.75 ? '' : clippedLeft >= 0.25 ? ' label-left' : ' label-inside';
  return { left: clippedLeft, width: Math.max(clippedRight - clippedLeft, 0), labelPlace };
}

/**
 * What a row says about its span's timing when the data is odd: missing or invalid times (drawn
 * at the parent's start), or a start before its parent's on the same clock (clock-skew
 * adjustment only moves children of another service; this one stays where it was recorded).
 */
export function timingNote(flags: number): string {
  if (flags & SpanFlag.BadTiming) return 'no valid time in the data';
  if (flags & SpanFlag.StartsBeforeParent) return 'starts before its parent';
  return '';
}
