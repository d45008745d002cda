import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TRACE_VIEWS, type TraceViewKind } from './view-kinds';
import { ViewSwitcher } from './view-switcher';

describe('ViewSwitcher', () => {
  it('moves from the focused tab while the selected view has not caught up yet', () => {
    // The page's view follows the URL, which commits in a transition: a second key can arrive
    // while `value` still names the view the first key left.
    const chosen: TraceViewKind[] = [];
    const onChange = vi.fn((kind: TraceViewKind) => chosen.push(kind));
    render(<ViewSwitcher value="timeline" onChange={onChange} views={TRACE_VIEWS} />);
    const timeline = screen.getByRole('tab', { name: 'Timeline' });
    timeline.focus();
    fireEvent.keyDown(timeline, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'JSON' })).toHaveFocus();
    fireEvent.keyDown(document.activeElement ?? timeline, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Trace graph' })).toHaveFocus();
    fireEvent.keyDown(document.activeElement ?? timeline, { key: 'ArrowLeft' });
    expect(chosen).toEqual(['json', 'graph', 'flame']);
  });
});
