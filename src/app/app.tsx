import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { BrowserRouter, useRoutes } from 'react-router';
import type { JaegerClient } from '../api/types';
import { JaegerClientProvider } from '../api/client-context';
import type { UiSettings } from '../api/ui-config';
import { UiSettingsProvider } from '../api/ui-settings-context';
import { appRoutes } from './routes';
import { routerBasename } from './base-path';
import { EmbedProvider } from '../ui/embed-context';
import { readEmbedState } from '../ui/embed-params';
import { traceWorkerClient } from '../worker/trace-worker-client';
import { TraceWorkerProvider } from '../worker/trace-worker-context';

interface Props {
  readonly client: JaegerClient;
  readonly settings: UiSettings;
  readonly basePath: string;
  readonly demo: boolean;
}

export function App({ client, settings, basePath, demo }: Props) {
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          // Errors are shown with a Retry button; silent automatic retries would only delay them.
          queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
        },
      }),
    [],
  );
  // Read once, from the URL the app started with: in-app navigation inside a frame stays embedded.
  const [embed] = useState(() => readEmbedState(window.location.search));
  return (
    <QueryClientProvider client={queryClient}>
      <JaegerClientProvider client={client}>
        {/* The one the start-up began a trace load with (prefetch.ts), so the page adopts it. */}
        <TraceWorkerProvider client={traceWorkerClient()}>
          <UiSettingsProvider settings={settings}>
            <EmbedProvider state={embed}>
              <BrowserRouter basename={routerBasename(basePath)}>
                <AppRoutes demo={demo} />
              </BrowserRouter>
            </EmbedProvider>
          </UiSettingsProvider>
        </TraceWorkerProvider>
      </JaegerClientProvider>
    </QueryClientProvider>
  );
}

/**
 * Declarative routing: Cairn uses none of the data router's loaders, actions or fetchers, and
 * without createBrowserRouter the entry chunk is 54 KB smaller.
 */
function AppRoutes({ demo }: { readonly demo: boolean }) {
  const routes = useMemo(() => appRoutes(demo), [demo]);
  return useRoutes(routes);
}
