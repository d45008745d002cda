import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildFlameTree } from '../../../../model/analysis/flame-tree';
import { computeSpanPairs } from '../../../../model/analysis/span-pairs';
import { buildTestTrace } from '../../../../model/analysis/test-trace';
import { FlameCanvas } from './flame-canvas';

function setup() {
  const trace = buildTestTrace([
    { id: 'r', start: 0, duration: 100_000, service: 'frontend', operation: 'GET /dispatch' },
    { id: 'a', parent: 'r', start: 0, duration: 20_000, service: 'db', operation: 'query' },
    { id: 'a1', parent: 'a', start: 1_000, duration: 6_000, service: 'db', operation: 'lock' },
    { id: 'b', parent: 'r', start: 30_000, duration: 30_000, service: 'cache', operation: 'get' },
  ]);
  const pairs = computeSpanPairs(trace.columns, trace.operations.length);
  const tree = buildFlameTree(trace.columns, pairs);
  const pairLabel = Array.from({ length: pairs.pairCount }, (_, p) => {
    return `${trace.services[pairs.pairService[p] ?? 0] ?? ''}: ${trace.operations[pairs.pairOperation[p] ?? 0] ?? ''}`;
  });
  const onZoom = vi.fn();
  const view = render(
    <FlameCanvas
      tree={tree}
      zoom={0}
      onZoom={onZoom}
      pairLabel={pairLabel}
      pairColor={pairLabel.map(() => '#888')}
    />,
  );
  const canvas = screen.getByRole('application', {
    name: /^Flame graph of 4 merged frames, 3 levels deep/,
  });
  const live = view.container.querySelector('[aria-live="polite"]');
  return { canvas, live, onZoom };
}

describe('flame graph keyboard', () => {
  it('announces the root on focus and follows the arrows', () => {
    const { canvas, live } = setup();
    expect(canvas.tabIndex).toBe(0);
    fireEvent.focus(canvas);
    expect(live?.textContent).toMatch(
      /^frontend: GET \/dispatch — 100(\.0)? ?ms total, 1 call, 2 levels below$/,
    );
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    expect(live?.textContent).toMatch(/^db: query — .* 1 level below$/);
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    expect(live?.textContent).toMatch(/^cache: get — .* 0 levels below$/);
    fireEvent.keyDown(canvas, { key: 'Home' });
    expect(live?.textContent).toMatch(/^frontend: GET \/dispatch/);
  });

  it('zooms with Enter and leaves Escape alone when nothing is zoomed', () => {
    const { canvas, live, onZoom } = setup();
    fireEvent.focus(canvas);
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(onZoom).toHaveBeenCalledWith(2);
    expect(live?.textContent).toMatch(/^Zoomed in\. db: query/);
    const escape = fireEvent.keyDown(canvas, { key: 'Escape' });
    // zoom prop is still 0 here: the key is not swallowed.
    expect(escape).toBe(true);
    expect(onZoom).toHaveBeenCalledTimes(1);
  });
});
