import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { micros } from '../../../model/units';
import { KeyboardHelp, useHelpShortcut } from './keyboard-help';
import { TraceHeader, type TraceHeaderProps } from './trace-header';

const HOSTILE = '<img src=x onerror=alert(1)>';

const trace: TraceHeaderProps['trace'] = {
  traceId: 'abcdef0123456789abcdef0123456789',
  name: `frontend: ${HOSTILE}`,
  startTime: micros(1_700_000_000_000_000),
  duration: micros(730_000),
  spanCount: 1234,
  errorCount: 3,
  maxDepth: 7,
  rootCount: 2,
  format: 'jaeger-v1',
  services: ['frontend', HOSTILE],
  findings: [
    {
      kind: 'orphans',
      count: 2,
      message: 'Their parents are not in the trace; shown as roots.',
      examples: [4, 9],
    },
    { kind: 'duplicate-ids', count: 1, message: 'Kept both spans.', examples: [] },
  ],
  warnings: ['clock skew adjustment disabled'],
};

describe('TraceHeader', () => {
  it('embedded: collapsed or without summary, findings and warnings still show', async () => {
    function Embedded() {
      const [collapsed, setCollapsed] = useState(true);
      return (
        <TraceHeader
          trace={trace}
          collapsed={collapsed}
          onToggleCollapsed={() => setCollapsed((was) => !was)}
          hideSummary
        />
      );
    }
    render(<Embedded />);
    expect(screen.queryByText('Duration')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Services' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Findings' })).toHaveTextContent('Orphan spans (2)');
    expect(screen.getByText('clock skew adjustment disabled')).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show trace summary' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide trace summary' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    // Expanded: the legend is back; the summary row stays hidden (uiTimelineHideSummary).
    expect(screen.getByRole('list', { name: 'Services' })).toBeInTheDocument();
    expect(screen.queryByText('Duration')).toBeNull();
  });

  it('shows name, short id, stats, legend with critical share, findings and warnings', () => {
    render(
      <TraceHeader
        trace={trace}
        criticalShare={[{ service: 'frontend', micros: 500_000, share: 0.685 }]}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`frontend: ${HOSTILE}`);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('abcdef0')).toHaveAttribute('title', trace.traceId);
    expect(screen.getByText('730ms')).toBeInTheDocument();
    expect(screen.getByText('1,234')).toBeInTheDocument();
    expect(screen.getByText('3')).toHaveClass('trace-head__errors');
    expect(screen.getByText('69% of critical path', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('Orphan spans (2):')).toBeInTheDocument();
    expect(
      screen.getByText('Their parents are not in the trace; shown as roots.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText('clock skew adjustment disabled')).toBeInTheDocument();
  });

  it('copies the full trace id', async () => {
    const user = userEvent.setup();
    render(<TraceHeader trace={trace} />);
    await user.click(screen.getByRole('button', { name: 'Copy trace ID' }));
    expect(await navigator.clipboard.readText()).toBe(trace.traceId);
    expect(screen.getByRole('button', { name: 'Copy trace ID' })).toHaveTextContent('Copied');
  });

  it('jumps to finding examples and adds a clock-skew finding when spans were adjusted', () => {
    const onJump = vi.fn();
    render(<TraceHeader trace={trace} onJumpToSpan={onJump} skewAdjustedCount={5} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'example 2' })[0] as HTMLElement);
    expect(onJump).toHaveBeenCalledWith(9);
    expect(screen.getByText('Clock skew (5):')).toBeInTheDocument();
  });
});

function HelpHarness() {
  const [open, setOpen] = useState(false);
  useHelpShortcut(() => setOpen(true));
  return (
    <>
      <input aria-label="typing" />
      <KeyboardHelp open={open} onClose={() => setOpen(false)} />
    </>
  );
}

describe('KeyboardHelp', () => {
  it('opens on "?" (not while typing), lists Jaeger shortcuts and closes on Escape', async () => {
    const user = userEvent.setup();
    render(<HelpHarness />);
    await user.click(screen.getByLabelText('typing'));
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Collapse one level');
    expect(screen.getByRole('button', { name: 'Close keyboard shortcuts' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('TraceHeader legend', () => {
  it('names six services on its line and the rest behind "+N more"', async () => {
    const user = userEvent.setup();
    const services = Array.from({ length: 30 }, (_, i) => `service-${i}`);
    render(<TraceHeader trace={{ ...trace, services }} />);
    const inline = screen.getByRole('list', { name: 'Services' });
    expect(inline.querySelectorAll('li')).toHaveLength(6);
    await user.click(screen.getByText('+24 more'));
    const more = screen.getByRole('list', { name: 'More services' });
    expect(more.querySelectorAll('li')).toHaveLength(24);
    expect(more).toHaveTextContent('service-29');
  });

  it('has no "more" with few services', () => {
    render(<TraceHeader trace={trace} />);
    expect(screen.queryByText(/more$/)).toBeNull();
  });
});
