/**
 * A generated service topology at production scale: the demo backend's `demoServices=N` and the
 * graph tests. Pure: randomness comes from the caller (a seeded PRNG), so a seed fixes the links.
 *
 * Shape, as real meshes have it: a few edge gateways call into tiers of services; a handful of hubs
 * (auth, config, a database proxy) are called by a large share of everything; some services call
 * back upstream (cycles), some call themselves (retries, recursion), and a few small islands stay
 * disconnected from the rest. About 3.5 links per service.
 */

export interface GeneratedLink {
  readonly parent: string;
  readonly child: string;
  readonly callCount: number;
}

/** Above this the generated list would be bigger than any real dependency graph we know of. */
export const MAX_GENERATED_SERVICES = 20_000;

const WORDS = ['cart', 'user', 'order', 'pay', 'ship', 'stock', 'price', 'promo', 'search', 'mail'];
const SUFFIXES = ['api', 'svc', 'worker', 'store', 'gw', 'cache', 'sync', 'index'];

const serviceName = (i: number): string =>
  `${WORDS[i % WORDS.length] ?? 'svc'}-${SUFFIXES[Math.floor(i / WORDS.length) % SUFFIXES.length] ?? 'svc'}-${i}`;

export function generateTopology(serviceCount: number, random: () => number): GeneratedLink[] {
  const n = Math.max(2, Math.min(MAX_GENERATED_SERVICES, Math.floor(serviceCount)));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const rng = {
    int,
    range: (min: number, max: number) => min + random() * (max - min),
    chance: (p: number) => random() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
  };
  const names = Array.from({ length: n }, (_, i) => serviceName(i));
  // The first ones get recognisable names: gateways and hubs.
  const hubs = ['auth-hub', 'config-hub', 'db-proxy-hub'];
  const gateways = ['edge-gateway', 'mobile-gateway'];
  const special = [...gateways, ...hubs];
  for (let i = 0; i < special.length && i < n; i++) names[i] = special[i] ?? names[i] ?? '';
  const links = new Map<string, GeneratedLink>();
  const add = (parent: string, child: string) => {
    const key = `${parent}>${child}`;
    if (links.has(key)) return;
    links.set(key, { parent, child, callCount: Math.round(10 ** rng.range(0, 6)) });
  };
  // 2% of services form islands at the end: pairs and triangles with no link to the rest.
  const islandStart = n - Math.floor(n * 0.02);
  for (let i = special.length; i < islandStart; i++) {
    const name = names[i] ?? '';
    // Callers come from earlier services (tiers), so most of the graph flows one way.
    const callers = rng.int(1, 3);
    for (let c = 0; c < callers; c++) {
      const from = i < 40 ? rng.int(0, gateways.length - 1) : rng.int(0, i - 1);
      add(names[from] ?? '', name);
    }
    // Hubs: most services call one of them.
    if (rng.chance(0.9)) add(name, rng.pick(hubs));
    if (rng.chance(0.5)) add(name, rng.pick(hubs));
    // Cycles: a call back upstream.
    if (rng.chance(0.25) && i > 10) add(name, names[rng.int(special.length, i - 1)] ?? '');
    if (rng.chance(0.03)) add(name, name);
  }
  for (let i = islandStart; i + 1 < n; i += 3) {
    add(names[i] ?? '', names[i + 1] ?? '');
    if (i + 2 < n) add(names[i + 1] ?? '', names[i + 2] ?? '');
  }
  return [...links.values()];
}
