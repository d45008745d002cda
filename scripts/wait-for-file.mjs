// Waits (up to 3 minutes) for a file another process is building, e.g. the e2e bundle.
import { existsSync } from 'node:fs';

const file = process.argv[2];
const deadline = Date.now() + 180_000;
while (!existsSync(file)) {
  if (Date.now() > deadline) {
    console.error(`timed out waiting for ${file}`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
