import { fireEvent, render, screen } from '@testing-library/react';
import { micros } from '../../model/units';
import type { ResultTrace } from './result-types';
import { ScatterPlot } from './scatter-plot';

const trace = (traceId: string, start: number, errorCount = 0): ResultTrace => ({
  traceId,
  rootService: 'frontend',
  rootOperation: `op-${traceId}`,
  startTime: micros(1_700_000_000_000_000 + start),
  duration: micros(1000 + start),
  spanCount: 3,
  errorCount,
  services: [],
});

describe('ScatterPlot', () => {
  it('draws one point per trace, errors distinct', () => {
    const { container } = render(
      <ScatterPlot
        traces={[trace('a', 0), trace('b', 10, 2)]}
        zoom={null}
        onZoom={() => {}}
        onOpen={() => {}}
      />,
    );
    expect(container.querySelectorAll('circle.scatter-point')).toHaveLength(2);
    expect(container.querySelectorAll('circle.scatter-point.error')).toHaveLength(1);
  });

  it('is keyboard reachable: arrows walk points in time order, Enter opens', () => {
    const onOpen = vi.fn();
    render(
      <ScatterPlot
        traces={[trace('late', 50), trace('early', 0)]}
        zoom={null}
        onZoom={() => {}}
        onOpen={onOpen}
      />,
    );
    const plot = screen.getByTestId('scatter-plot');
    expect(plot).toHaveAttribute('tabindex', '0');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(screen.getByRole('status')).toHaveTextContent('op-early');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    fireEvent.keyDown(plot, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('late');
  });

  it('shows only zoomed points and offers a reset', () => {
    const onZoom = vi.fn();
    const first = trace('a', 0);
    const traces = [first, trace('b', 1000)];
    const zoom = { t0: first.startTime - 1, t1: first.startTime + 1, d0: 0, d1: 5000 };
    const { container } = render(
      <ScatterPlot traces={traces} zoom={zoom} onZoom={onZoom} onOpen={() => {}} />,
    );
    expect(container.querySelectorAll('circle.scatter-point')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(onZoom).toHaveBeenCalledWith(null);
  });
});
