/**
 * The worker's trace analyses (clock skew, critical path, repeated siblings), one per handle.
 *
 * Computed on the first `analyze` request, which the page sends after `loaded` arrived, so the
 * first rows never wait for it. The run gives way to the event loop between phases and, inside a
 * long critical path whenever a slice (run-sliced.ts) is used up, so a span-detail or find
 * request queued meanwhile waits at most about that long instead of for a whole phase.
 * The result is cached (a second view of the same trace, a remount) and each reply transfers a
 * fresh copy, because a transferred buffer is detached on the sending side.
 */
import {
  analysisSteps,
  unpackSiblingGroups,
  type TraceAnalysisData,
} from '../model/analysis/trace-analysis';
import { defaultViewRows, type RowSet } from '../model/row-filter';
import type { TraceColumns } from '../model/trace';
import { Abandoned, runSliced } from './run-sliced';

/** The waterfall's rows of the default view (row-filter.ts `defaultViewRows`), as sent. */
export type DefaultViewRows = Pick<RowSet, 'rows' | 'kinds' | 'ends'>;

export class TraceAnalyses {
  private readonly byHandle = new Map<number, Promise<TraceAnalysisData>>();
  private readonly viewRowsByHandle = new Map<number, DefaultViewRows>();

  /**
   * The default view's rows of an analysed trace, computed once from its sibling runs; null
   * without runs (nothing folds: the rows the page has from the load are those already).
   */
  defaultViewRows(
    handle: number,
    columns: TraceColumns,
    data: TraceAnalysisData,
  ): DefaultViewRows | null {
    if (data.siblings.count === 0) return null;
    const cached = this.viewRowsByHandle.get(handle);
    if (cached) return cached;
    const { rows, kinds, ends } = defaultViewRows(columns, unpackSiblingGroups(data.siblings));
    const computed = { rows, kinds, ends };
    this.viewRowsByHandle.set(handle, computed);
    return computed;
  }

  /**
   * The analysis of `handle`, computed once. `isLoaded` is checked between phases: a trace
   * released mid-way stops there (and rejects with `released()`), leaving nothing cached.
   */
  get(
    handle: number,
    columns: TraceColumns,
    serviceCount: number,
    isLoaded: () => boolean,
    released: () => Error,
  ): Promise<TraceAnalysisData> {
    const cached = this.byHandle.get(handle);
    if (cached) return cached;
    const run = async (): Promise<TraceAnalysisData> => {
      try {
        return await runSliced(
          analysisSteps(columns, serviceCount),
          isLoaded,
          (value) => value === 'phase',
        );
      } catch (error) {
        throw error instanceof Abandoned ? released() : error;
      }
    };
    const pending = run();
    this.byHandle.set(handle, pending);
    pending.catch(() => {
      if (this.byHandle.get(handle) === pending) this.byHandle.delete(handle);
    });
    return pending;
  }

  delete(handle: number): void {
    this.byHandle.delete(handle);
    this.viewRowsByHandle.delete(handle);
  }

  get size(): number {
    return this.byHandle.size;
  }
}

/** A copy of every array in `data` and in `viewRows`, and the buffers to transfer. */
export function copyForTransfer(
  data: TraceAnalysisData,
  viewRows: DefaultViewRows | null,
): {
  analysis: TraceAnalysisData;
  viewRows: DefaultViewRows | null;
  transfer: ArrayBuffer[];
} {
  const { skew, criticalPath, siblings } = data;
  const analysis: TraceAnalysisData = {
    skew: {
      adjustedStart: skew.adjustedStart.slice(),
      adjusted: skew.adjusted.slice(),
      deltas: skew.deltas.slice(),
      shiftedCount: skew.shiftedCount,
      adjustedFirst: skew.adjustedFirst,
      adjustedLast: skew.adjustedLast,
    },
    criticalPath: {
      segments: criticalPath.segments.slice(),
      perSpan: criticalPath.perSpan.slice(),
      perService: criticalPath.perService.slice(),
      total: criticalPath.total,
    },
    siblings: { count: siblings.count, ints: siblings.ints.slice(), times: siblings.times.slice() },
  };
  const rows = viewRows && {
    rows: viewRows.rows.slice(),
    kinds: viewRows.kinds.slice(),
    ends: viewRows.ends.slice(),
  };
  const transfer = [
    ...(rows ? [rows.rows, rows.kinds, rows.ends] : []),
    analysis.skew.adjustedStart,
    analysis.skew.adjusted,
    analysis.skew.deltas,
    analysis.criticalPath.segments,
    analysis.criticalPath.perSpan,
    analysis.criticalPath.perService,
    analysis.siblings.ints,
    analysis.siblings.times,
  ].flatMap((array) => (array.buffer instanceof ArrayBuffer ? [array.buffer] : []));
  return { analysis, viewRows: rows, transfer };
}
