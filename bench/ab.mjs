/**
 * First rows of two (or more) builds, load by load in turn, in one browser no DevTools agent
 * watches (quiet-loads.mjs): the way to compare code on a machine whose speed drifts by a third
 * from one half hour to the next (docs/benchmarks.md, "Reading the numbers").
 *
 * Usage: node bench/ab.mjs --dists=<distA>,<distB> [--size=10k|100k|1m|<spans>] [--rounds=6]
 *        [--profile=realistic|light] [--gzip]
 * Build each version first: `CAIRN_DEMO=0 npx vite build --outDir <dist> --emptyOutDir`.
 * Prints each load (first rows, the worker's parse CPU, the load's longest task, the steps of
 * docs/benchmarks.md's breakdown) and each build's median and range. Order: A B, then B A, ….
 */
import { loadavg } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigTraceId, parseArgs, profileOf } from './bench-args.mjs';
import { FIRST_ROW_MESSAGE, installProbes, readLoad } from './page-probes.mjs';
import { launchQuietChromium, quietLoad } from './quiet-loads.mjs';
import { startBenchServer } from './server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = parseArgs(process.argv.slice(2));
const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
// A named size, or any span count (the generator makes it on first use).
const size = SIZES[args.size ?? '100k'] ?? (Number(args.size) > 0 ? Number(args.size) : undefined);
const dists = (args.dists ?? '').split(',').filter(Boolean);
if (size === undefined || dists.length < 2) {
  console.error('Usage: node bench/ab.mjs --dists=<distA>,<distB> [--size=10k|100k|1m] …');
  process.exit(2);
}
const rounds = Number(args.rounds ?? '6');
const traceId = bigTraceId(profileOf(args), size);
const cacheDir = join(root, 'node_modules', '.cache', 'cairn-bench', 'traces');

/** Each step's time after the one before it (the worker's marks, docs/benchmarks.md). */
const STEPS = [
  'cairn:trace-load-start',
  'cairn:worker-requested',
  'cairn:worker-headers',
  'cairn:worker-firstChunk',
  'cairn:worker-lastChunk',
  'cairn:worker-built',
  'cairn:worker-posted',
  'cairn:trace-loaded',
];
const stepsOf = (marks) =>
  STEPS.map((name, k) =>
    Math.round((marks[name] ?? 0) - (k === 0 ? 0 : (marks[STEPS[k - 1]] ?? 0))),
  ).join(' / ');

const servers = [];
for (const dist of dists) {
  const distDir = isAbsolute(dist) ? dist : resolve(dist);
  const server = await startBenchServer({
    root,
    distDir,
    cacheDir,
    bigTraceIds: [traceId],
    gzip: args.gzip === 'true',
  });
  // A real Jaeger answers from warm caches; the demo API builds its store on the first request.
  await fetch(`${server.url}api/v3/services`).then((response) => response.arrayBuffer());
  servers.push(server);
}
const browser = await launchQuietChromium(process.env.CHROMIUM_PATH);
const results = dists.map(() => []);
console.log(`${traceId}, ${rounds} rounds, load average ${loadavg()[0].toFixed(2)}`);
console.log(
  'steps: load start / to the worker / headers / first chunk / download / tree build / posted / page has them',
);
try {
  // One unmeasured load: a fresh browser's first page also pays for its own start.
  await loadOnce(servers[0]);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? servers.keys() : [...servers.keys()].reverse();
    for (const k of order) {
      const load = await loadOnce(servers[k]);
      results[k].push(load);
      console.log(
        `${dists[k]}: first rows ${Math.round(load.firstRowsMs)} ms, parse ${Math.round(load.parseMs)} ms, longest task ${Math.round(load.longestTaskMs)} ms; steps ${stepsOf(load.marks)}`,
      );
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
for (const [k, dist] of dists.entries()) {
  const sorted = (pick) => results[k].map(pick).sort((a, b) => a - b);
  const median = (values) => Math.round(values[Math.floor(values.length / 2)] ?? 0);
  const rows = sorted((load) => load.firstRowsMs);
  const longest = sorted((load) => load.longestTaskMs);
  console.log(
    `${dist}: first rows median ${median(rows)} ms (${Math.round(rows[0] ?? 0)}–${Math.round(rows.at(-1) ?? 0)}), longest task median ${median(longest)} ms`,
  );
}
console.log(`load average ${loadavg()[0].toFixed(2)}`);

function loadOnce(server) {
  return quietLoad(browser, {
    url: `${server.url}trace/${traceId}`,
    initScript: `(${installProbes})(${JSON.stringify(FIRST_ROW_MESSAGE)})`,
    doneMessage: FIRST_ROW_MESSAGE,
    readResult: String(readLoad),
    timeoutMs: 180_000,
  });
}
