/**
 * logfmt for the Attributes field: `http.status_code=500 error=true msg="a b \"c\""`.
 *
 * Hand-written rather than a dependency because the form needs the error *position* for an inline
 * message, and because Jaeger UI's behaviour has to be matched exactly: a bare key means "true"
 * (Jaeger UI's logfmt parser does the same, so `error` finds error spans).
 */
export type LogfmtResult =
  | { readonly ok: true; readonly value: Record<string, string> }
  | {
      readonly ok: false;
      readonly error: string;
      /** 0-based character offset */ readonly position: number;
    };

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function parseLogfmt(text: string): LogfmtResult {
  // A Map, made an object at the end: assigning `value[key]` on a plain object drops a tag
  // named `__proto__` (the assignment sets the prototype instead), and tag keys are user data.
  const value = new Map<string, string>();
  let i = 0;
  const fail = (error: string, position: number): LogfmtResult => ({ ok: false, error, position });
  while (i < text.length) {
    while (isSpace(text[i])) i += 1;
    if (i >= text.length) break;
    const keyStart = i;
    while (i < text.length && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '"') i += 1;
    const key = text.slice(keyStart, i);
    if (text[i] === '"') return fail(`Unexpected quote in a key at column ${i + 1}`, i);
    if (key === '') return fail(`Missing key before "=" at column ${i + 1}`, i);
    if (text[i] !== '=') {
      value.set(key, 'true');
      continue;
    }
    i += 1; // '='
    if (text[i] === '"') {
      const quoteStart = i;
      i += 1;
      let out = '';
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '\\') {
          const next = text[i + 1];
          if (next === undefined) break;
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else if (c === '"') {
          closed = true;
          i += 1;
          break;
        } else {
          out += c;
          i += 1;
        }
      }
      if (!closed) return fail(`Unclosed quote starting at column ${quoteStart + 1}`, quoteStart);
      if (i < text.length && !isSpace(text[i])) {
        return fail(`Expected a space after the closing quote at column ${i + 1}`, i);
      }
      value.set(key, out);
    } else {
      const valueStart = i;
      while (i < text.length && !isSpace(text[i])) {
        if (text[i] === '"')
          return fail(`Unexpected quote in a value at column ${i + 1}; quote the whole value`, i);
        i += 1;
      }
      value.set(key, text.slice(valueStart, i));
    }
  }
  return { ok: true, value: Object.fromEntries(value) };
}

const needsQuotes = /[\s"=\\]/;

/** Inverse of {@link parseLogfmt}: `parseLogfmt(formatLogfmt(x))` gives back `x`. */
export function formatLogfmt(record: Readonly<Record<string, string>>): string {
  return Object.entries(record)
    .map(([key, val]) => {
      if (val !== '' && !needsQuotes.test(val)) return `${key}=${val}`;
      const escaped = val
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\t/g, '\\t');
      return `${key}="${escaped}"`;
    })
    .join(' ');
}

/**
 * The URL's `tags` parameter: Jaeger UI writes JSON (`{"error":"true"}`); people also type logfmt
 * into URLs by hand. Returns logfmt text for the form either way, or null when it is neither.
 */
export function tagsParamToLogfmt(param: string): string | null {
  const trimmed = param.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const entries: [string, string][] = [];
      for (const [key, val] of Object.entries(parsed)) {
        if (typeof val === 'string' || typeof val === 'number' || typeof val === 'boolean')
          entries.push([key, String(val)]);
        else return null;
      }
      return formatLogfmt(Object.fromEntries(entries));
    } catch {
      return null;
    }
  }
  return parseLogfmt(trimmed).ok ? trimmed : null;
}
