/**
 * Two small topologies: an ingest gateway fanning out to a validator and an enricher, and a
 * checkout chain api-gateway → user → order → payment where about one payment in five takes 2 s
 * (the slow tail a scatter plot should make obvious).
 */
import type { DemoTrace } from './demo-trace';
import type { Rng } from './prng';
import { TraceBuilder, httpTags, log } from './trace-builder';

export function gatewayTrace(rng: Rng, start: number): DemoTrace {
  const b = new TraceBuilder(rng, rng.hex(32));
  const validateDelay = rng.range(200, 3_000);
  const validateTime = rng.range(1_000, 12_000);
  const enrichDelay = rng.range(200, 5_000);
  const enrichTime = rng.range(2_000, 40_000);
  const failed = rng.chance(0.01);
  // The enricher waits for validation: sequential calls with random gaps.
  const total = validateDelay + validateTime + enrichDelay + enrichTime + rng.range(300, 2_000);
  const root = b.span({
    service: 'gateway',
    operation: 'POST /ingest',
    start,
    duration: total,
    kind: 'server',
    error: failed,
    tags: httpTags('POST', '/ingest', failed ? 502 : 202),
  });
  b.call(root, 'validator', 'Validate', start + validateDelay, validateTime, {
    tags: [
      { key: 'rpc.system', value: 'grpc' },
      { key: 'rpc.service', value: 'validator.Validator' },
    ],
  });
  const enrichStart = start + validateDelay + validateTime + enrichDelay;
  const enrich = b.call(root, 'enricher', 'Enrich', enrichStart, enrichTime, {
    error: failed,
    tags: [
      { key: 'rpc.system', value: 'grpc' },
      { key: 'rpc.service', value: 'enricher.Enricher' },
    ],
    logs: failed
      ? [log(enrichStart + enrichTime * 0.9, 'upstream reset', [{ key: 'level', value: 'error' }])]
      : [],
  });
  b.span({
    parent: enrich,
    service: 'enricher',
    operation: 'lookup geo',
    start: enrich.start + enrichTime * 0.2,
    duration: enrichTime * rng.range(0.2, 0.6),
    tags: [{ key: 'cache.hit', value: rng.chance(0.7) }],
  });
  return { traceId: b.traceId, scenario: 'gateway', spans: b.spans };
}

export function checkoutTrace(rng: Rng, start: number): DemoTrace {
  const b = new TraceBuilder(rng, rng.hex(32));
  const slowPayment = rng.chance(0.2);
  const failed = rng.chance(0.01);
  const paymentTime = slowPayment ? rng.range(2_000_000, 2_050_000) : rng.range(8_000, 60_000);
  const orderTime = paymentTime + rng.range(5_000, 25_000);
  const userTime = orderTime + rng.range(2_000, 10_000);
  const total = userTime + rng.range(1_000, 6_000);
  const status = failed ? 500 : 200;
  const root = b.span({
    service: 'api-gateway',
    operation: 'GET /checkout',
    start,
    duration: total,
    kind: 'server',
    error: failed,
    tags: httpTags('GET', '/checkout', status),
  });
  const user = b.call(root, 'user-service', 'GetUser', start + 500, userTime, {
    tags: [{ key: 'rpc.system', value: 'grpc' }],
  });
  const order = b.call(user, 'order-service', 'CreateOrder', user.start + 800, orderTime, {
    tags: [{ key: 'rpc.system', value: 'grpc' }],
  });
  b.span({
    parent: order,
    service: 'order-service',
    operation: 'INSERT orders',
    start: order.start + 300,
    duration: rng.range(800, 4_000),
    kind: 'client',
    tags: [
      { key: 'db.system', value: 'postgresql' },
      { key: 'db.statement', value: 'INSERT INTO orders (user_id, total_cents) VALUES ($1, $2)' },
      { key: 'peer.service', value: 'postgres' },
    ],
  });
  const payment = b.call(order, 'payment-service', 'Charge', order.start + 5_000, paymentTime, {
    error: failed,
    tags: [
      { key: 'rpc.system', value: 'grpc' },
      { key: 'payment.provider', value: slowPayment ? 'legacy-bank' : 'fastpay' },
    ],
    logs: slowPayment
      ? [log(order.start + 5_000 + paymentTime * 0.5, 'waiting for 3-D Secure', [])]
      : [],
  });
  if (failed) {
    b.span({
      parent: payment,
      service: 'payment-service',
      operation: 'card declined',
      start: payment.start + paymentTime * 0.8,
      duration: 50,
      error: true,
      tags: [{ key: 'exception.type', value: 'CardDeclined' }],
    });
  }
  return { traceId: b.traceId, scenario: 'checkout', spans: b.spans };
}
