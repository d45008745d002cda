/** A node's centre in layout coordinates (what dagre returns). */
export interface NodePoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const KEYS: Partial<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export const directionOfKey = (key: string): Direction | undefined => KEYS[key];

/**
 * How much sideways drift costs against distance ahead. Above 1, a node straight ahead but far
 * beats one close by but far off to the side, which is what "the next node to the right" means
 * in a left-to-right layered layout; 2 is the usual choice for spatial navigation.
 */
const DRIFT_WEIGHT = 2;

/**
 * The node nearest to `fromId` in a direction by layout position, or undefined when nothing lies
 * that way. Only nodes strictly ahead count, so repeated presses never bounce between two nodes.
 * O(nodes) per press: graphs are capped at a few hundred nodes.
 */
export function nearestNode(
  points: readonly NodePoint[],
  fromId: string,
  direction: Direction,
): string | undefined {
  const from = points.find((point) => point.id === fromId);
  if (!from) return points[0]?.id;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const point of points) {
    if (point.id === fromId) continue;
    const dx = point.x - from.x;
    const dy = point.y - from.y;
    const ahead =
      direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const drift = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    const score = ahead + DRIFT_WEIGHT * drift;
    if (score < bestScore) {
      bestScore = score;
      best = point.id;
    }
  }
  return best;
}
