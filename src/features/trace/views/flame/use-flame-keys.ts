import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  buildFlameNav,
  flameMove,
  type FlameMove,
  type FlameNav,
} from '../../../../model/analysis/flame-nav';
import type { FlameTree } from '../../../../model/analysis/flame-tree';
import { formatDuration } from '../../../../ui/format-duration';
import { FRAME_HEIGHT } from './flame-paint';
import { formatCount } from '../../../../ui/format-count';

// Built on the first key press, not with the tree: mouse users never pay for it (~10 ms at 1M frames).
const navs = new WeakMap<FlameTree, FlameNav>();
function navOf(tree: FlameTree): FlameNav {
  let nav = navs.get(tree);
  if (!nav) {
    nav = buildFlameNav(tree);
    navs.set(tree, nav);
  }
  return nav;
}

const MOVES: Partial<Record<string, FlameMove>> = {
  ArrowUp: 'parent',
  ArrowDown: 'child',
  ArrowLeft: 'prev',
  ArrowRight: 'next',
  Home: 'root',
};

interface Options {
  readonly tree: FlameTree;
  readonly zoom: number;
  readonly onZoom: (frame: number) => void;
  readonly pairLabel: readonly string[];
  /** The scroll box of the depth rows: a focused frame below the fold is scrolled into view. */
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}

export interface FlameKeys {
  /** The keyboard's frame, or -1 before the canvas was first focused. */
  readonly focused: number;
  /** Whether the canvas has focus: the ring is drawn only then, like any focus indicator. */
  readonly active: boolean;
  /** Text for the polite live region. */
  readonly announcement: string;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
}

/**
 * The flame graph's keyboard model, for a canvas that is one focusable widget: arrows walk the
 * frames (Up parent, Down first child, Left/Right neighbours on the same level), Enter/Space zoom
 * into the focused frame, Backspace zooms out a level, Escape resets, Home goes to the root.
 */
export function useFlameKeys({ tree, zoom, onZoom, pairLabel, scrollRef }: Options): FlameKeys {
  const [state, setState] = useState({ tree, focused: -1, prefix: '' });
  const [active, setActive] = useState(false);
  // A new tree (another trace) invalidates the frame number.
  const focused = state.tree === tree && state.focused < tree.frameCount ? state.focused : -1;

  const describe = (frame: number): string => {
    if (frame <= 0) return '';
    const levels = navOf(tree).height[frame] ?? 0;
    const calls = tree.count[frame] ?? 0;
    const errors = tree.errors[frame] ?? 0;
    return (
      `${pairLabel[tree.pair[frame] ?? 0] ?? ''} — ${formatDuration(tree.total[frame] ?? 0)} total, ` +
      `${formatCount(calls)} ${calls === 1 ? 'call' : 'calls'}, ${levels} ${levels === 1 ? 'level' : 'levels'} below` +
      (errors > 0 ? `, ${formatCount(errors)} errors` : '')
    );
  };

  const focusFrame = useCallback(
    (frame: number, prefix = '') => {
      setState({ tree, focused: frame, prefix });
      const scroller = scrollRef.current;
      if (!scroller || frame <= 0) return;
      const top = (tree.depth[frame] ?? 0) * FRAME_HEIGHT;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + FRAME_HEIGHT > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = top + FRAME_HEIGHT - scroller.clientHeight;
    },
    [tree, scrollRef],
  );

  const onFocus = () => {
    setActive(true);
    if (focused <= 0 && tree.frameCount > 1) focusFrame(zoom > 0 ? zoom : 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (tree.frameCount <= 1 || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = focused > 0 ? focused : zoom > 0 ? zoom : 1;
    const move = MOVES[event.key];
    if (move) {
      const x0 = tree.x[zoom] ?? 0;
      focusFrame(flameMove(tree, navOf(tree), current, move, x0, x0 + (tree.width[zoom] ?? 0)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      onZoom(current);
      focusFrame(current, 'Zoomed in. ');
    } else if (event.key === 'Escape') {
      // Nothing to undo: let Escape reach whatever listens above (dialogs, the find box).
      if (zoom === 0) return;
      onZoom(0);
      focusFrame(current, 'Zoom reset. ');
    } else if (event.key === 'Backspace') {
      if (zoom === 0) return;
      const out = tree.parent[zoom] ?? 0;
      onZoom(out > 0 ? out : 0);
      focusFrame(current, out > 0 ? 'Zoomed out. ' : 'Zoom reset. ');
    } else {
      return;
    }
    event.preventDefault();
  };

  return {
    focused,
    active,
    announcement: focused > 0 ? `${state.prefix}${describe(focused)}` : '',
    onKeyDown,
    onFocus,
    onBlur: () => setActive(false),
  };
}
