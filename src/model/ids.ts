/**
 * Span and trace ids arrive as lowercase hex (Jaeger v1, OTLP JSON), UPPER-case hex (some OTLP
 * exporters), base64 of the raw bytes (Jaeger's protobuf-JSON domain model), or arbitrary strings
 * (hand-written test data such as "span-1"). Everything is normalized to one display form, and a
 * separate lookup key makes "00000000000000ab" and "ab" (64- vs 128-bit, zero-trimmed) the same id.
 */

const HEX = /^[0-9a-fA-F]+$/;
// Padded base64 of 8 or 16 bytes is exactly 12 or 24 characters ending in '=' or '=='.
const BASE64_ID = /^(?:[A-Za-z0-9+/]{11}=|[A-Za-z0-9+/]{22}==)$/;
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64ToHex(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = BASE64_ALPHABET.indexOf(text.charAt(i));
    if (code < 0) break; // padding
    value = ((value << 6) | code) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += ((value >> bits) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return out;
}

/** Display form of an id: lowercase hex when it is hex or base64 bytes, else the trimmed text. */
export function normalizeId(raw: unknown): string {
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.trunc(raw).toString(16);
  if (typeof raw !== 'string') return '';
  // Every span of a trace repeats its trace id: the last answer serves the next span.
  if (raw === last.raw) return last.id;
  const id = normalizeText(raw);
  last.raw = raw;
  last.id = id;
  return id;
}
const last = { raw: '', id: '' };

/** Lowercase hex with nothing around it: already the display form (most ids). */
function isLowerHex(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return text.length > 0;
}

function normalizeText(raw: string): string {
  if (isLowerHex(raw)) return raw;
  const text = raw.trim();
  if (text === '') return '';
  if (HEX.test(text)) return text.toLowerCase();
  if (BASE64_ID.test(text)) return base64ToHex(text);
  return text;
}

/**
 * Lookup key of a normalized id: hex ids lose leading zeros, so zero-padded and trimmed spellings
 * match. An all-zero id is the empty key, which every format uses to mean "no parent".
 */
export function idKey(normalized: string): string {
  // Fast path (most ids): no leading '0', so nothing to trim whatever the alphabet.
  if (normalized.charCodeAt(0) !== 48 || !HEX.test(normalized)) return normalized;
  let i = 0;
  while (i < normalized.length && normalized.charCodeAt(i) === 48 /* '0' */) i++;
  return normalized.slice(i);
}

/**
 * Lookup key of a whole trace id (from a URL, a pasted list, a backend answer or a file): case,
 * surrounding space and leading zeros are not significant (Jaeger v1 prints 64-bit ids without
 * them, so "00000000000000ab" and "AB" are one trace). An all-zero id is invalid: W3C Trace
 * Context and OTLP reserve it for "no trace", and Jaeger's OTel-based storage treats an empty
 * (all-zero) TraceID as absent. Its key is '' and `isTraceIdKey` says no, so it matches no trace
 * and a lookup of it ends as "not found" rather than landing on whichever trace lacks an id.
 */
export function traceIdKey(id: string): string {
  return id.trim().toLowerCase().replace(/^0+/, '');
}

/** False for the key of an empty or all-zero trace id, which names no trace. */
export const isTraceIdKey = (key: string): boolean => key !== '';
