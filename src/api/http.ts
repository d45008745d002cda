/**
 * The fetch wrapper both clients (and the trace worker) use. Only fetch, AbortController,
 * URL and timers: no React, no DOM beyond what a Web Worker has.
 */
import { ApiError, serverMessage } from './api-error';
import type { Guard } from './json-guards';

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type QueryParams = Iterable<readonly [string, string]>;

/**
 * `base` + `path` + query string. `base` is a path prefix such as '/jaeger/' or an absolute URL
 * (tests, the worker); exactly one slash ends up between them. Callers encode path segments.
 */
export function apiUrl(base: string, path: string, params?: QueryParams): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const url = prefix + path.replace(/^\/+/, '');
  if (!params) return url;
  const search = new URLSearchParams();
  for (const [key, value] of params) search.append(key, value);
  const query = search.toString();
  return query === '' ? url : `${url}?${query}`;
}

/**
 * The path the app is served under ('/', '/jaeger/'), from the document base. Resolving '.' drops
 * a trailing file or route segment exactly as relative URLs would; deep links therefore rely on
 * index.html carrying a `<base href>` (the app shell's job).
 */
export function apiBaseFromDocument(): string {
  if (typeof document === 'undefined') return '/';
  return new URL('.', document.baseURI).pathname;
}

/** Joins the caller's signal and a timeout into one signal, remembering which one fired. */
function deadline(signal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new Error('timeout'));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    stopTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

type Deadline = ReturnType<typeof deadline>;

function failure(error: unknown, url: string, limit: Deadline, timeoutMs: number): ApiError {
  if (error instanceof ApiError) return error;
  if (limit.timedOut()) {
    return new ApiError({
      kind: 'timeout',
      url,
      message: `No answer within ${timeoutMs / 1000} s from ${url}`,
    });
  }
  if (limit.signal.aborted)
    return new ApiError({ kind: 'aborted', url, message: `Request aborted: ${url}`, cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError({
    kind: 'network',
    url,
    message: `Could not reach ${url}: ${detail}`,
    cause: error,
  });
}

async function readQuietly(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    // The status is the news; a body that cannot be read adds nothing.
    return '';
  }
}

/** ApiError 'http' for a non-2xx answer, with the server's own message when it sent JSON. */
export function httpFailure(response: Response, text: string, url: string): ApiError {
  let said = '';
  try {
    said = serverMessage(JSON.parse(text) as unknown);
  } catch {
    // Not JSON: a proxy's HTML page or plain text; the excerpt carries it.
  }
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new ApiError({
    kind: 'http',
    status: response.status,
    url,
    message: said ? `${status}: ${said}` : `${status} from ${url}`,
    bodyExcerpt: text,
    serverMessage: said,
  });
}

function send(url: string, options: RequestOptions, signal: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: options.method ?? 'GET',
    signal,
    headers: { Accept: 'application/json', ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

/**
 * A successful response whose body the caller reads (the worker streams it). The timeout covers
 * the wait for headers only; the caller's signal still cancels the body. Non-2xx → ApiError 'http'.
 */
export async function fetchResponse(url: string, options: RequestOptions = {}): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = deadline(options.signal, timeoutMs);
  try {
    const response = await send(url, options, limit.signal);
    if (!response.ok) throw httpFailure(response, await readQuietly(response), url);
    limit.stopTimer();
    return response;
  } catch (error) {
    limit.dispose();
    throw failure(error, url, limit, timeoutMs);
  }
}

/** Status and whole body as text; HTTP error statuses are returned, not thrown. */
export async function fetchText(
  url: string,
  options: RequestOptions = {},
): Promise<{ readonly status: number; readonly text: string; readonly response: Response }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = deadline(options.signal, timeoutMs);
  try {
    const response = await send(url, options, limit.signal);
    const text = await response.text();
    return { status: response.status, text, response };
  } catch (error) {
    throw failure(error, url, limit, timeoutMs);
  } finally {
    limit.dispose();
  }
}

/**
 * Whether a body is a web page: a login page or a proxy's, answered where JSON was asked for (the
 * URL points at the wrong service, or a session expired). `text` may be just the first bytes.
 */
export const looksLikeHtml = (text: string): boolean => /^\s*</.test(text);

/** ApiError 'parse' for a 2xx body that is not JSON, saying so plainly when it is a web page. */
export function notJsonFailure(text: string, url: string, what: string, cause?: unknown): ApiError {
  const message = looksLikeHtml(text)
    ? `Got an HTML page instead of ${what} from ${url}; is the URL pointing at Jaeger's query service?`
    : `Response from ${url} is not JSON (expected ${what})`;
  return new ApiError({ kind: 'parse', url, message, bodyExcerpt: text, cause });
}

/** Parses and validates a 2xx body; anything else is an ApiError of kind 'parse'. */
export function parseJson<T>(text: string, guard: Guard<T>, url: string, what: string): T {
  if (text.trim() === '') {
    throw new ApiError({
      kind: 'parse',
      url,
      message: `Empty response from ${url} (expected ${what})`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJsonFailure(text, url, what, error);
  }
  if (!guard(value)) {
    throw new ApiError({
      kind: 'parse',
      url,
      message: `Unexpected shape of ${what} from ${url}`,
      bodyExcerpt: text,
    });
  }
  return value;
}

/** GET/POST, expect 2xx JSON that passes `guard`. */
export async function fetchJson<T>(
  url: string,
  guard: Guard<T>,
  what: string,
  options: RequestOptions = {},
): Promise<T> {
  const { text, response } = await fetchText(url, options);
  if (!response.ok) throw httpFailure(response, text, url);
  return parseJson(text, guard, url, what);
}
