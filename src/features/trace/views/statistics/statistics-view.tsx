import { useMemo, useState } from 'react';
import type { LoadedTrace } from '../../../../worker/messages';
import { formatDuration } from '../../../../ui/format-duration';
import { serviceColor } from '../../../../ui/service-colors';
import { SortHeader } from '../sort-header';
import { nextSort, pairTotalsOf, type SortState } from '../trace-aggregates';
import {
  sortStatistics,
  statisticsRows,
  TEXT_COLUMNS,
  type StatisticsColumn,
  type StatisticsGroup,
} from './statistics-rows';
import './statistics.css';
import { formatCount } from '../../../../ui/format-count';

/** More rows than anyone reads; a trace with 100k distinct operation names must not make 100k rows. */
const MAX_ROWS = 2000;

const COLUMNS: readonly {
  readonly column: StatisticsColumn;
  readonly label: string;
  readonly title?: string;
}[] = [
  { column: 'count', label: 'Count' },
  { column: 'total', label: 'Total' },
  { column: 'avg', label: 'Avg' },
  { column: 'min', label: 'Min' },
  { column: 'max', label: 'Max' },
  { column: 'self', label: 'Self time', title: 'Time not covered by child spans, summed' },
  { column: 'percent', label: '% of trace', title: 'Self time as a share of the trace duration' },
  { column: 'errors', label: 'Errors' },
];

/** Jaeger UI's "Trace Statistics", from one typed-array pass over the trace (cached per trace). */
export function StatisticsView({
  trace,
}: {
  trace: Pick<LoadedTrace, 'columns' | 'services' | 'operations' | 'duration'>;
}) {
  const [group, setGroup] = useState<StatisticsGroup>('operation');
  const [sort, setSort] = useState<SortState<StatisticsColumn>>({ key: 'total', descending: true });
  const totals = useMemo(() => pairTotalsOf(trace), [trace]);
  const rows = useMemo(
    () => statisticsRows(totals, trace.services, trace.operations, group),
    [totals, trace, group],
  );
  const sorted = useMemo(() => sortStatistics(rows, sort), [rows, sort]);
  const onSort = (column: StatisticsColumn) =>
    setSort((current) => nextSort(current, column, TEXT_COLUMNS));
  const percent = (self: number) =>
    trace.duration > 0 ? `${((100 * self) / trace.duration).toFixed(1)}%` : '—';
  const shown = sorted.slice(0, MAX_ROWS);

  return (
    <div className="statistics-view">
      <div className="trace-view-toolbar">
        <label>
          Group by
          <select
            value={group}
            onChange={(event) =>
              setGroup(event.target.value === 'service' ? 'service' : 'operation')
            }
          >
            <option value="operation">Service and operation</option>
            <option value="service">Service</option>
          </select>
        </label>
        <span className="trace-view-count">
          {formatCount(rows.length)} {group === 'service' ? 'services' : 'operations'} ·{' '}
          {formatCount(trace.columns.spanCount)} spans
          {rows.length > MAX_ROWS ? ` · first ${formatCount(MAX_ROWS)} shown` : ''}
        </span>
      </div>
      <div className="statistics-scroll">
        <table
          className="statistics-table"
          aria-label={`Statistics by ${group === 'service' ? 'service' : 'service and operation'}`}
        >
          <thead>
            <tr>
              <SortHeader cell="th" column="service" label="Service" sort={sort} onSort={onSort} />
              {group === 'operation' ? (
                <SortHeader
                  cell="th"
                  column="operation"
                  label="Operation"
                  sort={sort}
                  onSort={onSort}
                />
              ) : null}
              {COLUMNS.map(({ column, label, title }) => (
                <SortHeader
                  key={column}
                  cell="th"
                  numeric
                  column={column}
                  label={label}
                  sort={sort}
                  onSort={onSort}
                  {...(title ? { title } : {})}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={`${row.service}\u0000${row.operation}`}>
                <td>
                  <span
                    className="statistics-swatch"
                    style={{ background: serviceColor(row.service) }}
                    aria-hidden="true"
                  />
                  {row.service}
                </td>
                {group === 'operation' ? (
                  <td className="statistics-operation">{row.operation}</td>
                ) : null}
                <td className="numeric">{formatCount(row.count)}</td>
                <td className="numeric">{formatDuration(row.total)}</td>
                <td className="numeric">
                  {formatDuration(row.count > 0 ? row.total / row.count : 0)}
                </td>
                <td className="numeric">{formatDuration(row.min)}</td>
                <td className="numeric">{formatDuration(row.max)}</td>
                <td className="numeric">{formatDuration(row.selfTotal)}</td>
                <td className="numeric">{percent(row.selfTotal)}</td>
                <td className={row.errors > 0 ? 'numeric statistics-errors' : 'numeric'}>
                  {formatCount(row.errors)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
