import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { TimeSeriesChart, type ChartLine } from './time-series-chart';

const T0 = Date.UTC(2026, 0, 1, 12, 0);
const MIN = 60_000;
const times = [0, 1, 2, 3, 4, 5].map((i) => T0 + i * MIN);

function Chart({ lines }: { readonly lines: readonly ChartLine[] }) {
  const [hover, setHover] = useState<number | null>(null);
  return (
    <TimeSeriesChart
      title="Latency"
      times={times}
      lines={lines}
      xDomain={[T0, T0 + 5 * MIN]}
      format={(v) => `${v}ms`}
      hover={hover}
      onHover={setHover}
      actions={(i) => <a href={`#point-${i}`}>View traces</a>}
    />
  );
}

const p95: ChartLine = {
  key: 'p95',
  label: 'p95',
  values: [10, 20, null, 40, null, 60],
  className: 'line-p95',
};

describe('TimeSeriesChart', () => {
  it('draws gaps as gaps: a break in the line, and a dot for a point alone between gaps', () => {
    const { container } = render(<Chart lines={[p95]} />);
    const d = container.querySelector('g.line-p95 path')?.getAttribute('d') ?? '';
    // Two runs (0–1, and 3 alone), then 5 alone: d3 starts each run with a move.
    expect(d.match(/M/g)).toHaveLength(3);
    expect(container.querySelectorAll('g.line-p95 circle.ts-dot')).toHaveLength(2);
  });

  it('moves the crosshair with the keyboard and reads every value at that time', () => {
    const p50: ChartLine = { ...p95, key: 'p50', label: 'p50', values: [1, 2, 3, 4, 5, 6] };
    const { container } = render(<Chart lines={[p50, p95]} />);
    const plot = screen.getByRole('group', { name: /Latency chart/ });
    const readout = () => container.querySelector('.ts-readout')?.textContent ?? '';
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    // From nothing, the first arrow lands on the newest point.
    expect(readout()).toContain('p50 6ms');
    expect(readout()).toContain('p95 60ms');
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    // A gap reads as a dash, not as zero.
    expect(readout()).toContain('p50 5ms');
    expect(readout()).toContain('p95 —');
    expect(screen.getByRole('link', { name: 'View traces' })).toHaveAttribute('href', '#point-4');
    fireEvent.keyDown(plot, { key: 'Home' });
    expect(readout()).toContain('p95 10ms');
    fireEvent.keyDown(plot, { key: 'Escape' });
    expect(screen.queryByRole('link', { name: 'View traces' })).toBeNull();
  });

  it('offers the values as a table', () => {
    render(<Chart lines={[p95]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const rows = screen
      .getByRole('table', { name: 'Latency: values by time' })
      .querySelectorAll('tbody tr');
    expect(rows).toHaveLength(6);
    expect([...rows].map((row) => row.querySelector('td')?.textContent)).toEqual([
      '10ms',
      '20ms',
      '—',
      '40ms',
      '—',
      '60ms',
    ]);
  });
});
