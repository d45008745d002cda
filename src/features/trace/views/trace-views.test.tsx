import { fireEvent, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { testTrace } from '../../../worker/test-fixture';
import type { LoadedTrace } from '../../../worker/messages';
import { pageStoreForTest } from '../test-support/render-in-page';
import { TraceViews } from './trace-views';

const trace: LoadedTrace = { ...testTrace([-1, 0, 0, 1]), handle: 1 };

function Where() {
  const location = useLocation();
  return <output aria-label="location">{location.search}</output>;
}

const renderAt = (search: string) =>
  pageStoreForTest().render(
    <MemoryRouter initialEntries={[`/trace/abc${search}`]}>
      <TraceViews trace={trace}>
        <p>the waterfall</p>
      </TraceViews>
      <Where />
    </MemoryRouter>,
  );

const location = () => screen.getByRole('status', { name: 'location' }).textContent;

describe('TraceViews', () => {
  it('shows the timeline by default, with its tab selected and labelling the panel', () => {
    renderAt('');
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Timeline' })).toHaveTextContent('the waterfall');
  });

  it('opens the view named in ?view= and keeps other parameters when switching', async () => {
    renderAt('?uiFind=abc&view=statistics');
    expect(screen.getByRole('tab', { name: 'Statistics' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(await screen.findByRole('table', { name: /Statistics by/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Timeline' }));
    expect(location()).toBe('?uiFind=abc');
    expect(screen.getByText('the waterfall')).toBeInTheDocument();
  });

  it('moves between tabs with the arrow keys, Home and End (one tab stop)', () => {
    renderAt('');
    const timeline = screen.getByRole('tab', { name: 'Timeline' });
    timeline.focus();
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    expect(location()).toBe('?view=statistics');
    expect(screen.getByRole('tab', { name: 'Statistics' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Statistics' })).toHaveAttribute('tabindex', '0');
    expect(timeline).toHaveAttribute('tabindex', '-1');
    fireEvent.keyDown(document.activeElement ?? timeline, { key: 'End' });
    expect(location()).toBe('?view=json');
    fireEvent.keyDown(document.activeElement ?? timeline, { key: 'ArrowRight' });
    expect(location()).toBe('');
  });

  it('falls back to the timeline for an unknown view', () => {
    renderAt('?view=%3Cscript%3E');
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  });
});
