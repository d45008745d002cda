/**
 * Demo mode in the browser: MSW's service worker answers `…/api/…` with the demo backend.
 * Jaeger 2.x (v3 + v1 routes) by default; `?api=v1` (remembered in localStorage `cairn.demoApi`)
 * hides /api/v3 so the app detects and exercises its v1 client. `?api=v3` switches back.
 */
import { http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import type { DemoApi } from './demo-handler';
import { createDemoHandler } from './demo-handler';

export const DEMO_API_KEY = 'cairn.demoApi';

/** The API flavour the demo serves, from the URL first, then from what was chosen before. */
export function demoApiChoice(href: string = location.href): DemoApi {
  const asked = new URL(href).searchParams.get('api');
  let chosen = asked === 'v1' || asked === 'v3' ? asked : null;
  try {
    if (chosen) localStorage.setItem(DEMO_API_KEY, chosen);
    else chosen = localStorage.getItem(DEMO_API_KEY) === 'v1' ? 'v1' : 'v3';
  } catch {
    // Storage can be disabled (privacy mode); the URL choice still applies to this page.
  }
  return chosen === 'v1' ? 'v1' : 'both';
}

/** Registers the service worker and starts answering; resolves once requests are intercepted. */
export async function startDemoBackend(): Promise<void> {
  const handle = createDemoHandler({ api: demoApiChoice() });
  // Only the API under the document base: a looser `*/api/*` would also swallow the dev server's
  // source modules (`/src/api/queries.ts`) and answer them 404.
  const apiRoot = new URL('api/', document.baseURI).href;
  const worker = setupWorker(
    http.all(`${apiRoot}*`, async ({ request }) => (await handle(request)) ?? passthrough()),
  );
  await worker.start({
    // Relative to the document base so the demo also works when served under a sub-path.
    serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
