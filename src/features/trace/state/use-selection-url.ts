/**
 * Keeps the selected span in the URL (`?span=<span id>`, beside Jaeger UI's `?uiFind=`): a link
 * opens with that span selected and its details open, and back/forward move the selection.
 *
 * The store holds the selection as a span index (what the rows draw); the URL holds the span id
 * (what survives a reload). The worker translates both ways, through the trace's queries. Each
 * direction skips what the other just wrote, so they never chase each other.
 */
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useEmbed } from '../../../ui/embed-context';
import { useTraceWorker } from '../../../worker/trace-worker-context';
import { workerQueryOptions } from '../../../worker/worker-queries';
import { useTracePage, useTracePageStore } from './trace-page-store-context';

export const SPAN_PARAM = 'span';

export function useSelectionUrl(handle: number): void {
  const page = useTracePageStore();
  const selected = useTracePage((s) => s.selected);
  const [params] = useSearchParams();
  const spanParam = params.get(SPAN_PARAM) ?? '';
  const navigate = useNavigate();
  const worker = useTraceWorker();
  const queries = useQueryClient();
  // In a dashboard's frame, history entries would be the host page's Back steps: replace there.
  const { embedded } = useEmbed();
  /** The last pair both sides agreed on. */
  const agreed = useRef({ id: '', index: -1 });
  /** The selection this hook last saw: only a change is written (not the page's first -1). */
  const seen = useRef(selected);

  // URL → store: a link, a reload, back or forward.
  useEffect(() => {
    const store = page.getState();
    if (!spanParam) {
      agreed.current = { id: '', index: -1 };
      if (store.selected >= 0) store.select(-1, 'replace');
      return undefined;
    }
    if (agreed.current.id === spanParam && store.selected === agreed.current.index)
      return undefined;
    let live = true;
    queries
      .fetchQuery(workerQueryOptions(worker, 'span-index-by-id', { handle, spanId: spanParam }))
      .then(({ index }) => {
        if (!live || index < 0) return;
        agreed.current = { id: spanParam, index };
        const now = page.getState();
        now.reveal(index);
        now.select(index, 'replace');
      })
      // Superseded by a newer link, or the trace is gone: the selection stays as it is.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [handle, page, queries, spanParam, worker]);

  // Store → URL: a click, a key, a jump from another panel.
  useEffect(() => {
    if (seen.current === selected) return undefined;
    seen.current = selected;
    // From the address bar, not from a render: the router applies navigations in a transition,
    // so a render can still show the query before a panel's own navigation (the span table
    // leaving `?view=` in the same click); writing from it would undo that navigation.
    const current = () => new URLSearchParams(window.location.search);
    const write = (id: string) => {
      const next = current();
      if (id) next.set(SPAN_PARAM, id);
      else next.delete(SPAN_PARAM);
      const search = next.toString();
      navigate(
        { search: search ? `?${search}` : '', hash: window.location.hash },
        { replace: embedded || page.getState().selectionHistory === 'replace' },
      );
    };
    if (selected < 0) {
      agreed.current = { id: '', index: -1 };
      if (current().has(SPAN_PARAM)) write('');
      return undefined;
    }
    if (agreed.current.index === selected) return undefined;
    let live = true;
    // The details panel asks the same query: one request for both.
    queries
      .fetchQuery(workerQueryOptions(worker, 'span-detail', { handle, index: selected }))
      .then(({ detail: { spanId } }) => {
        if (!live || page.getState().selected !== selected) return;
        agreed.current = { id: spanId, index: selected };
        if (current().get(SPAN_PARAM) !== spanId) write(spanId);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [embedded, handle, navigate, page, queries, selected, worker]);
}
