// The demo backend (src/mocks/node-server.ts) as a Node middleware, loaded from its TypeScript
// sources through Vite's SSR loader so no TS runner is needed. Used by the stand-in servers that
// play a real Jaeger for the production bundle's browser tests.
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `(req, res, next) => Promise<void>` answering `/api/*` like a Jaeger 2.x query service. */
export async function loadDemoApi() {
  const vite = await createViteServer({
    root,
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const { demoMiddleware } = await vite.ssrLoadModule('/src/mocks/node-server.ts');
  return { middleware: demoMiddleware, close: () => vite.close() };
}
