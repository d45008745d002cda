import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';

const features = ['search', 'trace', 'compare', 'dependencies'];

/**
 * Import direction (DESIGN.md §2): app → features → (ui, api, worker client, model); worker → model
 * (and api's plain HTTP helpers, see docs/adr/0003); model imports nothing of the app; a feature
 * never imports another feature.
 */
const layerZones = [
  { target: './src/model', from: ['./src/app', './src/api', './src/worker', './src/features', './src/ui', './src/mocks'], message: 'model/ is pure: it imports nothing from the app.' },
  { target: './src/worker', from: ['./src/app', './src/features', './src/ui', './src/mocks'], message: 'The worker imports model/ (and api/ HTTP helpers) only.' },
  { target: './src/api', from: ['./src/app', './src/features', './src/ui', './src/worker'], message: 'api/ sits below features.' },
  { target: './src/ui', from: ['./src/app', './src/features', './src/api', './src/mocks'], message: 'ui/ is presentational: no data fetching, no features.' },
  { target: './src/features', from: ['./src/app', './src/mocks'], message: 'Features do not import the app shell or the demo backend.' },
  { target: './src/mocks', from: ['./src/app', './src/features', './src/ui', './src/worker'], message: 'The demo backend only uses model/ and api/ types.' },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: features.filter((other) => other !== feature).map((other) => `./src/features/${other}`),
    message: 'A feature never imports another feature; move what they share to model/ or ui/.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'public', 'playwright-report', 'test-results', 'coverage', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Cairn does not use the React Compiler; this rule only reports that the compiler would skip
      // components using TanStack Virtual, which is expected and harmless without it.
      'react-hooks/incompatible-library': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Trace data is hostile: never inject HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Trace data is hostile: never inject HTML.' },
      ],
    },
  },
  {
    files: ['e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
