// First: starts the worker, the API probe and the trace's download before the rest is evaluated.
import { boot } from './boot';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './theme.css';
import { applyTheme, loadThemeChoice } from './theme';
import { preloadPageFor } from './routes';

async function start(): Promise<void> {
  applyTheme(loadThemeChoice());
  // The page's code loads while the backend starts and the API is detected: on a trace link those
  // are otherwise paid one after the other before the first row can show.
  const pageCode = preloadPageFor(boot.route);
  // With both in, the first render does not suspend.
  const [client, settings] = await Promise.all([
    boot.client,
    boot.settings,
    pageCode.catch(() => undefined),
  ]);
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
        <App client={client} settings={settings} basePath={boot.basePath} demo={boot.demo} />
      </StrictMode>,
    ),
  );
}

// Its own task: the bundle's evaluation (React and the app's modules) is one long task already,
// and the page preloads started here (link elements, ~5-12 ms) would add to it.
setTimeout(() => void start(), 0);
