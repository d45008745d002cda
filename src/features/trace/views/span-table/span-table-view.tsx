import { useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { VIEW_PARAM } from '../view-kinds';
import { useTracePage, useTracePageStore } from '../../state/trace-page-store-context';
import { nextSort, type SortState } from '../trace-aggregates';
import {
  filterSpans,
  SPAN_TEXT_COLUMNS,
  type SpanColumn,
} from '../../../../model/analysis/span-sort';
import { useSpanOrder, type SpanOrderSource } from './use-span-order';
import { SpanTableGrid } from './span-table-grid';
import './span-table.css';
import { formatCount } from '../../../../ui/format-count';

/**
 * Every span as a sortable, filterable, virtualized table. Clicking a row (or Enter) opens the
 * span in the Timeline: selected in the page's store, its ancestors expanded, scrolled to.
 */
export function SpanTableView({ trace }: { trace: SpanOrderSource }) {
  const [sort, setSort] = useState<SortState<SpanColumn>>({ key: 'start', descending: false });
  const [text, setText] = useState('');
  // Typing stays responsive at 1M spans: the filter pass runs at a lower priority than the input.
  const filter = useDeferredValue(text);
  const shown = useSpanOrder(trace, sort);
  const rows = useMemo(
    () => (shown ? filterSpans(trace, shown.order, filter) : null),
    [trace, shown, filter],
  );
  const selected = useTracePage((s) => s.selected);
  const page = useTracePageStore();
  const onSort = (column: SpanColumn) =>
    setSort((current) => nextSort(current, column, SPAN_TEXT_COLUMNS));
  const [, setParams] = useSearchParams();
  const onSelect = (index: number) => {
    const store = page.getState();
    store.reveal(index);
    // Its history entry is the one that leaves the table (below); the span joins it.
    store.select(index, 'replace');
    setParams((params) => {
      params.delete(VIEW_PARAM);
      return params;
    });
  };

  return (
    <div className="span-table-view">
      <div className="trace-view-toolbar">
        <label>
          Filter
          <input
            type="search"
            value={text}
            placeholder="Service or operation"
            onChange={(event) => setText(event.target.value)}
            aria-describedby="span-table-count"
          />
        </label>
        <span id="span-table-count" className="trace-view-count" aria-live="polite">
          {rows === null || rows.length === trace.columns.spanCount
            ? `${formatCount(trace.columns.spanCount)} spans`
            : `${formatCount(rows.length)} of ${formatCount(trace.columns.spanCount)} spans`}
        </span>
      </div>
      {rows ? (
        <SpanTableGrid
          trace={trace}
          rows={rows}
          sort={shown?.sort ?? sort}
          onSort={onSort}
          selected={selected}
          onSelect={onSelect}
        />
      ) : (
        // The first order is on its way from the worker (tens of ms, more at 1M spans).
        <p className="trace-view-note" role="status">
          Sorting…
        </p>
      )}
    </div>
  );
}
