/**
 * What the benches share about their command line and their traces: `--key=value` parsing and
 * the trace profile (`--profile=realistic|light`) with the big demo trace ids it selects.
 */

/**
 * Same ids as src/mocks/big-traces.ts: a prefix naming the shape and profile + the span count,
 * 32 digits in all. 'realistic': attributes, resources, events and links of auto-instrumented
 * services (~850 bytes a span in OTLP JSON); 'light': a few tags (~280 bytes), the benches'
 * traces before.
 */
const PREFIXES = {
  realistic: { random: 'bea1', deep: 'dea1' },
  light: { random: 'b16', deep: 'dee9', wide: 'f1d0' },
};

/** `--key=value`, `--key value` or a bare `--flag` (true). */
export function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, '').split('=');
    const next = argv[i + 1];
    if (inline !== undefined) parsed[key] = inline;
    else if (next !== undefined && !next.startsWith('--')) parsed[key] = argv[++i];
    else parsed[key] = 'true';
  }
  return parsed;
}

/** The `--profile` asked for (realistic by default); exits on an unknown one. */
export function profileOf(args) {
  const profile = (args.profile ?? 'realistic').toLowerCase();
  if (!(profile in PREFIXES)) {
    console.error(`Unknown profile ${profile}; use --profile=realistic or --profile=light.`);
    process.exit(2);
  }
  return profile;
}

/**
 * The big demo trace of `count` spans in `profile`; shape 'random' (a service tree), 'deep' (a
 * chain), or 'wide' (light only: a root with `count` children, so count + 1 spans).
 */
export function bigTraceId(profile, count, shape = 'random') {
  const prefix = PREFIXES[profile][shape];
  return prefix + String(count).padStart(32 - prefix.length, '0');
}
