/**
 * Runs deploy/nginx as it is, on this machine, for the tests: the files are copied into a
 * temporary nginx prefix with only their host-specific values substituted (port, bundle directory,
 * jaeger-query's address, /etc/nginx and /tmp paths, who may frame Cairn), so what is tested is
 * what operators deploy. nginx runs in the foreground as the current user (`daemon off`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNginx, NGINX_MISSING } from '../scripts/ensure-nginx.mjs';

export const DEPLOY_NGINX = fileURLToPath(new URL('./nginx/', import.meta.url));

export interface NginxSite {
  /** `cairn.conf` (at /) or `cairn-subpath.conf` (under /jaeger/). */
  readonly file: 'cairn.conf' | 'cairn-subpath.conf';
  readonly port: number;
  /** host:port standing in for jaeger-query:16686. */
  readonly api: string;
}

export interface NginxOptions {
  readonly sites: readonly NginxSite[];
  /** The built bundle (with csp.nginx.conf), standing in for /usr/share/nginx/html. */
  readonly dist: string;
  /** The value of $cairn_frame_ancestors; the shipped default when absent. */
  readonly frameAncestors?: string;
}

export function nginxBinary(): string {
  const binary = ensureNginx();
  if (!binary) throw new Error(NGINX_MISSING);
  return binary;
}

const MIME_FALLBACK = `types {
  text/html html;
  text/css css;
  text/javascript js;
  application/json json map;
  image/svg+xml svg;
}
`;

/** Writes the prefix; returns the path of its nginx.conf. */
export function renderNginx(options: NginxOptions): { prefix: string; conf: string } {
  const prefix = mkdtempSync(join(tmpdir(), 'cairn-nginx-'));
  const dist = resolve(options.dist);
  for (const dir of ['conf.d', 'cairn', 'tmp', 'logs']) mkdirSync(join(prefix, dir));
  // One pass, so a replacement (the prefix is itself under /tmp) is never replaced again.
  const replacements: Record<string, string> = {
    '/etc/nginx/': `${prefix}/`,
    '/usr/share/nginx/html': dist,
    '/tmp/': `${prefix}/tmp/`,
    '/dev/stdout': `${prefix}/logs/access.log`,
  };
  const paths = (text: string) =>
    text.replace(/\/etc\/nginx\/|\/usr\/share\/nginx\/html|\/tmp\/|\/dev\/stdout/g, (path) =>
      String(replacements[path]),
    );
  const read = (file: string) => readFileSync(join(DEPLOY_NGINX, file), 'utf8');
  // Started as root (CI), nginx runs its workers as `nobody`, who cannot read a bundle under a
  // private folder (a clone in `mktemp -d` is 0700): the workers run as the starting user then.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    (asRoot ? 'user root;\n' : '') + paths(read('nginx.conf')),
  );
  writeFileSync(join(prefix, 'cairn/security-headers.conf'), paths(read('security-headers.conf')));
  copyFileSync(join(dist, 'csp.nginx.conf'), join(prefix, 'cairn/csp.nginx.conf'));
  if (existsSync('/etc/nginx/mime.types')) {
    copyFileSync('/etc/nginx/mime.types', join(prefix, 'mime.types'));
  } else writeFileSync(join(prefix, 'mime.types'), MIME_FALLBACK);
  for (const site of options.sites) {
    let text = paths(read(site.file))
      .replace('listen 8080;', `listen 127.0.0.1:${site.port};`)
      .replaceAll('jaeger-query:16686', site.api);
    if (options.frameAncestors !== undefined) {
      text = text.replace(
        `set $cairn_frame_ancestors "'self'";`,
        `set $cairn_frame_ancestors "${options.frameAncestors}";`,
      );
    }
    writeFileSync(join(prefix, 'conf.d', `${site.port}-${site.file}`), text);
  }
  return { prefix, conf: join(prefix, 'nginx.conf') };
}

const nginxArgs = (prefix: string, conf: string) => [
  '-p',
  `${prefix}/`,
  '-c',
  conf,
  '-e',
  'stderr',
];

/** `nginx -t` on a rendered prefix: exit code and what nginx said. */
export function testNginxConfig(prefix: string, conf: string): { ok: boolean; output: string } {
  const result = spawnSync(nginxBinary(), ['-t', ...nginxArgs(prefix, conf)], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export interface RunningNginx {
  readonly prefix: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground; resolves once every site's port answers. */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const { prefix, conf } = renderNginx(options);
  const child: ChildProcess = spawn(
    nginxBinary(),
    [...nginxArgs(prefix, conf), '-g', 'daemon off;'],
    { stdio: 'pipe' },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 15_000;
  for (const site of options.sites) {
    for (;;) {
      try {
        await fetch(`http://127.0.0.1:${site.port}/`, { signal: AbortSignal.timeout(1_000) });
        break;
      } catch {
        if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${output}`);
        if (Date.now() > deadline) {
          child.kill();
          throw new Error(`nginx did not answer on ${site.port}: ${output}`);
        }
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  }
  return {
    prefix,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await exited;
      }
    },
  };
}
