import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useJaegerClient } from '../../../api/client-context';
import { useUiSettings } from '../../../api/ui-settings-context';
import { failureDetails } from '../../../ui/error-panel';
import { isLocalHandle } from '../../../worker/local-trace-registry';
import { compileLinkPatterns, resolveLinks } from '../details/link-patterns';
import { PatternLinks } from '../details/pattern-links';

interface TraceIdentity {
  readonly handle: number;
  readonly traceId: string;
  /** µs since the epoch. */
  readonly startTime: number;
  readonly duration: number;
}

const NO_VALUES: ReadonlyMap<string, string> = new Map();

/**
 * What can be done with the whole trace: the operator's `traces` link patterns ("open the logs
 * for this trace") and, where the backend has archive storage, Archive.
 */
export function TraceActions({ trace }: { readonly trace: TraceIdentity }) {
  const { config, capabilities } = useUiSettings();
  const links = useMemo(
    () =>
      resolveLinks(compileLinkPatterns(config.linkPatterns), 'traces', undefined, {
        values: NO_VALUES,
        traceId: trace.traceId,
        traceStart: trace.startTime,
        traceDuration: trace.duration,
      }),
    [config.linkPatterns, trace.traceId, trace.startTime, trace.duration],
  );
  // A trace opened from a file is not in the backend: there is nothing to archive.
  const canArchive =
    config.archiveEnabled && capabilities.archiveStorage && !isLocalHandle(trace.handle);
  return (
    <div className="trace-head__actions">
      <PatternLinks links={links} />
      {canArchive && <ArchiveButton traceId={trace.traceId} />}
    </div>
  );
}

function ArchiveButton({ traceId }: { readonly traceId: string }) {
  const client = useJaegerClient();
  const archive = useMutation({
    mutationFn: () => {
      if (!client.archive) throw new Error('This Jaeger API has no archive endpoint.');
      return client.archive(traceId);
    },
  });
  const failure = archive.isError ? failureDetails(archive.error) : undefined;
  return (
    <span className="trace-archive">
      <button
        type="button"
        onClick={() => archive.mutate()}
        disabled={archive.isPending || archive.isSuccess}
      >
        {archive.isPending ? 'Archiving…' : archive.isSuccess ? 'Archived' : 'Archive'}
      </button>
      <span role="status" className="trace-archive__status">
        {archive.isSuccess && 'Saved to archive storage.'}
        {failure &&
          `Archive failed${failure.status ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`}
      </span>
    </span>
  );
}
