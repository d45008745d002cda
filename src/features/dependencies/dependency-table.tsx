import { Link } from 'react-router';
import { edgeKey, type ServiceGraph } from './service-graph';
import { formatCount } from '../../ui/format-count';

/** The graph as a table: the accessible path, and the quickest way to read exact call counts. */
export function DependencyTable({
  graph,
  focused,
}: {
  readonly graph: ServiceGraph;
  readonly focused: string | undefined;
}) {
  const rows = graph.edges
    .filter((edge) => !focused || edge.from === focused || edge.to === focused)
    .map((edge) => ({ ...edge, calls: graph.calls.get(edgeKey(edge.from, edge.to)) ?? 0 }))
    .sort((a, b) => b.calls - a.calls);
  return (
    <table className="dependency-table">
      <caption>Calls between services{focused ? ` involving ${focused}` : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Caller</th>
          <th scope="col">Callee</th>
          <th scope="col">Calls</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={edgeKey(row.from, row.to)}>
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
  );
}
