/**
 * Cairn may be served at `/` or under a sub-path (`/jaeger/`). The sub-path comes from the
 * document's `<base href>` (rewritten by jaeger-query or the ingress, or set at build time), so one
 * bundle works everywhere. Router links and API calls both hang off it.
 */
export function basePathFromDocument(doc: Document = document): string {
  const path = new URL(doc.baseURI).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** React Router wants the basename without the trailing slash ("" for the root). */
export function routerBasename(basePath: string): string {
  return basePath.replace(/\/+$/, '');
}
