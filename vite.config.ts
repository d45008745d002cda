/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './scripts/vite-plugin-csp.ts';
import { watPlugin } from './scripts/wat-plugin.mjs';

/**
 * Demo mode serves a deterministic Jaeger from MSW in the browser. The dev server (`npm start`)
 * runs it unless JAEGER_URL is set, in which case /api is proxied to that Jaeger. A build is the
 * production bundle (same-origin /api, no MSW, no demo chunk) unless CAIRN_DEMO=1 asks for the demo.
 */
const jaegerUrl = process.env.JAEGER_URL;
const packageVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const demoAsked = process.env.CAIRN_DEMO ? process.env.CAIRN_DEMO !== '0' : undefined;

/**
 * Serves MSW's service worker script from the installed package instead of committing a generated
 * copy: `/mockServiceWorker.js` in dev, and an emitted asset in demo builds.
 */
function mswWorkerScript(demo: boolean): Plugin {
  const file = fileURLToPath(
    new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
  );
  const name = 'mockServiceWorker.js';
  return {
    name: 'cairn-msw-worker',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.endsWith(`/${name}`)) return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      if (demo) this.emitFile({ type: 'asset', fileName: name, source: readFileSync(file) });
    },
  };
}

/**
 * React Router 7's package exports name only its development build (remix-run/react-router#14102),
 * so builds shipped its dev-only checks and warnings: a third of the entry chunk every page load
 * parses before its first paint. Builds take the production build beside it.
 */
const reactRouterProduction = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

const proxy = jaegerUrl ? { '/api': { target: jaegerUrl, changeOrigin: true } } : undefined;

export default defineConfig(({ command }) => {
  const demo = demoAsked ?? (command === 'serve' && !jaegerUrl);
  return {
    // Relative asset URLs: the same bundle works at `/` and under any sub-path (`<base href>`).
    base: './',
    plugins: [react(), mswWorkerScript(demo), cspPlugin(), watPlugin()],
    resolve: {
      alias:
        command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
    },
    define: {
      __CAIRN_DEMO__: JSON.stringify(demo),
      __CAIRN_VERSION__: JSON.stringify(packageVersion),
    },
    worker: { format: 'es', plugins: () => [watPlugin()] },
    // Pages, the worker and the demo backend are lazy chunks; without this list the dev server finds
    // their dependencies only on first visit, re-optimizes, and the in-flight import fails.
    optimizeDeps: {
      include: [
        'react',
        'react-dom/client',
        'react-router',
        '@tanstack/react-query',
        '@tanstack/react-virtual',
        'zustand',
        'd3',
        '@dagrejs/dagre',
        'd3-force',
        'msw',
        'msw/browser',
      ],
    },
    server: { port: Number(process.env.PORT ?? 5173), strictPort: true, proxy },
    preview: { port: Number(process.env.PORT ?? 4173), strictPort: true, proxy },
    build: {
      target: 'es2022',
      sourcemap: true,
      // jaeger-query serves files only under `static/` (everything else gets index.html), so the
      // bundle keeps every asset there; public/static/ holds the few files copied as they are.
      assetsDir: 'static',
    },
    test: {
      globals: true,
      restoreMocks: true,
      // Vitest runs files on one worker fewer than the cores: on the 2-core machines CI and the team
      // use that is one worker, and the suite took 3 min instead of 2 (the main process is idle).
      maxWorkers: availableParallelism(),
      // Two files at a time on 2 cores: a property test over 1M spans or 40 traces that takes 1.5 s
      // alone took 6 s beside another in CI, past the 5 s default.
      testTimeout: 30_000,
      // Files share a worker's modules and jsdom instead of getting fresh ones: setting up jsdom
      // took ~1.4 s a file, 90 of the unit run's 145 s. What a file must not inherit is reset
      // before each (src/test-setup.ts); tests that need a module's first state import it afresh.
      isolate: false,
      // Pure code runs in plain Node; only UI tests pay for a jsdom per file.
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            // A few of these render (a provider test); they opt into jsdom per file with a docblock.
            setupFiles: ['./src/test-setup.ts'],
            include: ['src/{model,api,mocks,worker}/**/*.test.{ts,tsx}'],
          },
        },
        {
          // The deployment artefacts (deploy/): manifests parse and line up, nginx -t passes; and
          // the repository's own checks (scripts/).
          extends: true,
          test: {
            name: 'deploy',
            environment: 'node',
            include: ['deploy/**/*.test.ts', 'scripts/**/*.test.mjs'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            setupFiles: ['./src/test-setup.ts'],
            include: ['src/{app,features,ui}/**/*.test.{ts,tsx}', 'src/*.test.{ts,tsx}'],
          },
        },
      ],
    },
  };
});
