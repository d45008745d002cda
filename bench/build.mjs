/** The production bundle (no MSW) the benchmarks serve with bench/server.mjs. */
import { spawnSync } from 'node:child_process';

export function buildApp(root, distDir) {
  console.log('Building the app (CAIRN_DEMO=0)…');
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CAIRN_DEMO: '0' } },
  );
  if (result.status !== 0) throw new Error('vite build failed');
}
