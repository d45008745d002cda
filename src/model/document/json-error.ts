/**
 * Turns a JSON.parse failure into one line a user can act on, with line and column when the
 * engine reports a position (V8 does: "... at position 123"), and a short excerpt of the text.
 */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  if (match === null) return `The document is not valid JSON: ${shorten(message)}`;
  const position = Number(match[1]);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const excerpt = text.slice(Math.max(0, position - 20), position + 20).replace(/\s+/g, ' ');
  return `The document is not valid JSON (line ${line}, column ${position - lineStart + 1}, near "${excerpt}"): ${shorten(message)}`;
}

// Engine messages can quote the whole input; keep the line readable.
function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
