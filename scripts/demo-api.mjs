// The demo backend (src/mocks/node-server.ts) as a Node middleware, loaded from its TypeScript
// sources through Vite's SSR loader so no TS runner is needed. Used by the stand-in servers that
// play a real Jaeger for the production bundle's browser tests.
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Loads TypeScript modules of the repo (paths from its root, e.g. `/src/mocks/x.ts`) in Node. */
export async function loadSourceModules(paths) {
  const vite = await createViteServer({
    root,
    logLevel: 'warn',
    // No WebSocket server: nothing reloads, and a second loader in the process (a bench serving
    // two builds) failed to bind its port.
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
    // A cache of its own: sharing the dev server's node_modules/.vite, these servers rewrote its
    // optimized deps while `npm start` ran, and its page then failed ("Outdated Optimize Dep").
    cacheDir: 'node_modules/.vite-node-loader',
  });
  const modules = await Promise.all(paths.map((path) => vite.ssrLoadModule(path)));
  return { modules, close: () => vite.close() };
}

/**
 * `(req, res, next) => Promise<void>` answering `/api/*` like a Jaeger 2.x query service.
 * `options` (src/mocks/demo-handler.ts, e.g. `{ traceCount: 3200 }`) builds a corpus of its own.
 */
export async function loadDemoApi(options) {
  const { modules, close } = await loadSourceModules(['/src/mocks/node-server.ts']);
  const [nodeServer] = modules;
  const middleware = options ? nodeServer.createDemoMiddleware(options) : nodeServer.demoMiddleware;
  return { middleware, close };
}
