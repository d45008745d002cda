/**
 * Starts the stand-in servers the production-bundle tests need (jaeger-query's UI handler, a
 * static ingress) as child processes, each with its own configuration, and stops them after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** The production bundle, built once by playwright.config.ts's first web server. */
export const PROD_DIST = `${process.env.E2E_OUT_DIR ?? 'dist-e2e'}-prod`;
// Each parallel worker process counts from its own block of 200, so two never pick one port.
const firstPort =
  Number(process.env.E2E_PORT ?? 4173) + 20 + 200 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);
let nextPort = firstPort;

/** A port of this run's own range (E2E_PORT + 20 and up), never two servers on one. */
export const freePort = (): number => nextPort++;

export interface RunningServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1_000), redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `node <script> …args` and resolves once `url` answers; rejects if the process exits. */
export async function startNodeServer(
  script: string,
  args: readonly string[],
  url: string,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null) throw new Error(`${script} exited ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${script} did not answer at ${url}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill();
        await exited;
      }
    },
  };
}

/** Runs a server that is expected to refuse to start; resolves with its exit code and output. */
export async function runToExit(
  script: string,
  args: readonly string[],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [script, ...args], { stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

export interface StandInOptions {
  readonly basePath?: string;
  readonly uiConfig?: string;
  readonly flags?: readonly string[];
}

/** jaeger-query's UI handler (scripts/jaeger-query-standin.mjs) serving the production bundle. */
export function startJaegerQuery(options: StandInOptions = {}): Promise<RunningServer> {
  const port = freePort();
  const base = options.basePath ?? '';
  const args = ['--assets', PROD_DIST, '--port', String(port)];
  if (base) args.push('--base-path', base);
  if (options.uiConfig) args.push('--ui-config', options.uiConfig);
  args.push(...(options.flags ?? []));
  return startNodeServer(
    'scripts/jaeger-query-standin.mjs',
    args,
    `http://127.0.0.1:${port}${base}/`,
  );
}

/** A plain static ingress (scripts/serve-static.mjs) with the demo API behind `/api`. */
export function startIngress(dir: string, base = '/'): Promise<RunningServer> {
  const port = freePort();
  return startNodeServer(
    'scripts/serve-static.mjs',
    [dir, '--port', String(port), '--base', base, '--api', 'demo'],
    `http://127.0.0.1:${port}${base}`,
  );
}
