/**
 * Hostile link targets: what the operator's configuration (menu, link patterns, docs link) and
 * trace data (links to other traces, `?span=`, embed parameters, the trace id box) may hold where
 * Cairn turns a string into a place to go. Each is either never a link (`unsafe`), a link that is
 * visibly external (`external`: the host it leaves for), or a harmless path on Cairn's own origin.
 */
import { URLS } from './payloads';

export interface LinkTarget {
  readonly name: string;
  readonly url: string;
  /** The host a link goes to when it leaves the origin. */
  readonly external?: string;
  /** Never a link. */
  readonly unsafe?: true;
}

const EVIL = 'evil.example';

export const LINK_TARGETS: readonly LinkTarget[] = [
  { name: 'javascript:', url: URLS.js, unsafe: true },
  { name: 'JaVaScRiPt: after a space', url: URLS.jsMixedCase, unsafe: true },
  { name: 'javascript: split by a tab', url: "java\tscript:window.__pwned='tab'", unsafe: true },
  { name: 'javascript: after a newline', url: "\njavascript:window.__pwned='nl'", unsafe: true },
  { name: 'data: HTML', url: URLS.data, unsafe: true },
  {
    name: 'DATA: base64 HTML',
    url: `DATA:text/html;base64,${Buffer.from("<script>window.__pwned='b64'</script>").toString('base64')}`,
    unsafe: true,
  },
  { name: 'vbscript:', url: URLS.vbscript, unsafe: true },
  // Encoded schemes are not schemes: paths on Cairn's own origin.
  { name: 'percent-encoded javascript:', url: "%6Aavascript:window.__pwned='pct'" },
  { name: 'entity-encoded javascript:', url: "javascript&colon;window.__pwned='ent'" },
  { name: 'protocol-relative //host', url: `//${EVIL}/steal`, external: EVIL },
  { name: 'backslash /\\host', url: `/\\${EVIL}/steal`, external: EVIL },
  { name: 'two backslashes \\\\host', url: `\\\\${EVIL}/steal`, external: EVIL },
  { name: 'another origin, absolute', url: `https://${EVIL}/steal?x=1`, external: EVIL },
  { name: 'a 20,000-character URL', url: `https://${EVIL}/${'a'.repeat(20_000)}`, unsafe: true },
];

/** The label a case's link carries (its URL may be unprintable or 20,000 characters long). */
export const labelOf = (index: number): string => `Target ${index + 1}`;

export { EVIL };
