/**
 * Keyboard for the waterfall treegrid (WAI-ARIA treegrid pattern, row focus only):
 * ↑/↓ move, → opens or moves to the first child, ← closes or moves to the parent, Home/End,
 * PageUp/PageDown, Enter/Space select (opens details) or open a summary row. Each key is
 * O(log rows) or O(1).
 */
import type { KeyboardEvent } from 'react';
import { foldGroupAt, RowKind } from '../../../model/row-filter';
import { rowPosition } from '../collapse-levels';
import { useTracePageStore } from '../state/trace-page-store-context';
import { hasChildren } from '../state/visible-rows';

export function useTreegridKeys(pageRows: number, scrollToPosition: (position: number) => void) {
  const store = useTracePageStore();
  return (event: KeyboardEvent<HTMLElement>): void => {
    const state = store.getState();
    const { columns, visibleRows: rows, collapsed } = state;
    if (!columns || rows.length === 0) return;
    const focused = state.focused >= 0 ? state.focused : (rows[0] ?? 0);
    let position = rowPosition(rows, focused);
    if (position < 0) position = 0;
    const moveTo = (next: number) => {
      const clamped = Math.min(Math.max(next, 0), rows.length - 1);
      state.focus(rows[clamped] ?? 0);
      scrollToPosition(clamped);
    };

    const kind = state.rowKinds[position] ?? RowKind.Span;
    // A summary row (hidden services, folded repeats) opens with Enter, Space or →.
    if (
      kind !== RowKind.Span &&
      (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowRight')
    ) {
      if (kind === RowKind.Hidden)
        state.revealHidden(focused, state.rowEnds[position] ?? focused + 1);
      else state.toggleFold(state.folds ? foldGroupAt(state.folds, focused) : -1);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        moveTo(position + 1);
        break;
      case 'ArrowUp':
        moveTo(position - 1);
        break;
      case 'PageDown':
        moveTo(position + pageRows);
        break;
      case 'PageUp':
        moveTo(position - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (hasChildren(columns, focused)) {
          if (collapsed[focused]) state.setCollapsed(focused, false);
          else moveTo(position + 1);
        }
        break;
      case 'ArrowLeft': {
        const parent = columns.parent[focused] ?? -1;
        if (hasChildren(columns, focused) && !collapsed[focused]) state.setCollapsed(focused, true);
        else if (parent >= 0) moveTo(rowPosition(rows, parent));
        break;
      }
      case 'Enter':
      case ' ':
        state.select(focused);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
}
