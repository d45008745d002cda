/**
 * Characters that change how text around them is drawn, or are not drawn at all: C0/C1 controls
 * (not tab, line feed, carriage return), soft hyphen, bidi marks, embeddings, overrides and
 * isolates, zero-width spaces and joiners, invisible operators, the BOM. Trace data is hostile:
 * a service `svc\u202Eelive-rtl` draws as "svcvile-rtl" and searching what is on screen finds
 * nothing. Names and values are shown with these escaped as `\u202E`, and find matches that form.
 */
const INVISIBLE =
  // Control characters are what this looks for.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

export const hasInvisible = (text: string): boolean => INVISIBLE.test(text);

/** `text` with every invisible or direction-changing character as a visible `\uXXXX`. */
export function visibleText(text: string): string {
  if (!INVISIBLE.test(text)) return text;
  return text.replace(
    INVISIBLE_ALL,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
