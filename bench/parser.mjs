/**
 * `node bench/parser.mjs`: the worker's parse path alone in Node, on the bench's own trace files
 * (run `npm run bench` once to generate them). The streaming parser is bundled from the sources
 * (rolldown, as the app's build does) and fed the body in 64 KiB chunks, like a fetch body; the
 * time of push (scan + span reading) and of finish (tree build) is printed separately.
 *
 * A/B on a shared machine: `--bundle=path` writes the current sources' bundle there and exits;
 * `--ab=a.mjs,b.mjs` alternates runs of two such bundles in one process and prints each one's best
 * and median. Options: --size=10k|100k|1m, --format=otlp|v1, --runs=N, --chunk=BYTES,
 * --reference (the JSON.parse path instead of the byte reader).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { watPlugin } from '../scripts/wat-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const traceDir = join(root, 'node_modules', '.cache', 'cairn-bench', 'traces');
const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? 'true'];
  }),
);

async function bundle(out) {
  await build({
    input: join(root, 'src', 'model', 'stream', 'streaming-parser.ts'),
    output: { file: out, format: 'esm', minify: args.minify !== 'false' },
    logLevel: 'silent',
    plugins: [watPlugin()],
  });
  return out;
}

function traceFile(size, format) {
  const id = 'bea1' + String(SIZES[size]).padStart(28, '0');
  const name = readdirSync(traceDir).find((f) => f.startsWith(id) && f.endsWith(`.${format}.json`));
  if (!name) throw new Error(`No ${size} ${format} trace in ${traceDir}: run npm run bench once`);
  return join(traceDir, name);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (args.bundle) {
    console.log(`bundled: ${await bundle(resolve(args.bundle))}`);
    return;
  }
  const size = args.size ?? '100k';
  const format = args.format ?? 'otlp';
  const chunkBytes = Number(args.chunk ?? 65_536);
  const whole = new Uint8Array(readFileSync(traceFile(size, format)));
  const chunks = [];
  for (let i = 0; i < whole.length; i += chunkBytes)
    chunks.push(whole.slice(i, Math.min(whole.length, i + chunkBytes)));
  const paths = args.ab
    ? args.ab.split(',').map((p) => resolve(p))
    : [await bundle(join(root, 'node_modules', '.cache', 'cairn-bench', 'parser-current.mjs'))];
  const parsers = await Promise.all(paths.map((p) => import(pathToFileURL(p).href)));
  const runs = Number(args.runs ?? (size === '10k' ? 20 : 6));
  const byteReading = args.reference !== 'true';
  const times = paths.map(() => ({ total: [], push: [], finish: [], cpu: [] }));
  const loadBefore = loadavg()[0];
  for (let run = 0; run < runs; run++) {
    for (let p = 0; p < parsers.length; p++) {
      const parser = parsers[p].createStreamingParser({ byteReading });
      // CPU time (this process, GC threads included) says more than wall time on a busy machine.
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (const chunk of chunks) parser.push(chunk);
      const t1 = performance.now();
      const result = parser.finish();
      const t2 = performance.now();
      const cpu = process.cpuUsage(cpu0);
      times[p].cpu.push((cpu.user + cpu.system) / 1000);
      const spans = result.traces[0]?.trace.spanCount ?? 0;
      if (spans !== SIZES[size]) throw new Error(`${paths[p]}: ${spans} spans`);
      times[p].total.push(t2 - t0);
      times[p].push.push(t1 - t0);
      times[p].finish.push(t2 - t1);
    }
  }
  const mb = whole.length / 1e6;
  console.log(
    `${size} ${format}${byteReading ? '' : ' (reference)'}, ${mb.toFixed(1)} MB, ${chunkBytes} B chunks, ` +
      `${runs} runs, load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
  );
  paths.forEach((path, p) => {
    const t = times[p];
    const best = Math.min(...t.total);
    // The first run is cold (a fresh worker's parse is, on every page load): printed apart.
    console.log(
      `${path.split('/').pop()}: first (cold) ${t.total[0].toFixed(0)} ms, CPU ${t.cpu[0].toFixed(0)} ms; best ${best.toFixed(0)} ms (${(mb / (best / 1000)).toFixed(0)} MB/s), ` +
        `median ${median(t.total).toFixed(0)} ms; push median ${median(t.push).toFixed(0)} ms ` +
        `(best ${Math.min(...t.push).toFixed(0)}), finish median ${median(t.finish).toFixed(0)} ms; ` +
        `CPU median ${median(t.cpu).toFixed(0)} ms (best ${Math.min(...t.cpu).toFixed(0)})`,
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
