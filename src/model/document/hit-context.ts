/**
 * Where, in a span's OTLP JSON bytes, a needle's occurrence lies: in the text of an attribute
 * key or string value (the `"key"` and `"stringValue"` members, at any depth: arrays and kvlists
 * show their strings as they are), in a member name (`"stringValue"` itself: structure, never
 * shown), or somewhere else (a number, a literal, an enum, base64, a span or event name, a status
 * message): then only decoding the span can tell.
 *
 * The needle holds no quote, backslash or JSON structural character (run-find.ts vets it), so
 * it lies inside one string or outside all of them, and only the escape right before it can
 * change what it reads as once decoded (`\nx` is a newline and "x"). The scans only look at the
 * quotes and the few bytes around them; an escaped quote is one preceded by an odd number of
 * backslashes. Unknown members named "key" or "stringValue" in places the detail does not show
 * would count as shown: a find may then list a span it cannot show the word in.
 */
export const IN_SHOWN_TEXT = 0;
export const IN_MEMBER_NAME = 1;
export const UNKNOWN_PLACE = 2;
export type HitPlace = typeof IN_SHOWN_TEXT | typeof IN_MEMBER_NAME | typeof UNKNOWN_PLACE;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const SHOWN_MEMBERS = ['key', 'stringValue'].map((name) => new TextEncoder().encode(name));

const isSpace = (byte: number | undefined): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

function escaped(bytes: Uint8Array, at: number): boolean {
  let backslashes = 0;
  while (bytes[at - 1 - backslashes] === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** The first unescaped quote at or after `from`, or -1. */
function quoteAfter(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(QUOTE, from); at !== -1; at = bytes.indexOf(QUOTE, at + 1))
    if (!escaped(bytes, at)) return at;
  return -1;
}

/** The last unescaped quote at or before `from`, or -1. */
function quoteBefore(bytes: Uint8Array, from: number): number {
  for (let at = bytes.lastIndexOf(QUOTE, from); at > 0; at = bytes.lastIndexOf(QUOTE, at - 1))
    if (!escaped(bytes, at)) return at;
  return bytes[0] === QUOTE ? 0 : -1;
}

/** Whether the unescaped string closing at `close` is one of the shown members' names. */
function namesShownMember(bytes: Uint8Array, close: number): boolean {
  return SHOWN_MEMBERS.some((name) => {
    const open = close - name.length - 1;
    if (open < 0 || bytes[open] !== QUOTE || escaped(bytes, open)) return false;
    for (let i = 0; i < name.length; i++) if (bytes[open + 1 + i] !== name[i]) return false;
    return true;
  });
}

/** The place of the occurrence at bytes [start, end). */
export function hitPlace(bytes: Uint8Array, start: number, end: number): HitPlace {
  if (bytes[start - 1] === BACKSLASH) return UNKNOWN_PLACE;
  const close = quoteAfter(bytes, end);
  if (close === -1) return UNKNOWN_PLACE;
  let after = close + 1;
  while (isSpace(bytes[after])) after++;
  const next = bytes[after];
  let before = quoteBefore(bytes, start - 1) - 1;
  while (isSpace(bytes[before])) before--;
  // A member name opens after `{` or `,` and closes before `:`.
  if (next === COLON)
    return bytes[before] === 0x7b || bytes[before] === 0x2c ? IN_MEMBER_NAME : UNKNOWN_PLACE;
  // A member's string value opens after `:` and closes before `,` or `}`.
  if (next !== 0x2c && next !== 0x7d) return UNKNOWN_PLACE;
  if (bytes[before] !== COLON) return UNKNOWN_PLACE;
  before--;
  while (isSpace(bytes[before])) before--;
  if (bytes[before] !== QUOTE || escaped(bytes, before)) return UNKNOWN_PLACE;
  return namesShownMember(bytes, before) ? IN_SHOWN_TEXT : UNKNOWN_PLACE;
}
