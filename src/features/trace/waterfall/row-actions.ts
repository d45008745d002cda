import type { TracePageStore } from '../state/trace-page-store';

/** Click or Enter on a summary row: a hidden run is shown again, a folded run expands. */
export function activateSummaryRow(page: TracePageStore, row: Element): void {
  const store = page.getState();
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
