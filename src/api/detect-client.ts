/** Picks the API version by asking the server once per base URL. */
import type { JaegerClient } from './types';
import type { ClientOptions } from './client-base';
import { ApiError } from './api-error';
import { JaegerV1Client } from './v1-client';
import { JaegerV3Client } from './v3-client';
import { SettlingClient } from './settling-client';

const PROBE_TIMEOUT_MS = 10_000;
/**
 * How long start-up waits for the probe. A Jaeger answers `/services` in milliseconds; one that
 * has not after this is hanging or very slow, and waiting out the probe's timeouts would stack on
 * the first requests' own (10 s + 10 s + 30 s before a "No answer within 30 s"). Past it, Cairn
 * goes on as a v3 client and switches if the probe, still running, finds a v1 server.
 */
export const PROBE_PATIENCE_MS = 1_000;
const detected = new Map<string, Promise<JaegerClient>>();

/** The v3 route is missing (404) or answered by something that is not Jaeger's gateway (an SPA's HTML). */
const meansNoV3 = (error: unknown): boolean =>
  error instanceof ApiError &&
  ((error.kind === 'http' && (error.status === 404 || error.status === 405)) ||
    error.kind === 'parse');

async function probe(
  base: string,
  options: ClientOptions,
): Promise<{ client: JaegerClient; certain: boolean }> {
  const v3 = new JaegerV3Client(base, options);
  const v1 = new JaegerV1Client(base, options);
  const answer = probeVersions(v3, v1);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const patience = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PROBE_PATIENCE_MS);
  });
  const quick = await Promise.race([answer, patience]);
  clearTimeout(timer);
  if (quick) return quick;
  return {
    client: new SettlingClient(
      v3,
      answer.then(({ client }) => client),
    ),
    certain: false,
  };
}

async function probeVersions(
  v3: JaegerV3Client,
  v1: JaegerV1Client,
): Promise<{ client: JaegerClient; certain: boolean }> {
  try {
    await v3.services(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return { client: v3, certain: true };
  } catch (error) {
    if (meansNoV3(error)) return { client: v1, certain: true };
  }
  // v3 failed for another reason (5xx, network): see whether v1 answers before guessing.
  try {
    await v1.services(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return { client: v1, certain: true };
  } catch {
    return { client: v3, certain: false };
  }
}

/**
 * The client for `base`: v3 when `GET {base}api/v3/services` answers, v1 when that route is
 * missing. Memoized per base; an uncertain answer (server unreachable) is not remembered, so the
 * next call probes again.
 */
export function detectClient(base: string, options: ClientOptions = {}): Promise<JaegerClient> {
  const known = detected.get(base);
  if (known) return known;
  const pending = probe(base, options).then(({ client, certain }) => {
    if (!certain) detected.delete(base);
    return client;
  });
  detected.set(base, pending);
  return pending;
}

/** Tests only: forget what was detected. */
export function resetDetectedClients(): void {
  detected.clear();
}

/** The client for a version known in advance (config, demo mode's `?api=v1`). */
export function createClient(
  version: 'v1' | 'v3',
  base: string,
  options: ClientOptions = {},
): JaegerClient {
  return version === 'v1' ? new JaegerV1Client(base, options) : new JaegerV3Client(base, options);
}
