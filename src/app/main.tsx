import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectClient } from '../api/detect-client';
import { App } from './app';
import { basePathFromDocument } from './base-path';
import './theme.css';
import { applyTheme, loadThemeChoice } from './theme';
import { prewarmTraceWorker } from './prefetch';
import { preloadPageFor } from './routes';

async function start(): Promise<void> {
  applyTheme(loadThemeChoice());
  const basePath = basePathFromDocument();
  // Overlap the page's code and the trace worker with backend start-up and API detection: on a
  // trace link those are otherwise paid one after the other before the first row can show.
  const route = window.location.pathname.slice(basePath.length - 1);
  const pageCode = preloadPageFor(route);
  // A demo build can be pointed at the same-origin API instead (`localStorage['cairn.demo'] = 'off'`);
  // the failure-state browser tests use this to serve their own responses.
  const demo = __CAIRN_DEMO__ && localStorage.getItem('cairn.demo') !== 'off';
  if (demo) {
    // The demo backend is loaded only in demo builds' code path, as its own chunk.
    const { startDemoBackend } = await import('../mocks/browser');
    await startDemoBackend();
  }
  prewarmTraceWorker(route);
  performance.mark('cairn:backend-ready');
  // The page's code was loading all along; with both in, the first render does not suspend.
  const [client] = await Promise.all([detectClient(basePath), pageCode.catch(() => undefined)]);
  // Start-up marks: the bench splits "first rows" into these steps (DevTools shows them too).
  performance.mark('cairn:client-ready');
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  const root = createRoot(rootElement);
  // A transition: the first render (router, shell, the page's loading state) runs in slices
  // instead of one 30-60 ms task on a 2-core machine.
  startTransition(() =>
    root.render(
      <StrictMode>
        <App client={client} basePath={basePath} demo={demo} />
      </StrictMode>,
    ),
  );
}

// Its own task: the bundle's evaluation (React and the app's modules) is one long task already,
// and the preloads, the worker and the API probe started here would add ~15 ms to it.
setTimeout(() => void start(), 0);
