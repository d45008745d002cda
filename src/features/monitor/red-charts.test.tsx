import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { MetricSeries } from '../../api/metrics-client';
import { useCrosshairStore } from './crosshair-store';
import { RedCharts } from './red-charts';
import type { MetricSlot, RedMetrics } from './use-red-metrics';

const T0 = Date.UTC(2026, 0, 1, 12, 0);
const MIN = 60_000;
const range = { endTs: T0 + 10 * MIN, lookback: 10 * MIN, step: MIN };

/** Every metric of one group answers the same series; `from` shifts where its grid starts. */
function metrics(operation: string, from: number, scale: number): RedMetrics {
  const times = Array.from({ length: 10 - from }, (_, i) => T0 + (from + i) * MIN);
  const series: MetricSeries = {
    service: 'svc',
    operation,
    times,
    values: times.map((_, i) => (from + i) * scale),
    mean: null,
  };
  const slot = (label: string): MetricSlot => ({
    label,
    data: [series],
    error: null,
    isPending: false,
    isPlaceholder: false,
    refetch: () => undefined,
  });
  return {
    p50: slot('p50 latency'),
    p75: slot('p75 latency'),
    p95: slot('p95 latency'),
    calls: slot('request rate'),
    errors: slot('error rate'),
  };
}

describe('RedCharts', () => {
  afterEach(() => useCrosshairStore.getState().setTime(null));

  it('shares one crosshair time between the service charts and an operation charts', () => {
    render(
      <MemoryRouter>
        <section aria-label="service">
          <RedCharts
            metrics={metrics('', 0, 1)}
            service="svc"
            operation=""
            range={range}
            ratePer={10 * MIN}
          />
        </section>
        <section aria-label="operation">
          <RedCharts
            metrics={metrics('op', 3, 100)}
            service="svc"
            operation="op"
            range={range}
            ratePer={10 * MIN}
          />
        </section>
      </MemoryRouter>,
    );
    const requestRate = (group: string) =>
      within(screen.getByRole('region', { name: group }))
        .getByRole('group', { name: /^Request rate chart/ })
        .closest('figure')
        ?.querySelector('.ts-readout')?.textContent ?? '';
    const operationPlot = within(screen.getByRole('region', { name: 'operation' })).getByRole(
      'group',
      { name: /^Request rate chart/ },
    );
    // The operation's grid starts 3 minutes later; its first slot is the service's fourth.
    fireEvent.keyDown(operationPlot, { key: 'Home' });
    expect(requestRate('operation')).toContain('300.0 req/s');
    expect(requestRate('service')).toContain('3.00 req/s');
    // A time before the operation's first point: the service charts show it, the operation's none.
    act(() => useCrosshairStore.getState().setTime(T0 + MIN));
    expect(requestRate('service')).toContain('1.00 req/s');
    expect(requestRate('operation')).not.toContain('req/s');
  });
});
