import { useLocation } from 'react-router';

/**
 * One encoding rule for trace ids in app paths, end to end: a trace id is any string; in a path it
 * is one segment, `encodeURIComponent(id)`, and it is read back with exactly one
 * `decodeURIComponent` of that segment as it stands in the URL. React Router's params are not
 * used for it: they decode the path once more, so `a%2Fb` (typed, a literal id) came back as
 * `a/b`, and start-up's early load (one decode) asked for another id than the page (two).
 */
export const tracePath = (traceId: string): string => `/trace/${encodeURIComponent(traceId)}`;

/** The trace id of a path (relative to the app's base) `/trace/<id>`, else undefined. */
export function traceIdOfPath(pathname: string): string | undefined {
  const match = /^\/trace\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A malformed escape (`%zz`) is taken as typed.
    return match[1];
  }
}

/** The trace id of the current `/trace/:id` route, by {@link traceIdOfPath}. */
export function useTraceIdOfRoute(): string {
  return traceIdOfPath(useLocation().pathname) ?? '';
}
