import { useTraceViewStore } from '../trace-view-store';

/** Click or Enter on a summary row: a hidden run is shown again, a folded run expands. */
export function activateSummaryRow(row: Element): void {
  const store = useTraceViewStore.getState();
  const action = row.getAttribute('data-row-action');
  if (action === 'reveal') {
    store.revealHidden(
      Number(row.getAttribute('data-row-start')),
      Number(row.getAttribute('data-row-end')),
    );
  } else if (action === 'unfold') {
    store.toggleFold(Number(row.getAttribute('data-row-group')));
  }
}
