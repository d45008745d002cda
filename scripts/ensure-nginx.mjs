// The nginx tests (deploy/deploy.test.ts, e2e/nginx/) run the repo's own nginx config with a real
// nginx. Installs Debian's package when it is missing and we can (root, apt available); otherwise
// says exactly how. Run as a script by `npm test`; `findNginx()` is what the tests call.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './apt-install.mjs';

const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean);

export const NGINX_MISSING = [
  'nginx is needed for the nginx tests (deploy/ config, e2e/nginx) and was not found.',
  'Install it with:  sudo apt-get update && sudo apt-get install -y nginx-light  (or nginx),',
  'or point NGINX_PATH at an nginx binary.',
].join('\n');

/** The nginx binary, or undefined. */
export function findNginx() {
  return CANDIDATES.find((path) => existsSync(path));
}

/** Installs nginx if missing and possible; returns its path or undefined. */
export function ensureNginx() {
  if (findNginx()) return findNginx();
  console.log("nginx not found; installing Debian's nginx-light (or nginx) package if we can…");
  aptInstall([['nginx-light'], ['nginx']]);
  return findNginx();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!ensureNginx()) {
    console.error(NGINX_MISSING);
    process.exit(1);
  }
}
