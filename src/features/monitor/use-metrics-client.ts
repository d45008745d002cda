import { useMemo } from 'react';
import { apiBaseFromDocument } from '../../api/http';
import { MetricsClient } from '../../api/metrics-client';
import { useProvidedMetricsClient } from '../../api/metrics-client-context';
import { fetchSeriesInWorker } from '../../worker/metrics-worker-client';

/** The provided client, or one for the document's base path whose requests run in a worker. */
export function useMetricsClient(): MetricsClient {
  const provided = useProvidedMetricsClient();
  return useMemo(
    () => provided ?? new MetricsClient(apiBaseFromDocument(), { transport: fetchSeriesInWorker }),
    [provided],
  );
}
