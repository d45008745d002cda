import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { DependencyLink } from '../../api/types';
import { generateTopology } from '../../model/graph/generated-topology';
import { seededRandom } from '../../model/graph/test-random';
import { FIXTURE_ROOT } from '../../model/test-support/fixture-index';
import { buildServiceGraph } from './service-graph';

const fixture = `${FIXTURE_ROOT}/jaeger-ui/small.json`;

const edgesOf = ({ graph }: ReturnType<typeof buildServiceGraph>) =>
  Array.from(graph.source, (s, e) => `${graph.ids[s]}>${graph.ids[graph.target[e] ?? 0]}`);

describe('buildServiceGraph', () => {
  it('builds one node per service of the real sample (7 links, 8 services)', () => {
    const links = JSON.parse(readFileSync(fixture, 'utf8')) as DependencyLink[];
    const { graph } = buildServiceGraph(links);
    expect(graph.nodeCount).toBe(8);
    expect(graph.source).toHaveLength(7);
  });

  it('sums duplicate links and keeps self-calls as edges', () => {
    const { graph } = buildServiceGraph([
      { parent: 'a', child: 'b', callCount: 2 },
      { parent: 'a', child: 'b', callCount: 3 },
      { parent: 'b', child: 'b', callCount: 1 },
    ]);
    expect(graph.ids).toEqual(['a', 'b']);
    expect([...graph.weight]).toEqual([5, 1]);
    expect(graph.source).toHaveLength(2);
  });

  it('keeps every link of the generated 1,200-service topology', () => {
    const links = generateTopology(1200, seededRandom(7));
    const built = buildServiceGraph(links);
    expect(built.graph.nodeCount).toBe(1200);
    expect(new Set(edgesOf(built))).toEqual(new Set(links.map((l) => `${l.parent}>${l.child}`)));
  });

  it('draws every distinct edge of any input exactly once (property)', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', '<b>x</b>', 'ß');
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: name, child: name, callCount: fc.nat(1000) }), {
          maxLength: 60,
        }),
        (links) => {
          const drawn = edgesOf(buildServiceGraph(links));
          expect(drawn).toHaveLength(new Set(drawn).size);
          expect(new Set(drawn)).toEqual(new Set(links.map((l) => `${l.parent}>${l.child}`)));
        },
      ),
    );
  });
});
