import { generateTopology } from '../model/graph/generated-topology';
import { indexGraph } from '../model/graph/indexed-graph';
import { seededRandom } from '../model/graph/test-random';
import type { GraphLayoutResponse } from './graph-layout-messages';
import { runLayout } from './graph-layout-run';

const graphOf = (services: number) => {
  const links = generateTopology(services, seededRandom(3));
  return indexGraph(
    [],
    links.map((link) => ({ from: link.parent, to: link.child, weight: link.callCount })),
  );
};

const request = (graph: ReturnType<typeof graphOf>, layeredMaxNodes = 100) => ({
  type: 'layout' as const,
  id: 7,
  graph,
  direction: 'LR' as const,
  layeredMaxNodes,
});

const positionsOf = (replies: GraphLayoutResponse[]) =>
  replies.filter((reply) => reply.type === 'positions');

describe('runLayout', () => {
  it('uses dagre for a small graph: one final frame with a route per edge', async () => {
    const replies: GraphLayoutResponse[] = [];
    await runLayout(
      request(graphOf(30)),
      (reply) => replies.push(reply),
      () => true,
      () => Promise.resolve(),
    );
    const frames = positionsOf(replies);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ engine: 'layered', done: true, id: 7 });
  });

  it('streams force frames for a graph past the configured maximum, the last one done', async () => {
    const replies: GraphLayoutResponse[] = [];
    let clock = 0;
    // Each reading of the clock advances it 5 ms, so slices end and frames stream.
    const now = () => (clock += 5);
    await runLayout(
      request(graphOf(300)),
      (reply) => replies.push(reply),
      () => true,
      () => Promise.resolve(),
      now,
    );
    const frames = positionsOf(replies);
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.every((frame) => frame.engine === 'force')).toBe(true);
    expect(frames.at(-1)?.done).toBe(true);
    expect(frames.slice(0, -1).every((frame) => !frame.done)).toBe(true);
    expect(frames.at(-1)?.x).toHaveLength(300);
  });

  it('stops without a final frame once superseded', async () => {
    const replies: GraphLayoutResponse[] = [];
    let slices = 0;
    let clock = 0;
    await runLayout(
      request(graphOf(300)),
      (reply) => replies.push(reply),
      () => slices < 2,
      () => {
        slices++;
        return Promise.resolve();
      },
      () => (clock += 5),
    );
    expect(slices).toBe(2);
    expect(positionsOf(replies).some((frame) => frame.done)).toBe(false);
  });
});
