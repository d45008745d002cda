import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const features = ['search', 'trace', 'compare', 'dependencies', 'deep-dependencies', 'monitor'];

/**
 * Import direction (DESIGN.md §2): app → features → (ui, api, worker client, model); worker → model
 * (and api's plain HTTP helpers, see docs/adr/0003); model imports nothing of the app; a feature
 * never imports another feature. Enforced with ESLint's own no-restricted-imports on relative
 * paths (imports are relative; there are no path aliases), one block per layer.
 */
const forbidden = {
  model: {
    layers: ['app', 'api', 'worker', 'features', 'ui', 'mocks'],
    why: 'model/ is pure: it imports nothing from the app.',
  },
  worker: {
    layers: ['app', 'features', 'ui', 'mocks'],
    why: 'The worker imports model/ (and api/ HTTP helpers) only.',
  },
  api: { layers: ['app', 'features', 'ui', 'worker'], why: 'api/ sits below features.' },
  ui: {
    layers: ['app', 'features', 'api', 'mocks'],
    why: 'ui/ is presentational: no data fetching, no features.',
  },
  features: {
    layers: ['app', 'mocks'],
    why: 'Features do not import the app shell or the demo backend.',
  },
  mocks: {
    layers: ['app', 'features', 'ui', 'worker'],
    why: 'The demo backend only uses model/ and api/.',
  },
};
/**
 * Packages a layer may not import, beside the folders above: model/ runs in the worker and in
 * Node tests, so no UI framework, no state store, no DOM-bound d3 module (d3-scale, d3-array and
 * dagre are pure and allowed). The worker may use api/'s fetch helpers only (docs/adr/0003).
 */
const packagePatterns = {
  model: [
    {
      group: [
        'react',
        'react/*',
        'react-dom',
        'react-dom/*',
        'react-router',
        'react-router/*',
        'zustand',
        'zustand/*',
        '@tanstack/*',
        'd3',
        'd3-selection',
        'd3-zoom',
        'd3-drag',
        'd3-brush',
        'd3-transition',
        'msw',
        'msw/*',
      ],
      message: 'model/ is pure TypeScript: no React, no state store, no DOM-bound package.',
    },
  ],
  worker: [
    {
      group: [
        '**/api/*',
        '!**/api/http',
        '!**/api/api-error',
        '!**/api/metrics-client',
        '!**/api/metrics-shapes',
      ],
      message: 'The worker imports only the api/ files docs/adr/0003 lists.',
    },
  ],
};
const layerBlocks = [
  ...Object.entries(forbidden).map(([layer, { layers: banned, why }]) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: banned.map((other) => `**/${other}/**`), message: why },
            ...(packagePatterns[layer] ?? []),
          ],
        },
      ],
    },
  })),
  {
    // Storage throws in a cross-origin frame with third-party storage blocked (embed mode): every
    // preference goes through ui/safe-storage.ts. The model block below restricts more there.
    files: ['src/{app,features,ui,api,worker}/**/*.{ts,tsx}'],
    ignores: [
      'src/ui/safe-storage.ts',
      // Per-tab ids in sessionStorage, every access inside try/catch (a blocked frame only loses
      // the "opened from a file" explanation after a reload); worker/ cannot import ui/.
      'src/worker/local-trace-registry.ts',
      'src/**/*.test.{ts,tsx}',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({
          name,
          message: 'Use preferenceStorage from src/ui/safe-storage.ts: storage may be blocked.',
        })),
      ],
    },
  },
  {
    // The model never touches the page; a worker has no `document`, and Node tests have neither.
    files: ['src/model/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage'].map(
          (name) => ({ name, message: 'model/ is pure: no DOM or page globals.' }),
        ),
      ],
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['app', 'mocks'].map((other) => `**/${other}/**`),
              message: forbidden.features.why,
            },
            {
              // Matches `../search/x`, `../../search/x` and `../../features/search/x` alike.
              group: features.filter((other) => other !== feature).map((other) => `**/${other}/**`),
              message:
                'A feature never imports another feature; move what they share to model/ or ui/.',
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public',
      'playwright-report',
      'test-results*',
      'coverage',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Cairn does not use the React Compiler; this rule only reports that the compiler would skip
      // components using TanStack Virtual, which is expected and harmless without it.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Trace data is hostile: never inject HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Trace data is hostile: never inject HTML.',
        },
      ],
    },
  },
  ...layerBlocks,
  {
    // A cycle makes module order matter (a value read before its module ran is undefined) and
    // usually means a concept lives in the wrong file. Type-only imports are erased, so they
    // cannot form a runtime cycle and are not counted.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Benchmarks measure model code on the demo generator's data; they never ship.
    files: ['src/**/*.bench.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
