import { fireEvent, render, screen } from '@testing-library/react';
import { buildTestTrace } from '../../../model/analysis/test-trace';
import { binMinimap, recordedAxis } from '../../../model/minimap-bins';
import type { TraceColumns } from '../../../model/trace';
import { paintBins } from './minimap-paint';
import { TraceMinimap } from './trace-minimap';
import { centreWindow, selectionWindow, shiftWindow } from './window-drag';

const trace = buildTestTrace([
  { id: 'a', start: 0, duration: 100, service: 'frontend' },
  { id: 'b', parent: 'a', start: 50, duration: 50, service: 'redis' },
]);

describe('binMinimap', () => {
  it('maps spans to rows and covered columns', () => {
    const bins = binMinimap(
      trace.columns,
      recordedAxis(trace.columns, 100),
      10,
      2,
      trace.services.length,
    );
    expect(Array.from(bins.density.slice(0, 10))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(Array.from(bins.density.slice(10))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(Array.from(bins.rowService)).toEqual([0, 1]);
    const pixels = paintBins(bins, (s) => (s === 0 ? '#ff0000' : '#0000ff'));
    expect(Array.from(pixels.slice(0, 3))).toEqual([255, 0, 0]);
    expect(pixels[(10 + 5) * 4 + 2]).toBe(255);
    expect(pixels[(10 + 4) * 4 + 3]).toBe(0);
  });

  it('bins 1M spans and keeps tiny spans visible', () => {
    const n = 1_000_000;
    const columns: TraceColumns = {
      spanCount: n,
      start: Float64Array.from({ length: n }, (_, i) => i * 10),
      duration: new Float64Array(n).fill(1),
      selfTime: new Float64Array(n),
      parent: new Int32Array(n).fill(-1),
      depth: new Int32Array(n),
      subtreeEnd: Int32Array.from({ length: n }, (_, i) => i + 1),
      service: Int32Array.from({ length: n }, (_, i) => i % 3),
      operation: new Int32Array(n),
      flags: new Uint16Array(n),
    };
    const bins = binMinimap(columns, recordedAxis(columns, n * 10), 1200, 60, 3);
    paintBins(bins, () => '#123456');
    let covered = 0;
    for (const d of bins.density) if (d > 0) covered++;
    // Spans walk diagonally: each row covers its own ~1/60 of the width.
    expect(covered).toBeGreaterThanOrEqual(1200);
  });
});

describe('window math', () => {
  it('selects in either direction and ignores clicks', () => {
    expect(selectionWindow(0.6, 0.2)).toEqual({ start: 0.2, end: 0.6 });
    expect(selectionWindow(0.5, 0.5)).toBeNull();
  });
  it('shifts and centres without leaving [0, 1] or changing width', () => {
    const shifted = shiftWindow({ start: 0.7, end: 0.9 }, 0.5);
    expect(shifted.start).toBeCloseTo(0.8);
    expect(shifted.end).toBe(1);
    const centred = centreWindow({ start: 0.4, end: 0.6 }, 0.05);
    expect(centred.start).toBe(0);
    expect(centred.end).toBeCloseTo(0.2);
  });
});

function renderMinimap(viewStart = 0, viewEnd = 1) {
  const onChange = vi.fn();
  const loadBins = (width: number, height: number) =>
    Promise.resolve(
      binMinimap(
        trace.columns,
        recordedAxis(trace.columns, 100),
        width,
        height,
        trace.services.length,
      ),
    );
  render(
    <TraceMinimap
      services={trace.services}
      loadBins={loadBins}
      viewStart={viewStart}
      viewEnd={viewEnd}
      onViewWindowChange={onChange}
    />,
  );
  const area = screen.getByRole('group', { name: /Minimap/ });
  area.getBoundingClientRect = () => ({
    left: 0,
    width: 200,
    top: 0,
    height: 56,
    right: 200,
    bottom: 56,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return { onChange, area };
}

describe('TraceMinimap', () => {
  it('drags to select a window', () => {
    const { onChange, area } = renderMinimap();
    fireEvent.pointerDown(area, { clientX: 40, button: 0, pointerId: 1 });
    fireEvent.pointerMove(area, { clientX: 100, pointerId: 1 });
    expect(screen.getByTestId('minimap-window')).toBeInTheDocument();
    fireEvent.pointerUp(area, { clientX: 100, pointerId: 1 });
    expect(onChange).toHaveBeenCalledWith(0.2, 0.5);
  });

  it('drags the window to shift it, keys nudge it, reset shows everything', () => {
    const { onChange, area } = renderMinimap(0.2, 0.4);
    fireEvent.pointerDown(area, { clientX: 60, button: 0, pointerId: 1 });
    fireEvent.pointerUp(area, { clientX: 100, pointerId: 1 });
    const [start, end] = onChange.mock.lastCall ?? [];
    expect(start).toBeCloseTo(0.4);
    expect(end).toBeCloseTo(0.6);
    fireEvent.keyDown(area, { key: 'ArrowLeft' });
    expect(onChange.mock.lastCall?.[0]).toBeCloseTo(0.18);
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(onChange).toHaveBeenLastCalledWith(0, 1);
  });
});
