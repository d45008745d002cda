// Installs Debian packages the tests need (Chromium, nginx) when they are missing: only as root
// with apt-get available, the way these machines are set up. Never downloads anything else.
import { execSync } from 'node:child_process';

function canRun(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tries each alternative in turn (`[['nginx-light'], ['nginx']]`); returns false without trying
 * when this process cannot install packages. Failures are left to the caller to report.
 */
export function aptInstall(alternatives) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !canRun('apt-get')) return false;
  const install = alternatives
    .map(
      (packages) => `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
    )
    .join(' || ');
  try {
    execSync(`apt-get update -qq && (${install})`, { stdio: 'inherit', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}
