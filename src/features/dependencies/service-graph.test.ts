import { readFileSync } from 'node:fs';
import type { DependencyLink } from '../../api/types';
import { FIXTURE_ROOT } from '../../model/test-support/fixture-index';
import { buildServiceGraph, edgeKey } from './service-graph';

const fixture = `${FIXTURE_ROOT}/jaeger-ui/small.json`;

describe('buildServiceGraph', () => {
  it('builds one node per service of the real sample (7 links, 8 services)', () => {
    const links = JSON.parse(readFileSync(fixture, 'utf8')) as DependencyLink[];
    const graph = buildServiceGraph(links);
    expect(graph.nodes).toHaveLength(8);
    expect(graph.edges).toHaveLength(7);
  });

  it('sums duplicate links and keeps self-calls as edges', () => {
    const graph = buildServiceGraph([
      { parent: 'a', child: 'b', callCount: 2 },
      { parent: 'a', child: 'b', callCount: 3 },
      { parent: 'b', child: 'b', callCount: 1 },
    ]);
    expect(graph.calls.get(edgeKey('a', 'b'))).toBe(5);
    expect(graph.edges).toHaveLength(2);
    expect(graph.nodes.map((node) => node.id)).toEqual(['a', 'b']);
  });
});
