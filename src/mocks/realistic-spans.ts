/**
 * The "realistic" profile of the big traces: the attribute, resource, event and link volume of
 * spans from OpenTelemetry auto-instrumentation (HTTP, RPC, DB, messaging and code semantic
 * conventions), ~700–900 bytes a span in OTLP JSON on average, with a long tail (a few spans
 * with 100+ attributes, a few with a 10 KB value, exception events with stack traces). The light
 * profile (a handful of tags) is what the big traces carried before; see big-traces.ts.
 *
 * Everything comes from the rng it is given, so the same seed gives the same bytes.
 */
import type { DemoLog, DemoSpan, DemoTag } from './demo-trace';
import type { Rng } from './prng';

/** Share of spans with events, with links, with a very wide attribute set, with a 10 KB value. */
const EVENT_SHARE = 0.1;
const LINK_SHARE = 0.03;
const WIDE_SHARE = 0.005;
const HUGE_VALUE_SHARE = 0.001;

const USER_AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'okhttp/4.12.0',
  'Go-http-client/1.1',
] as const;
const TABLES = ['customer', 'orders', 'order_items', 'drivers', 'routes'] as const;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'] as const;

const str = (key: string, value: string): DemoTag => ({ key, value });
const int = (key: string, value: number): DemoTag => ({ key, value });

/** What the generator decided about a span before its attributes: enough to pick conventions. */
export interface SpanShape {
  readonly index: number;
  readonly service: string;
  readonly operation: string;
  readonly kind: DemoSpan['kind'];
  readonly error: boolean;
  readonly start: number;
  readonly duration: number;
  readonly traceId: string;
}

function httpServer(rng: Rng, s: SpanShape): DemoTag[] {
  const path = s.operation.replace(/^HTTP \w+ /, '') || '/';
  const id = rng.int(1, 99_999);
  return [
    str('http.request.method', 'GET'),
    str('http.route', path),
    str('url.path', path),
    str('url.query', `customer=${id}`),
    str('url.scheme', 'http'),
    str('server.address', `${s.service}.svc.cluster.local`),
    int('server.port', 8080),
    str('client.address', `10.1.${rng.int(0, 255)}.${rng.int(1, 254)}`),
    str('network.peer.address', `10.1.${rng.int(0, 255)}.${rng.int(1, 254)}`),
    int('network.peer.port', rng.int(30_000, 60_000)),
    str('network.protocol.version', '1.1'),
    str('user_agent.original', rng.pick(USER_AGENTS)),
    int('http.response.status_code', s.error ? 500 : 200),
    int('http.response.body.size', rng.int(100, 40_000)),
  ];
}

function rpc(rng: Rng, s: SpanShape): DemoTag[] {
  const [service, method] = s.operation.replace(/^\//, '').split('/');
  return [
    str('rpc.system', 'grpc'),
    str('rpc.service', service ?? s.operation),
    str('rpc.method', method ?? s.operation),
    int('rpc.grpc.status_code', s.error ? 14 : 0),
    str('server.address', `${s.service}.svc.cluster.local`),
    int('server.port', 50051),
    str('network.transport', 'tcp'),
    str('network.type', 'ipv4'),
    int('rpc.message.uncompressed_size', rng.int(50, 5_000)),
  ];
}

function sql(rng: Rng): DemoTag[] {
  const table = rng.pick(TABLES);
  const columns = ['id', 'name', 'status', 'region'];
  return [
    str('db.system', 'mysql'),
    str('db.name', 'hotrod'),
    str('db.operation', 'SELECT'),
    str('db.sql.table', table),
    str(
      'db.statement',
      `SELECT ${columns.join(', ')} FROM ${table} WHERE ${table}_id = ? LIMIT ${rng.int(1, 100)}`,
    ),
    str('server.address', 'mysql-primary.db.svc.cluster.local'),
    int('server.port', 3306),
    str('network.peer.address', `10.2.0.${rng.int(1, 254)}`),
    int('db.response.returned_rows', rng.int(0, 100)),
  ];
}

function redis(rng: Rng, s: SpanShape): DemoTag[] {
  return [
    str('db.system', 'redis'),
    str('db.statement', `HGETALL driver:${s.index % 5_000}:location`),
    int('db.redis.database_index', 0),
    str('server.address', 'redis-master.cache.svc.cluster.local'),
    int('server.port', 6379),
    str('network.peer.address', `10.3.0.${rng.int(1, 254)}`),
  ];
}

function messaging(rng: Rng, s: SpanShape): DemoTag[] {
  return [
    str('messaging.system', 'kafka'),
    str('messaging.destination.name', `${s.service}.events`),
    str('messaging.operation', s.kind === 'producer' ? 'publish' : 'process'),
    str('messaging.message.id', rng.hex(24)),
    int('messaging.kafka.destination.partition', rng.int(0, 31)),
    int('messaging.kafka.message.offset', rng.int(0, 10_000_000)),
    str('messaging.kafka.consumer.group', `${s.service}-consumers`),
    int('messaging.message.body.size', rng.int(100, 8_000)),
  ];
}

function code(rng: Rng, s: SpanShape): DemoTag[] {
  const fn = s.operation.replace(/\s+/g, '_');
  return [
    str('code.function', fn),
    str('code.namespace', `github.com/example/hotrod/services/${s.service}`),
    str('code.filepath', `/app/services/${s.service}/${fn}.go`),
    int('code.lineno', rng.int(10, 900)),
    int('thread.id', rng.int(1, 64)),
  ];
}

/** Span attributes by what the span is (server/RPC/DB/cache/messaging/in-process), plus the tail. */
export function realisticTags(rng: Rng, s: SpanShape): DemoTag[] {
  let tags: DemoTag[];
  if (s.service === 'mysql') tags = sql(rng);
  else if (s.service === 'redis-manual') tags = redis(rng, s);
  else if (s.kind === 'server' && s.operation.startsWith('/')) tags = rpc(rng, s);
  else if (s.kind === 'server') tags = httpServer(rng, s);
  else if (rng.chance(0.08)) tags = messaging(rng, s);
  else tags = code(rng, s);
  if (rng.chance(WIDE_SHARE)) {
    const count = rng.int(100, 160);
    for (let i = 0; i < count; i++)
      tags.push(str(`app.feature_flag.${rng.pick(WORDS)}_${i}`, rng.chance(0.5) ? 'on' : 'off'));
  }
  if (rng.chance(HUGE_VALUE_SHARE))
    tags.push(str('http.request.body', `{"items":[${hugeList(rng, 10_240)}]}`));
  return tags;
}

function hugeList(rng: Rng, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = `{\\"sku\\":\\"${rng.hex(12)}\\",\\"qty\\":${rng.int(1, 9)}}`;
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(',');
}

const STACK_FRAMES = [
  'main.(*server).handle(0xc000120000, {0x9a2e40, 0xc0002a0000})',
  'net/http.HandlerFunc.ServeHTTP(0xc000198100, {0x9a2e40, 0xc0002a0000}, 0xc0001b6000)',
  'github.com/example/hotrod/pkg/tracing.(*TracedServeMux).ServeHTTP(...)',
  'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.(*middleware).serveHTTP(...)',
  'net/http.serverHandler.ServeHTTP({0xc000222000}, {0x9a2e40, 0xc0002a0000}, 0xc0001b6000)',
  'net/http.(*conn).serve(0xc0001e8000, {0x9a3588, 0xc00021a0c0})',
];

/** Events on a share of spans: exceptions with stack traces on errors, log-like events otherwise. */
export function realisticLogs(rng: Rng, s: SpanShape): DemoLog[] {
  if (!s.error && !rng.chance(EVENT_SHARE)) return [];
  const at = (f: number) => Math.round(s.start + Math.max(0, s.duration) * f);
  if (s.error)
    return [
      {
        time: at(0.9),
        name: 'exception',
        fields: [
          str('exception.type', '*errors.errorString'),
          str(
            'exception.message',
            `${s.operation}: upstream ${s.service} failed: deadline exceeded`,
          ),
          str(
            'exception.stacktrace',
            Array.from(
              { length: 12 },
              (_, i) => `${STACK_FRAMES[i % STACK_FRAMES.length]}\n\t/app/x.go:${100 + i}`,
            ).join('\n'),
          ),
          str('exception.escaped', 'false'),
        ],
      },
    ];
  const count = rng.int(1, 3);
  return Array.from({ length: count }, (_, i) => ({
    time: at((i + 1) / (count + 1)),
    name: rng.pick(['cache miss', 'retrying request', 'acquired connection', 'message sent']),
    fields: [
      str('level', rng.pick(['info', 'debug', 'warn'])),
      str('message', `${rng.pick(WORDS)} ${rng.pick(WORDS)} for key ${rng.hex(10)}`),
      int('attempt', i + 1),
    ],
  }));
}

/** Links on a share of spans: to an earlier span of the trace or to another trace (a batch). */
export function realisticLinks(
  rng: Rng,
  s: SpanShape,
  spanIdOf: (index: number) => string,
): NonNullable<DemoSpan['links']> {
  if (s.index === 0 || !rng.chance(LINK_SHARE)) return [];
  return rng.chance(0.5)
    ? [{ traceId: s.traceId, spanId: spanIdOf(rng.int(0, s.index - 1)) }]
    : [{ traceId: rng.hex(32), spanId: rng.hex(16) }];
}

/** Resource attributes of a service instance, as the OTel SDK and k8s detectors report them. */
export function realisticResourceTags(service: string): DemoTag[] {
  let hash = 0;
  for (let i = 0; i < service.length; i++)
    hash = (Math.imul(hash, 31) + service.charCodeAt(i)) >>> 0;
  const pod = `${service}-${(hash % 0xfffff).toString(16)}-${(hash % 0xffff).toString(36)}`;
  return [
    str('service.namespace', 'hotrod'),
    str('service.version', `1.${hash % 20}.${hash % 7}`),
    str('service.instance.id', `${(hash * 2654435761) >>> 0}-${service}`),
    str('deployment.environment.name', 'production'),
    str('host.name', pod),
    str('host.arch', 'amd64'),
    str('os.type', 'linux'),
    str('os.description', 'Debian GNU/Linux 12 (bookworm)'),
    int('process.pid', 1 + (hash % 30_000)),
    str('process.executable.name', service),
    str('process.runtime.name', 'go'),
    str('process.runtime.version', 'go1.22.5'),
    str('telemetry.sdk.name', 'opentelemetry'),
    str('telemetry.sdk.language', 'go'),
    str('telemetry.sdk.version', '1.28.0'),
    str('k8s.namespace.name', 'hotrod'),
    str('k8s.pod.name', pod),
    str('k8s.deployment.name', service),
    str('k8s.node.name', `gke-prod-pool-${hash % 9}-${(hash % 0xffffff).toString(16)}`),
    str('container.id', (hash.toString(16) + '0'.repeat(64)).slice(0, 64)),
    str('cloud.provider', 'gcp'),
    str('cloud.region', 'europe-west1'),
  ];
}
