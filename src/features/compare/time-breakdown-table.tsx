import { useMemo, useState } from 'react';
import type { DiffCore } from '../../model/diff/trace-diff';
import { formatCount } from '../../ui/format-count';
import { formatDuration } from '../../ui/format-duration';
import { serviceColor } from '../../ui/service-colors';
import type { NameFocus } from './diff-row-model';
import { timeBreakdown, type BreakdownRow } from './time-breakdown';

const SHOWN = 8;

const signed = (value: number, format: (v: number) => string) =>
  value === 0 ? '0' : `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;

const sameFocus = (x: NameFocus | null, y: NameFocus): boolean =>
  x !== null &&
  x.kind === y.kind &&
  (x.kind === 'name'
    ? x.name === (y.kind === 'name' ? y.name : -1)
    : x.service === (y.kind === 'service' ? y.service : -1));

/**
 * "Where the time went": B minus A per operation or per service, biggest change in self time
 * first. Choosing a line filters the span table to it (and its ancestors).
 */
export function TimeBreakdownTable({
  diff,
  labelA,
  labelB,
  focus,
  onFocus,
}: {
  readonly diff: DiffCore;
  readonly labelA: string;
  readonly labelB: string;
  readonly focus: NameFocus | null;
  readonly onFocus: (focus: NameFocus | null) => void;
}) {
  const [by, setBy] = useState<'operation' | 'service'>('operation');
  const [all, setAll] = useState(false);
  const rows = useMemo(() => timeBreakdown(diff, by), [diff, by]);
  const shown = all ? rows : rows.slice(0, SHOWN);
  const cell = (row: BreakdownRow) => (
    <>
      <td className="num">{signed(row.self, formatDuration)}</td>
      <td className="num">{signed(row.total, formatDuration)}</td>
      <td className="num">{signed(row.calls, formatCount)}</td>
      <td className="num">{signed(row.errors, formatCount)}</td>
    </>
  );
  return (
    <section className="time-breakdown" aria-labelledby="time-breakdown-title">
      <div className="time-breakdown-head">
        <h2 id="time-breakdown-title">Where the time went</h2>
        <span className="time-breakdown-note">
          {labelB} minus {labelA}, biggest change in self time first
        </span>
        <label>
          By{' '}
          <select
            value={by}
            onChange={(event) => setBy(event.target.value === 'service' ? 'service' : 'operation')}
          >
            <option value="operation">operation</option>
            <option value="service">service</option>
          </select>
        </label>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{by === 'service' ? 'Service' : 'Operation'}</th>
            <th scope="col">Δ self time</th>
            <th scope="col">Δ total time</th>
            <th scope="col">Δ calls</th>
            <th scope="col">Δ errors</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const pressed = sameFocus(focus, row.focus);
            const label = row.operation ? `${row.service} ${row.operation}` : row.service;
            return (
              <tr
                key={label}
                className={`${row.self > 0 ? 'slower' : row.self < 0 ? 'faster' : ''}${pressed ? ' focused' : ''}`}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={pressed}
                    title={pressed ? 'Show all spans' : 'Show only these spans in the table'}
                    onClick={() => onFocus(pressed ? null : row.focus)}
                  >
                    <span
                      className="diff-swatch"
                      style={{ background: serviceColor(row.service) }}
                    />
                    <span className="diff-service">{row.service}</span>{' '}
                    {row.operation && <span className="diff-operation">{row.operation}</span>}
                  </button>
                </th>
                {cell(row)}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${formatCount(rows.length)}`}
        </button>
      )}
    </section>
  );
}
