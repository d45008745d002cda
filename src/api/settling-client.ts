import type { JaegerClient, TraceQuery } from './types';

/**
 * A client whose API version is still being found out: it talks as `guess` until `settled`
 * resolves, then as the client the probe settled on. Detection waits for a server that does not
 * answer only briefly, so its wait does not stack on top of the requests' own timeouts: the user
 * sees "No answer within 30 s" after those 30 s, not after the probe's 10 + 10 s as well.
 */
export class SettlingClient implements JaegerClient {
  private current: JaegerClient;

  constructor(guess: JaegerClient, settled: Promise<JaegerClient>) {
    this.current = guess;
    settled.then(
      (client) => {
        this.current = client;
      },
      // The guess stays: nothing better is known.
      () => undefined,
    );
  }

  get version() {
    return this.current.version;
  }

  services(signal?: AbortSignal) {
    return this.current.services(signal);
  }

  operations(service: string, signal?: AbortSignal) {
    return this.current.operations(service, signal);
  }

  search(query: TraceQuery, signal?: AbortSignal) {
    return this.current.search(query, signal);
  }

  findByIds(ids: readonly string[], signal?: AbortSignal) {
    return this.current.findByIds(ids, signal);
  }

  dependencies(endTs: number, lookbackMs: number, signal?: AbortSignal) {
    return this.current.dependencies(endTs, lookbackMs, signal);
  }

  traceUrl(traceId: string) {
    return this.current.traceUrl(traceId);
  }

  searchTracesUrl(query: TraceQuery) {
    return this.current.searchTracesUrl(query);
  }

  traceUrls(ids: readonly string[]) {
    return this.current.traceUrls(ids);
  }

  archive(traceId: string, signal?: AbortSignal): Promise<void> {
    const { current } = this;
    return current.archive
      ? current.archive(traceId, signal)
      : Promise.reject(new Error('This Jaeger has no archive'));
  }
}
