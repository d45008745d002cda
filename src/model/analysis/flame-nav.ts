import type { FlameTree } from './flame-tree';

/**
 * Keyboard neighbours of every frame of a {@link FlameTree}, so each arrow key is an O(1) lookup
 * instead of a scan over a tree that may hold 1M frames. Built once per tree in O(frames) with
 * typed arrays and no recursion (merged chains can be 10,000 deep).
 *
 * "Level" neighbours are the frames left and right at the same depth in drawing order, across
 * parents: that is what the eye sees as "next to it" in an icicle.
 */
export interface FlameNav {
  readonly firstChild: Int32Array;
  readonly levelPrev: Int32Array;
  readonly levelNext: Int32Array;
  /** The depth-0 frame above each frame (itself at depth 0; 0 for the virtual root). */
  readonly rootOf: Int32Array;
  /** Levels of descendants below each frame (0 for a leaf). */
  readonly height: Int32Array;
}

const NONE = -1;

export function buildFlameNav(tree: Pick<FlameTree, 'frameCount' | 'parent' | 'depth'>): FlameNav {
  const { frameCount, parent, depth } = tree;
  const firstChild = new Int32Array(frameCount).fill(NONE);
  const nextSibling = new Int32Array(frameCount).fill(NONE);
  const lastChild = new Int32Array(frameCount).fill(NONE);
  // Frames are numbered so siblings appear left to right (the layout places them in that order).
  for (let f = 1; f < frameCount; f++) {
    const p = parent[f] ?? 0;
    const last = lastChild[p] ?? NONE;
    if (last === NONE) firstChild[p] = f;
    else nextSibling[last] = f;
    lastChild[p] = f;
  }

  // Breadth-first order lists each depth left to right, so neighbours in it are level neighbours.
  const order = new Int32Array(frameCount);
  const rootOf = new Int32Array(frameCount);
  let tail = 1;
  order[0] = 0;
  for (let head = 0; head < tail; head++) {
    const f = order[head] ?? 0;
    for (let c = firstChild[f] ?? NONE; c !== NONE; c = nextSibling[c] ?? NONE) {
      order[tail++] = c;
      rootOf[c] = f === 0 ? c : (rootOf[f] ?? 0);
    }
  }
  const levelPrev = new Int32Array(frameCount).fill(NONE);
  const levelNext = new Int32Array(frameCount).fill(NONE);
  for (let i = 2; i < tail; i++) {
    const f = order[i] ?? 0;
    const before = order[i - 1] ?? 0;
    if (depth[before] === depth[f]) {
      levelPrev[f] = before;
      levelNext[before] = f;
    }
  }

  const height = new Int32Array(frameCount);
  // Children have larger numbers than their parent, so one backward pass settles every height.
  for (let f = frameCount - 1; f >= 1; f--) {
    const p = parent[f] ?? 0;
    const h = (height[f] ?? 0) + 1;
    if (h > (height[p] ?? 0)) height[p] = h;
  }
  return { firstChild, levelPrev, levelNext, rootOf, height };
}

export type FlameMove = 'parent' | 'child' | 'prev' | 'next' | 'root';

/**
 * The frame a move lands on, or `frame` itself when there is none. `x0..x1` is the zoomed window:
 * a level neighbour outside it is off screen, so the move stops at the window's edge instead.
 */
export function flameMove(
  tree: Pick<FlameTree, 'parent' | 'x' | 'width'>,
  nav: FlameNav,
  frame: number,
  move: FlameMove,
  x0 = -Infinity,
  x1 = Infinity,
): number {
  let target: number;
  switch (move) {
    case 'parent':
      target = tree.parent[frame] ?? 0;
      break;
    case 'child':
      target = nav.firstChild[frame] ?? NONE;
      break;
    case 'prev':
      target = nav.levelPrev[frame] ?? NONE;
      break;
    case 'next':
      target = nav.levelNext[frame] ?? NONE;
      break;
    case 'root':
      target = nav.rootOf[frame] ?? 0;
      break;
  }
  // Frame 0 is the virtual root: never drawn, so never focused.
  if (target <= 0) return frame;
  const left = tree.x[target] ?? 0;
  const right = left + (tree.width[target] ?? 0);
  if ((move === 'prev' || move === 'next') && (right <= x0 || left >= x1)) return frame;
  return target;
}
