/**
 * The one error type of the API layer. It crosses the worker boundary flattened into a `WireError`
 * (see worker/messages.ts), so everything on it is plain data.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'parse' | 'aborted';

/** Long enough to recognise a proxy's HTML error page, short enough to show in a toast. */
export const BODY_EXCERPT_LIMIT = 500;

export interface ApiErrorInit {
  readonly kind: ApiErrorKind;
  readonly url: string;
  readonly message: string;
  readonly status?: number;
  readonly bodyExcerpt?: string;
  /** What the server itself said (Jaeger's JSON error message), when it said anything. */
  readonly serverMessage?: string;
  readonly cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly url: string;
  readonly bodyExcerpt: string;
  readonly serverMessage: string;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.url = init.url;
    this.bodyExcerpt = excerpt(init.bodyExcerpt ?? '');
    this.serverMessage = init.serverMessage ?? '';
  }

  /** Plain-object form for postMessage (Error subclasses lose their fields in structured clone). */
  toWire(): {
    message: string;
    kind: ApiErrorKind;
    url: string;
    status?: number;
    bodyExcerpt?: string;
  } {
    return {
      message: this.message,
      kind: this.kind,
      url: this.url,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.bodyExcerpt === '' ? {} : { bodyExcerpt: this.bodyExcerpt }),
    };
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/** First {@link BODY_EXCERPT_LIMIT} characters, whitespace runs collapsed (HTML pages are mostly indentation). */
export function excerpt(text: string): string {
  const squeezed =
    text.length > BODY_EXCERPT_LIMIT * 4 ? text.slice(0, BODY_EXCERPT_LIMIT * 4) : text;
  const collapsed = squeezed.replace(/\s+/g, ' ').trim();
  return collapsed.length > BODY_EXCERPT_LIMIT
    ? `${collapsed.slice(0, BODY_EXCERPT_LIMIT)}…`
    : collapsed;
}

/**
 * The server's own words from an error body, when it has any: Jaeger v3 answers
 * `{"error":{"httpCode","message"}}`, v1 `{"errors":[{"code","msg"}]}`. Returns '' otherwise.
 */
export function serverMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  if ('error' in body) {
    const error = body.error;
    if (
      typeof error === 'object' &&
      error !== null &&
      'message' in error &&
      typeof error.message === 'string'
    ) {
      return error.message;
    }
    if (typeof error === 'string') return error;
  }
  if ('errors' in body && Array.isArray(body.errors)) {
    const messages: string[] = [];
    for (const item of body.errors as unknown[]) {
      if (
        typeof item === 'object' &&
        item !== null &&
        'msg' in item &&
        typeof item.msg === 'string'
      ) {
        messages.push(item.msg);
      }
    }
    return messages.join('; ');
  }
  return '';
}
