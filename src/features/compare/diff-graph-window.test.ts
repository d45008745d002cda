import { traceOf, type TestRow } from '../../model/diff/diff-test-trace';
import { diffTraces } from '../../model/diff/trace-diff';
import { graphWindow } from './diff-graph-window';

const chain = (n: number): TestRow[] =>
  Array.from({ length: n }, (_, depth) => [depth, `svc:op${depth % 7}`, 10]);

describe('the window of a big diff graph that is drawn', () => {
  it('draws a small graph whole, parents before children', () => {
    const rows: TestRow[] = [
      [0, 'gw:GET', 9],
      [1, 'db:q', 1],
      [1, 'c:get', 1],
      [2, 'x:y', 1],
    ];
    const { graph } = diffTraces(traceOf(rows), traceOf(rows));
    const shown = graphWindow(graph, -1, -1, 2_000);
    expect(Array.from(shown.nodes)).toEqual([0, 1, 2, 3]);
    expect(Array.from(shown.drawnAt)).toEqual([0, 1, 2, 3]);
  });

  it('keeps to the budget: the levels nearest the focus, its ancestors and the selection', () => {
    // A root with 3,000 children: the top window is the root and its first children.
    const wide: TestRow[] = [
      [0, 'gw:GET', 9],
      ...Array.from({ length: 3_000 }, (_, k): TestRow => [1, `svc:op${k}`, 1]),
    ];
    const { graph } = diffTraces(traceOf(wide), traceOf(wide));
    const top = graphWindow(graph, -1, 2_900, 100);
    expect(top.nodes.length).toBe(100);
    expect(top.drawnAt[0]).toBe(0);
    expect(top.drawnAt[2_900]).toBeGreaterThan(0);
    expect(top.drawnAt[2_000]).toBe(-1);

    // Deep down a 10,000-deep chain: 100 ancestors for context, then the chain below.
    const deep = diffTraces(traceOf(chain(10_000)), traceOf(chain(10_000))).graph;
    const around = graphWindow(deep, 5_000, 5_001, 300);
    expect(around.nodes.length).toBe(300);
    expect(around.nodes[0]).toBe(4_900);
    expect(around.drawnAt[5_001]).toBeGreaterThan(0);
    for (let i = 1; i < around.nodes.length; i++)
      expect(around.nodes[i]).toBeGreaterThan(around.nodes[i - 1] ?? 0);
  });
});
