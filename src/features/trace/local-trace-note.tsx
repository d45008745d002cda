import { useKeptInBrowser } from './use-file-restore';

/** Where a trace opened from a file lives, and so where its links work. */
export function LocalTraceNote({ traceId }: { readonly traceId: string }) {
  const kept = useKeptInBrowser(traceId, true);
  return (
    <p className="trace-local-note" role="note">
      {kept
        ? 'Opened from a file, kept in this browser: this page and its links (Copy link) work here after a reload too, not in other browsers. "Forget" under Recent files on the search page removes it.'
        : 'Opened from a file: this trace lives in this browser tab only. Its links (Copy link) work in this tab; a reload or another browser will not find it.'}
    </p>
  );
}
