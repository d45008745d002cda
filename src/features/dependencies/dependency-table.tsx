import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatCount } from '../../ui/format-count';
import type { ServiceGraph } from './service-graph';

/**
 * Rendering thousands of rows at once would be a long task; the busiest come first. 200 router
 * links took 40-100 ms to mount while the big graph loaded; 50 rows fill the first screen.
 */
const FIRST_ROWS = 50;

interface Row {
  readonly from: string;
  readonly to: string;
  readonly calls: number;
  readonly key: number;
}

function rowsOf(graph: ServiceGraph['graph'], focused: string | undefined): Row[] {
  const rows: Row[] = [];
  for (let e = 0; e < graph.source.length; e++) {
    const from = graph.ids[graph.source[e] ?? 0] ?? '';
    const to = graph.ids[graph.target[e] ?? 0] ?? '';
    if (!focused || from === focused || to === focused)
      rows.push({ from, to, calls: graph.weight[e] ?? 0, key: e });
  }
  return rows.sort((a, b) => b.calls - a.calls);
}

/**
 * The graph as a table: the accessible path, and the quickest way to read exact call counts.
 * Rendered a step after the graph (a deferred, interruptible render) and laid out only when
 * scrolled near (content-visibility in dependencies.css): mounted in the same task as the graph,
 * its rows were most of a 175 ms task while the 1,200-service graph loaded.
 */
export function DependencyTable({
  service,
  focused,
}: {
  readonly service: ServiceGraph;
  readonly focused: string | undefined;
}) {
  const deferred = useDeferredValue<ServiceGraph | undefined>(service, undefined);
  const [all, setAll] = useState(false);
  const rows = useMemo(
    () => (deferred ? rowsOf(deferred.graph, focused) : []),
    [deferred, focused],
  );
  if (!deferred) return null;
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="dependency-table-area">
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
    </div>
  );
}
