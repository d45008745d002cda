import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectClient } from '../api/detect-client';
import { App } from './app';
import { basePathFromDocument } from './base-path';
import './theme.css';
import { applyTheme, loadThemeChoice } from './theme';

async function start(): Promise<void> {
  applyTheme(loadThemeChoice());
  const basePath = basePathFromDocument();
  if (__CAIRN_DEMO__) {
    // The demo backend is loaded only in demo builds' code path, as its own chunk.
    const { startDemoBackend } = await import('../mocks/browser');
    await startDemoBackend();
  }
  const client = await detectClient(basePath);
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  createRoot(rootElement).render(
    <StrictMode>
      <App client={client} basePath={basePath} demo={__CAIRN_DEMO__} />
    </StrictMode>,
  );
}

void start();
