import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TraceLoadError, TraceLoading } from './trace-load-status';

const MB = 1024 * 1024;

describe('TraceLoading', () => {
  it('shows a bar only when the total is known; nothing animates', () => {
    const { rerender } = render(<TraceLoading progress={null} onCancel={() => undefined} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading trace…');
    expect(screen.queryByRole('progressbar')).toBeNull();

    rerender(
      <TraceLoading
        progress={{ bytesReceived: 3 * MB, bytesTotal: 12 * MB, spansParsed: 0 }}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole('progressbar', { name: 'Trace download' })).toHaveAttribute(
      'value',
      '0.25',
    );
    expect(screen.getByRole('status')).toHaveTextContent('3.0 MB of 12 MB');

    // A gzip'd response has no usable total: the text grows, no indeterminate bar.
    rerender(
      <TraceLoading
        progress={{ bytesReceived: 20 * MB, bytesTotal: -1, spansParsed: 12_000 }}
        onCancel={() => undefined}
      />,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('20 MB, 12,000 spans');
  });
});

describe('TraceLoadError', () => {
  it('names the trace id not found, as text, with invisible characters shown', () => {
    const id = `<img src=x onerror="alert(1)">\u202Eab`;
    const { container } = render(
      <TraceLoadError
        error={{
          kind: 'http',
          status: 404,
          url: '/api/traces/x',
          message: 'HTTP 404 Not Found: trace not found',
        }}
        traceId={id}
        onRetry={() => undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading')).toHaveTextContent('Trace not found');
    expect(alert).toHaveTextContent(`Trace id<img src=x onerror="alert(1)">\\u202Eab`);
    expect(container.querySelector('img')).toBeNull();
  });
});
