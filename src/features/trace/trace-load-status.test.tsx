import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TraceLoading } from './trace-load-status';

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
