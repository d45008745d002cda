/**
 * What Cairn starts before React and the app's own modules are evaluated. main.tsx imports this
 * module first, so it runs at the start of the bundle's evaluation rather than after it:
 * - the trace worker is created ~40 ms sooner on a trace link; it takes 60-110 ms to come up on
 *   a busy 2-core machine (browser round trips, a new isolate, its script), and the trace's
 *   download waited for it;
 * - the trace's download (the compare page's traces') starts with the worker, from the v3 API,
 *   while the API probe runs and React renders the page, instead of from the page's effect.
 */
import type { JaegerClient } from '../api/types';
import type { UiSettings } from '../api/ui-config';
import { loadUiSettings } from './injected-settings';
import { detectClient } from '../api/detect-client';
import { JaegerV3Client } from '../api/v3-client';
import { basePathFromDocument } from './base-path';
import { preferenceStorage } from '../ui/safe-storage';
import { prewarmTraceWorker, startEarlyLoadsForRoute } from './prefetch';

export interface Boot {
  readonly basePath: string;
  /** The page's path relative to the base, e.g. `/trace/abc`. */
  readonly route: string;
  /** Whether the in-browser demo backend serves the API. */
  readonly demo: boolean;
  /** The API client, once the demo backend (if any) runs and the API version is known. */
  readonly client: Promise<JaegerClient>;
  /** Jaeger UI's configuration, capabilities and version (injected, or config.json). */
  readonly settings: Promise<UiSettings>;
}

function bootstrap(): Boot {
  // Tells index.html's watchdog that the bundle runs (it reports an unknown path otherwise).
  document.documentElement.setAttribute('data-cairn-started', '');
  const basePath = basePathFromDocument();
  const route = window.location.pathname.slice(basePath.length - 1);
  // A demo build can be pointed at the same-origin API instead (`localStorage['cairn.demo'] =
  // 'off'`); the failure-state browser tests use this to serve their own responses.
  const demo = __CAIRN_DEMO__ && preferenceStorage.getItem('cairn.demo') !== 'off';
  const startBackendWork = (): Promise<JaegerClient> => {
    // Synchronous without the demo backend: a promise callback would only run after the whole
    // bundle has been evaluated, which is what this module is here to avoid.
    prewarmTraceWorker(route);
    performance.mark('cairn:backend-ready');
    // The probe in a task of its own: the bundle's evaluation is a long task already (35-55 ms),
    // and the worker, not the probe's answer, is what the trace's download waits for.
    const client = new Promise<JaegerClient>((resolve) =>
      setTimeout(() => resolve(detectClient(basePath)), 0),
    );
    startEarlyLoadsForRoute(route, window.location.search, new JaegerV3Client(basePath), client);
    return client;
  };
  const client = demo
    ? // The demo backend is its own chunk, loaded only in demo builds' code path.
      import('../mocks/browser')
        .then(({ startDemoBackend }) => startDemoBackend())
        .then(startBackendWork)
    : startBackendWork();
  // In parallel with the API probe: at most one small request (config.json), none under jaeger-query.
  // The demo backend has every storage a Jaeger can have, so its pages all show.
  const settings = loadUiSettings().then((loaded) =>
    demo
      ? {
          ...loaded,
          capabilities: {
            archiveStorage: true,
            metricsStorage: true,
            searchWithoutServiceName: true,
          },
        }
      : loaded,
  );
  return { basePath, route, demo, client, settings };
}

export const boot: Boot = bootstrap();
