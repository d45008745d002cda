import { useState } from 'react';
import { useTraceWorker } from '../../../../worker/trace-worker-context';
import { formatCount } from '../../../../ui/format-count';

interface JsonDownloadProps {
  readonly handle: number;
  readonly traceId: string;
  readonly spanCount: number;
}

/**
 * "Download JSON": the trace in Jaeger's `{"data":[trace]}` format, which Jaeger UI and Cairn
 * open. The worker assembles it as a Blob of parts (worker/export-json.ts), so neither thread ever
 * builds one string of the whole trace; the browser saves it through an object URL.
 */
export function JsonDownload({ handle, traceId, spanCount }: JsonDownloadProps) {
  const [state, setState] = useState<'idle' | 'busy' | { error: string }>('idle');
  const worker = useTraceWorker();
  const download = async () => {
    setState('busy');
    try {
      const blob = await worker.exportJson(handle);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `trace-${traceId}.json`;
      link.click();
      // The click has started the download; the URL is not needed after this task.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState('idle');
    } catch (failure) {
      setState({ error: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void download()}
        disabled={state === 'busy'}
        title="The whole trace in Jaeger's JSON format (opens in Jaeger UI and in Cairn)"
      >
        {state === 'busy' ? `Preparing ${formatCount(spanCount)} spans…` : 'Download JSON'}
      </button>
      {typeof state === 'object' ? <span role="alert">Download failed: {state.error}</span> : null}
    </>
  );
}
