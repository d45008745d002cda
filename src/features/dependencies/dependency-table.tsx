import { useState } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../ui/format-count';
import type { ServiceGraph } from './service-graph';

/** Rendering thousands of rows at once would be a long task; the busiest come first. */
const FIRST_ROWS = 200;

/** The graph as a table: the accessible path, and the quickest way to read exact call counts. */
export function DependencyTable({
  service: { graph },
  focused,
}: {
  readonly service: ServiceGraph;
  readonly focused: string | undefined;
}) {
  const [all, setAll] = useState(false);
  const rows: { from: string; to: string; calls: number; key: number }[] = [];
  for (let e = 0; e < graph.source.length; e++) {
    const from = graph.ids[graph.source[e] ?? 0] ?? '';
    const to = graph.ids[graph.target[e] ?? 0] ?? '';
    if (!focused || from === focused || to === focused)
      rows.push({ from, to, calls: graph.weight[e] ?? 0, key: e });
  }
  rows.sort((a, b) => b.calls - a.calls);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      <table className="dependency-table">
        <caption>
          Calls between services{focused ? ` involving ${focused}` : ''}
          {shown.length < rows.length
            ? ` (busiest ${formatCount(shown.length)} of ${formatCount(rows.length)})`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Caller</th>
            <th scope="col">Callee</th>
            <th scope="col">Calls</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.key}>
              <td>
                <Link to={`/search?service=${encodeURIComponent(row.from)}`}>{row.from}</Link>
              </td>
              <td>
                <Link to={`/search?service=${encodeURIComponent(row.to)}`}>{row.to}</Link>
              </td>
              <td className="numeric">{formatCount(row.calls)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {formatCount(rows.length)} links
        </button>
      )}
    </>
  );
}
