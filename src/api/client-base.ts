/**
 * What both Jaeger clients share: where requests go (base path + API path), their timeout and
 * signal, and the endpoints Jaeger serves under /api/ in 1.x and 2.x alike (dependencies —
 * the v3 gateway has none — and archive).
 */
import type { DependencyLink } from './types';
import { apiUrl, fetchJson, fetchText, httpFailure } from './http';
import type { QueryParams } from './http';
import { isV1Dependencies } from './v1-shapes';

export interface ClientOptions {
  /** Per-request timeout; the default suits search on a slow storage backend. */
  readonly timeoutMs?: number;
}

export abstract class JaegerClientBase {
  constructor(
    protected readonly base: string,
    protected readonly options: ClientOptions = {},
  ) {}

  protected url(path: string, params?: QueryParams): string {
    return apiUrl(this.base, path, params);
  }

  protected request(signal: AbortSignal | undefined) {
    return { signal, timeoutMs: this.options.timeoutMs };
  }

  async dependencies(
    endTs: number,
    lookbackMs: number,
    signal?: AbortSignal,
    demoServices?: string,
  ): Promise<DependencyLink[]> {
    const url = this.url('api/dependencies', [
      ['endTs', String(Math.round(endTs))],
      ['lookback', String(Math.round(lookbackMs))],
      ...(demoServices === undefined ? [] : [['demoServices', demoServices] as [string, string]]),
    ]);
    const body = await fetchJson(url, isV1Dependencies, 'dependencies', this.request(signal));
    return (body.data ?? []).map((link) => ({
      parent: link.parent,
      child: link.child,
      callCount: link.callCount,
    }));
  }

  /** Copies a trace to archive storage (Jaeger 2.x still serves it when archive storage is configured). */
  async archive(traceId: string, signal?: AbortSignal): Promise<void> {
    const url = this.url(`api/archive/${encodeURIComponent(traceId)}`);
    const { text, response } = await fetchText(url, { method: 'POST', ...this.request(signal) });
    if (!response.ok) throw httpFailure(response, text, url);
  }
}
