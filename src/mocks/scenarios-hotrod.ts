/**
 * A HotROD-like dispatch (the Jaeger demo app): frontend → customer → mysql, frontend → driver →
 * redis (one FindDriverIDs, then a GetDriver per driver, some timing out), frontend → route fanned
 * out over three workers. Shapes, tags and events mirror the recorded HotROD trace in the fixtures.
 */
import type { DemoSpan, DemoTrace } from './demo-trace';
import type { Rng } from './prng';
import { TraceBuilder, httpTags, log } from './trace-builder';

export function hotrodTrace(rng: Rng, start: number): DemoTrace {
  const b = new TraceBuilder(rng, rng.hex(32));
  const customerId = rng.pick([123, 392, 567, 731]);
  const root = b.span({
    service: 'frontend',
    operation: 'HTTP GET /dispatch',
    start,
    duration: 0, // fixed below once the children are placed
    kind: 'server',
    tags: [...httpTags('GET', '/dispatch', 200), { key: 'customer_id', value: String(customerId) }],
  });
  let t = start + rng.range(100, 400);

  const customerTime = rng.range(250_000, 400_000);
  const customer = b.call(root, 'customer', 'HTTP GET /customer', t, customerTime, {
    tags: httpTags('GET', '/customer', 200),
    clientOperation: 'HTTP GET',
  });
  b.span({
    parent: customer,
    service: 'mysql',
    operation: 'SQL SELECT',
    start: customer.start + 200,
    duration: customerTime * 0.95,
    kind: 'client',
    tags: [
      { key: 'db.system', value: 'mysql' },
      { key: 'db.statement', value: `SELECT * FROM customer WHERE customer_id=${customerId}` },
      { key: 'peer.service', value: 'mysql' },
    ],
    logs: [
      log(customer.start + 300, 'Waiting for lock behind 1 transactions', [
        { key: 'blockers', value: '[]' },
      ]),
    ],
  });
  t += customerTime + rng.range(200, 800);

  const drivers = rng.int(8, 12);
  const driverTime = rng.range(150_000, 250_000) + drivers * 12_000;
  const driver = b.call(root, 'driver', '/driver.DriverService/FindNearest', t, driverTime, {
    tags: [{ key: 'rpc.system', value: 'grpc' }],
    logs: [log(t + 500, 'Searching for nearby drivers', [{ key: 'location', value: '728,326' }])],
  });
  let rt = driver.start + 300;
  const find = redis(b, driver, 'FindDriverIDs', rt, rng.range(15_000, 25_000), false);
  rt += find.duration + 100;
  for (let i = 0; i < drivers; i++) {
    // HotROD's redis times out now and then; the driver service retries.
    const timeout = rng.chance(0.05);
    const span = redis(
      b,
      driver,
      'GetDriver',
      rt,
      timeout ? 30_000 : rng.range(5_000, 12_000),
      timeout,
    );
    rt += span.duration + 50;
    if (timeout)
      rt += redis(b, driver, 'GetDriver', rt, rng.range(5_000, 12_000), false).duration + 50;
  }
  t += driverTime + rng.range(200, 800);

  // ~10 route calculations over 3 workers: a fan-out of overlapping calls.
  const workers = [t, t, t];
  for (let i = 0; i < 10; i++) {
    const worker = workers.indexOf(Math.min(...workers));
    const begin = workers[worker] ?? t;
    const duration = rng.range(30_000, 80_000);
    b.call(root, 'route', 'HTTP GET /route', begin, duration, {
      tags: httpTags('GET', '/route', 200),
      clientOperation: 'HTTP GET',
    });
    workers[worker] = begin + duration + rng.range(50, 300);
  }
  const end = Math.max(...workers) + rng.range(200, 1_000);
  b.spans[0] = {
    ...root,
    duration: Math.round(end - start),
    logs: [
      log(end - 200, `Dispatch successful`, [
        { key: 'driver', value: `T7${rng.int(10000, 99999)}C` },
      ]),
    ],
  };
  return { traceId: b.traceId, scenario: 'hotrod', spans: b.spans };
}

function redis(
  b: TraceBuilder,
  parent: DemoSpan,
  operation: string,
  start: number,
  duration: number,
  timeout: boolean,
) {
  return b.span({
    parent,
    service: 'redis-manual',
    operation,
    start,
    duration,
    kind: 'client',
    error: timeout || b.rng.chance(0.01),
    tags: [
      { key: 'db.system', value: 'redis' },
      { key: 'peer.service', value: 'redis' },
      { key: 'param.driverID', value: `T7${b.rng.int(10000, 99999)}C` },
    ],
    logs: timeout
      ? [log(start + duration, 'exception', [{ key: 'exception.message', value: 'redis timeout' }])]
      : [],
  });
}
