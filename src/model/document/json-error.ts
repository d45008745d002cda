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

/**
 * The same for one value of a larger document (a span whose bytes are [start, end) of a file,
 * beginning on the file's line `firstLine`): lines are the file's. V8's own "(line 3 column 23)"
 * counts from the start of the value, so it is left out; without a position (V8 gives none for
 * some errors) the message names the value's lines.
 */
export function describeJsonErrorIn(
  error: unknown,
  text: string,
  firstLine: number,
  start: number,
  end: number,
): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /position (\d+)/.exec(message);
  const reason = shorten(
    message.replace(/ in JSON at position \d+( \(line \d+ column \d+\))?/, '').replace(/\s+/g, ' '),
  );
  const linesTo = (limit: number) => {
    let line = firstLine;
    for (let i = 0; i < limit && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
  };
  if (match !== null)
    return `Line ${linesTo(Number(match[1]))} (bytes ${start}–${end}) is not valid JSON: ${reason}`;
  const last = linesTo(text.length);
  const lines = last === firstLine ? `Line ${firstLine}` : `Lines ${firstLine}–${last}`;
  return `${lines} (bytes ${start}–${end}) are not valid JSON: ${reason}`;
}

// Engine messages can quote the whole input; keep the line readable.
function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
