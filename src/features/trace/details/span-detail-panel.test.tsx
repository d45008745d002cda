import { act, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SpanDetail } from '../../../model/span-detail';
import { micros } from '../../../model/units';
import { compileLinkPatterns } from './link-patterns';
import { SpanDetailPanel } from './span-detail-panel';
import { DETAIL_LAYOUT_KEY, readDetailLayout, useDetailLayout } from './use-detail-layout';

const HOSTILE = '<img src=x onerror=alert(1)>';

function makeDetail(overrides: Partial<SpanDetail> = {}): SpanDetail {
  return {
    index: 3,
    traceId: 'abcdef0123456789',
    spanId: '00000000000000d4',
    parentSpanId: '00000000000000c3',
    service: HOSTILE,
    operation: 'GetDriver',
    kind: 'client',
    statusCode: 'error',
    statusMessage: 'redis timeout',
    start: micros(1500),
    absoluteStart: micros(1_700_000_000_001_500),
    duration: micros(2500),
    selfTime: micros(1000),
    attributes: [
      { key: 'zzz', value: 'last', type: 'string' },
      { key: 'http.status_code', value: '500', type: 'int' },
      { key: 'error', value: 'true', type: 'bool' },
      { key: HOSTILE, value: HOSTILE, type: 'string' },
      { key: 'payload', value: '{"a":1,"b":[1,2]}', type: 'string' },
      { key: 'long', value: 'x'.repeat(1000), type: 'string' },
    ],
    resource: [{ key: 'hostname', value: 'host-1', type: 'string' }],
    scope: [],
    events: [
      {
        time: micros(2000),
        name: 'retry',
        attributes: [{ key: 'attempt', value: '2', type: 'int' }],
      },
    ],
    references: [
      {
        type: 'CHILD_OF',
        traceId: 'abcdef0123456789',
        spanId: '00000000000000c3',
        spanIndex: 2,
        attributes: [],
      },
      { type: 'FOLLOWS_FROM', traceId: 'ffff', spanId: '0001', spanIndex: -1, attributes: [] },
    ],
    warnings: ['clock skew adjusted'],
    ...overrides,
  };
}

function renderPanel(overrides: Partial<Parameters<typeof SpanDetailPanel>[0]> = {}) {
  const props = {
    detail: makeDetail(),
    traceStart: 1_700_000_000_000_000,
    traceDuration: 10_000,
    layout: 'inline' as const,
    onLayoutChange: vi.fn(),
    onClose: vi.fn(),
    onJumpToSpan: vi.fn(),
    ...overrides,
  };
  render(<SpanDetailPanel {...props} />);
  return props;
}

describe('SpanDetailPanel', () => {
  it('renders hostile trace text as text, never as markup', () => {
    const { container } = render(<div />);
    renderPanel();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(HOSTILE, { exact: false }).length).toBeGreaterThan(0);
    expect(container.innerHTML).not.toContain('<img');
  });

  it('shows many attributes and events a page at a time, every one reachable', () => {
    const many = Array.from({ length: 1_001 }, (_, i) => ({
      key: `k${String(i).padStart(4, '0')}`,
      value: `v${i}`,
      type: 'string' as const,
    }));
    const events = Array.from({ length: 501 }, (_, i) => ({
      time: micros(2000 + i),
      name: `event ${i}`,
      attributes: [],
    }));
    renderPanel({ detail: makeDetail({ attributes: many, events }) });
    // CSS queries only: role and text queries over a thousand rows take seconds each in jsdom.
    const table = document.querySelector('table.attribute-table');
    if (!table) throw new Error('no attribute table');
    const keys = () => table.querySelectorAll('th[scope="row"]');
    const more = () => [...document.querySelectorAll('.show-more')];
    const showMore = () => {
      const button = more()[0]?.querySelector('button');
      if (!button) throw new Error('no "Show more" button');
      fireEvent.click(button);
    };
    expect(keys()).toHaveLength(500);
    expect(more().map((p) => p.textContent)).toEqual([
      '500 of 1,001 shown. Show 500 more',
      '500 of 501 events shown. Show 1 more',
    ]);
    showMore();
    showMore();
    expect(keys()).toHaveLength(1_001);
    expect(keys()[1_000]).toHaveTextContent('k1000');
    expect(document.querySelectorAll('.span-events__item')).toHaveLength(500);
    showMore();
    expect(more()).toHaveLength(0);
    expect(document.querySelectorAll('.span-events__item')).toHaveLength(501);
  }, 20_000);

  it('shows the facts, well-known attributes first, and pretty JSON', () => {
    renderPanel();
    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Start')).toHaveTextContent(
      /^\+1\.5ms \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.001500\)$/,
    );
    expect(fact('Duration')).toHaveTextContent('2.5ms');
    expect(fact('Self time')).toHaveTextContent('1ms');
    expect(fact('Status')).toHaveTextContent('error — redis timeout');
    const keys = screen.getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(keys.slice(0, 2)).toEqual(['error', 'http.status_code']);
    expect(keys.indexOf('zzz')).toBeGreaterThan(keys.indexOf('payload'));
    expect(screen.getByText(/"b": \[/)).toBeInTheDocument();
    expect(screen.getByText('redis timeout', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('clock skew adjusted')).toBeInTheDocument();
  });

  it('gives the start on the adjusted axis and as recorded when clock skew moved spans', () => {
    // The span was recorded first (raw +0) and moved +52.5 ms; the adjusted axis starts 40 ms in.
    const detail = makeDetail({ start: micros(0), absoluteStart: micros(1_700_000_000_000_000) });
    renderPanel({ detail, skewDelta: 52_500, adjustedOrigin: 40_000, timeMode: 'adjusted' });
    const facts = screen.getAllByRole('term').map((term) => term.textContent);
    expect(facts.indexOf('Start (adjusted)')).toBeLessThan(facts.indexOf('Start (recorded)'));
    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Start (adjusted)')).toHaveTextContent(/^\+12\.5ms \(.*:\d\d\.052500\)$/);
    expect(fact('Start (recorded)')).toHaveTextContent(/^\+0µs \(.*:\d\d\.000000\)$/);
  });

  it('shows the attributes of a link under it', () => {
    const detail = makeDetail({
      references: [
        {
          type: 'LINK',
          traceId: '00ff',
          spanId: '00000000000000ff',
          spanIndex: -1,
          attributes: [
            { key: 'opentracing.ref_type', value: 'child_of', type: 'string' },
            { key: HOSTILE, value: '123', type: 'int' },
          ],
        },
      ],
    });
    renderPanel({ detail });
    const table = screen.getByRole('table', { name: 'Attributes of this link' });
    expect(within(table).getByRole('rowheader', { name: 'opentracing.ref_type' })).toBeVisible();
    expect(within(table).getByText('child_of')).toBeVisible();
    expect(within(table).getByRole('rowheader', { name: HOSTILE })).toBeVisible();
  });

  it('on the raw axis the recorded start comes first', () => {
    renderPanel({ skewDelta: 0, adjustedOrigin: 1_000, timeMode: 'raw' });
    const facts = screen.getAllByRole('term').map((term) => term.textContent);
    expect(facts.indexOf('Start (recorded)')).toBeLessThan(facts.indexOf('Start (adjusted)'));
    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Start (adjusted)')).toHaveTextContent(/^\+500µs /);
  });

  it('cuts long values and shows them all on request', async () => {
    renderPanel();
    const button = screen.getByRole('button', { name: /Show all \(1,000 characters\)/ });
    expect(screen.queryByText('x'.repeat(1000))).toBeNull();
    await userEvent.click(button);
    expect(screen.getByText('x'.repeat(1000))).toBeInTheDocument();
  });

  it('copies a value and the deep link to the span', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Copy value of http.status_code' }));
    expect(writeText).toHaveBeenLastCalledWith('500');
    await user.click(screen.getByRole('button', { name: 'Copy link to this span' }));
    expect(writeText).toHaveBeenLastCalledWith(
      expect.stringMatching(/\/trace\/abcdef0123456789\?uiFind=00000000000000d4$/),
    );
    expect(await navigator.clipboard.readText()).toMatch(/uiFind=00000000000000d4/);
  });

  it('jumps to a referenced span here and links to a span in another trace', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'span 00000000000000c3' }));
    expect(props.onJumpToSpan).toHaveBeenCalledWith(2);
    expect(screen.getByRole('link', { name: /span 0001 in trace ffff/ })).toHaveAttribute(
      'href',
      'trace/ffff?uiFind=0001',
    );
  });

  it('renders link patterns, with javascript: URLs inert', () => {
    renderPanel({
      linkPatterns: compileLinkPatterns([
        {
          type: 'process',
          key: 'hostname',
          url: 'https://hosts.example/#{hostname}',
          text: 'Host #{hostname}',
        },
        {
          type: 'tags',
          key: 'http.status_code',
          url: 'javascript:alert(#{http.status_code})',
          text: 'evil',
        },
      ]),
    });
    // Visibly external: the host it leaves for and the new tab are part of its name.
    const link = screen.getByRole('link', {
      name: /^Host host-1\s*\(hosts\.example\)\s*\(opens in a new tab\)$/,
    });
    expect(link).toHaveAttribute('href', 'https://hosts.example/host-1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
    expect(screen.getByText('evil').closest('a')).toBeNull();
  });

  it('lists events with times relative to the trace and the span', () => {
    renderPanel();
    const events = screen.getByText('retry').closest('li');
    expect(events).not.toBeNull();
    expect(within(events as HTMLElement).getByText('+2ms')).toBeInTheDocument();
    expect(within(events as HTMLElement).getByText(/500µs into the span/)).toBeInTheDocument();
  });

  it('switches layout and closes', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Open as side panel' }));
    expect(props.onLayoutChange).toHaveBeenCalledWith('side');
    fireEvent.click(screen.getByRole('button', { name: 'Close span details' }));
    expect(props.onClose).toHaveBeenCalled();
  });

  it('shows a loading state without detail', () => {
    renderPanel({ detail: null });
    expect(screen.getByText('Loading span details…')).toBeInTheDocument();
  });
});

describe('useDetailLayout', () => {
  it('remembers the choice in localStorage', () => {
    localStorage.removeItem(DETAIL_LAYOUT_KEY);
    expect(readDetailLayout()).toBe('inline');
    const { result } = renderHook(() => useDetailLayout());
    act(() => result.current[1]('side'));
    expect(result.current[0]).toBe('side');
    expect(readDetailLayout()).toBe('side');
  });
});
