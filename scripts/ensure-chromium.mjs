// Browser tests use Debian's Chromium (browser downloads are not possible on these machines).
// Installs it with apt-get when we can (root, apt available); otherwise says exactly how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function canRun(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && canRun('apt-get')) {
    console.log(`Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`);
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
        shell: '/bin/sh',
      },
    );
  }
  if (!existsSync(CHROMIUM)) {
    console.error(
      [
        `Chromium is needed for the browser tests and was not found at ${CHROMIUM}.`,
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium',
        'or point CHROMIUM_PATH at a Chromium/Chrome binary. (Do not run `npx playwright install`:',
        'browser downloads are not reachable from these machines.)',
      ].join('\n'),
    );
    process.exit(1);
  }
}
