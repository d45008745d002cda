import { useRef, type KeyboardEvent } from 'react';
import { panelId, tabId, type TraceViewKind, type TraceViewOption } from './view-kinds';

interface ViewSwitcherProps {
  readonly value: TraceViewKind;
  readonly onChange: (kind: TraceViewKind) => void;
  readonly views: readonly TraceViewOption[];
}

/**
 * WAI-ARIA tabs with automatic activation: one tab stop (roving tabindex), Left/Right and
 * Home/End move and switch. Switching is cheap for every view except the first visit of a heavy
 * one, which shows its own progress, so automatic activation does not make arrowing past it slow.
 */
export function ViewSwitcher({ value, onChange, views }: ViewSwitcherProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys move from the focused tab, not from `value`: the URL change runs in a transition, so
    // a second key pressed before it commits would otherwise move from the old view again.
    const focused = tabs.current.findIndex((tab) => tab === event.target);
    const current = focused >= 0 ? focused : views.findIndex((view) => view.id === value);
    const last = views.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (current + 1) % views.length
        : event.key === 'ArrowLeft'
          ? (current + last) % views.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const view = views[target];
    if (!view) return;
    event.preventDefault();
    onChange(view.id);
    tabs.current[target]?.focus();
  };
  return (
    <div className="trace-view-tabs" role="tablist" aria-label="Trace views" onKeyDown={move}>
      {views.map((view, i) => (
        <button
          key={view.id}
          ref={(element) => {
            tabs.current[i] = element;
          }}
          type="button"
          role="tab"
          id={tabId(view.id)}
          aria-selected={view.id === value}
          // Only the selected panel exists; pointing at an absent id is an ARIA error.
          aria-controls={view.id === value ? panelId(view.id) : undefined}
          tabIndex={view.id === value ? 0 : -1}
          onClick={() => onChange(view.id)}
        >
          {view.label}
        </button>
      ))}
    </div>
  );
}
