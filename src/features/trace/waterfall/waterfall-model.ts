/**
 * What every row reads, built once per trace: the columns plus per-service colours. Rows look up
 * names by index (no object per span on the main thread).
 */
import type { TraceColumns } from '../../../model/trace';
import { serviceColor } from '../../../ui/service-colors';

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
    services: trace.services,
    operations: trace.operations,
    duration: trace.duration,
    serviceColors: trace.services.map(serviceColor),
    idPrefix,
  };
}

export const rowId = (model: WaterfallModel, index: number): string => `${model.idPrefix}-span-${index}`;

/**
 * Indentation in px. Chains 10,000 deep exist; past half the name column the indent stops
 * growing and the row shows its depth as a number instead.
 */
export function indentWidth(depth: number, nameColumnWidth: number): { width: number; capped: boolean } {
  const full = depth * INDENT_STEP;
  const cap = Math.floor((nameColumnWidth * 0.5) / INDENT_STEP) * INDENT_STEP;
  return full > cap ? { width: cap, capped: true } : { width: full, capped: false };
}
