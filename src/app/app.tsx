import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { JaegerClient } from '../api/types';
import { JaegerClientProvider } from '../api/client-context';
import { appRoutes } from './routes';
import { routerBasename } from './base-path';

interface Props {
  readonly client: JaegerClient;
  readonly basePath: string;
  readonly demo: boolean;
}

export function App({ client, basePath, demo }: Props) {
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
  const router = useMemo(
    () => createBrowserRouter(appRoutes(demo), { basename: routerBasename(basePath) }),
    [basePath, demo],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <JaegerClientProvider client={client}>
        <RouterProvider router={router} />
      </JaegerClientProvider>
    </QueryClientProvider>
  );
}
