/** Errors as the worker sends them to the main thread (WireError), from whatever was thrown. */
import { ApiError, isApiError } from '../api/api-error';
import type { WireError } from './messages';
import { Cancelled } from './parse-input';

/** An error with a WireError kind of its own (toWireError keeps it). */
export const errorOfKind = (kind: WireError['kind'], message: string) =>
  Object.assign(new Error(message), { kind });

export const notFound = (message: string) => errorOfKind('not-found', message);

export function toWireError(error: unknown, url: string): WireError {
  if (isApiError(error)) return error.toWire();
  if (error instanceof Cancelled) return { kind: 'aborted', url, message: 'Cancelled' };
  if (error instanceof Error) {
    const kind = 'kind' in error && typeof error.kind === 'string' ? error.kind : 'parse';
    if (error.name === 'AbortError') return { kind: 'aborted', url, message: 'Cancelled' };
    // fetch and stream reads fail with TypeError when the connection drops mid-body.
    if (error instanceof TypeError && !('kind' in error))
      return { kind: 'network', url, message: error.message };
    return { kind, url, message: error.message };
  }
  return new ApiError({ kind: 'parse', url, message: String(error) }).toWire();
}
