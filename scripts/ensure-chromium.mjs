// Browser tests use Debian's Chromium (browser downloads are not possible on these machines).
// Installs it with apt-get when we can (root, apt available); otherwise says exactly how.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  console.log(`Chromium not found at ${CHROMIUM}; installing Debian's chromium package if we can…`);
  aptInstall([['chromium']]);
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
