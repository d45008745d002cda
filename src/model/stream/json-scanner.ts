/**
 * A byte-level, incremental JSON scanner for documents too large for one JS string (a 1M-span
 * Jaeger response is ~500 MB). It does not build values: a handler decides, per value at the
 * levels it cares about, to `descend` into it (keys and elements are then reported), `capture`
 * it (its byte range is reported once complete) or `skip` it. Inside captured and skipped values
 * only strings and nesting are tracked, using native `indexOf` to jump to the next quote, which
 * keeps the per-byte cost low. Several top-level values in a row (NDJSON) are accepted.
 *
 * Validation is partial by design: structure at descended levels is checked; captured values are
 * validated by JSON.parse when decoded; skipped values only need balanced brackets and strings.
 */
export type ScanAction = 'descend' | 'capture' | 'skip';
export type ValueKind = 'object' | 'array' | 'scalar';

export interface ScanHandler {
  /** `path` holds object keys and '[]' for array elements, from the root to this value. */
  decide(path: readonly string[], kind: ValueKind): ScanAction;
  /** A captured value occupies bytes [start, end) of the whole input. */
  capture(path: readonly string[], start: number, end: number): void;
  /** A descended container starts at byte `start`. */
  enter(path: readonly string[], kind: 'object' | 'array', start: number): void;
  exit(path: readonly string[], kind: 'object' | 'array', end: number): void;
  /**
   * Optional, for a value the handler chose to capture: read it in place from `chunk` starting
   * at index `i` (absolute offset `base + i`), not at or past `end`, and return the index after
   * it, or -1 to have the scanner find its end and call `capture` as usual. Saves a pass over the
   * value's bytes.
   */
  captureFrom?(
    path: readonly string[],
    chunk: Uint8Array,
    i: number,
    base: number,
    end: number,
  ): number;
}

const enum State {
  RootValue,
  ObjectKeyOrEnd,
  ObjectKey,
  InKey,
  Colon,
  ObjectValue,
  ObjectCommaOrEnd,
  ArrayValueOrEnd,
  ArrayValue,
  ArrayCommaOrEnd,
}

const QUOTE = 34;
const BACKSLASH = 92;
const MAX_KEY_BYTES = 256;
const UTF8 = new TextDecoder();

const isSpace = (b: number): boolean => b === 32 || b === 10 || b === 13 || b === 9;
const isDelimiter = (b: number): boolean => b === 44 || b === 125 || b === 93 || isSpace(b);
const startsScalar = (b: number): boolean =>
  b === QUOTE || b === 45 || (b >= 48 && b <= 57) || b === 116 || b === 102 || b === 110;

/** Number of consecutive backslashes ending just before `end`, not looking before `from`. */
function backslashRun(bytes: Uint8Array, from: number, end: number): number {
  let k = end - 1;
  while (k >= from && bytes[k] === BACKSLASH) k--;
  return end - 1 - k;
}

/** The next quote at or after `i` and before `end`, or -1. */
function quoteBefore(bytes: Uint8Array, i: number, end: number): number {
  const q = bytes.indexOf(QUOTE, i);
  return q < end ? q : -1;
}

export class JsonScanner {
  error: string | null = null;
  /** Bytes consumed so far; also the absolute offset of the next chunk. */
  offset = 0;
  private readonly handler: ScanHandler;
  private readonly states: State[] = [State.RootValue];
  private readonly kinds: ('object' | 'array')[] = [];
  private readonly path: string[] = [];
  private key: number[] = [];
  private keyEscaped = false;
  private carriedBackslashes = 0;
  // Raw mode: inside a captured or skipped value.
  private raw = false;
  private rawCapture = false;
  private rawStart = 0;
  private rawDepth = 0;
  private rawInString = false;
  private rawBare = false;
  private values = 0;
  /** Bytes of the current chunk: `push` may be given a buffer with spare bytes after them. */
  private end = 0;

  constructor(handler: ScanHandler) {
    this.handler = handler;
  }

  /** Top-level values completed so far. */
  get topLevelValues(): number {
    return this.values;
  }

  /** Scans `chunk[0, length)`; bytes after `length` (padding) are never scanned. */
  push(chunk: Uint8Array, length = chunk.length): void {
    if (this.error !== null) return;
    const base = this.offset;
    this.end = length;
    let i = 0;
    while (i < length && this.error === null) {
      if (this.raw) i = this.scanRaw(chunk, i, base);
      else if (this.top() === State.InKey) i = this.scanKey(chunk, i);
      else i = this.step(chunk, i, base);
    }
    this.offset = base + length;
  }

  /** Call after the last chunk; reports a truncated document. */
  finish(): void {
    if (this.error !== null) return;
    if (this.raw && this.rawBare) this.endRaw(this.offset);
    if (this.raw || this.states.length > 1)
      this.fail(this.offset, 'the document ended before its JSON was complete (truncated?)');
    else if (this.values === 0) this.fail(this.offset, 'the document is empty');
  }

  private top(): State {
    return this.states[this.states.length - 1] ?? State.RootValue;
  }

  private setTop(state: State): void {
    this.states[this.states.length - 1] = state;
  }

  private fail(at: number, message: string): void {
    this.error ??= `${message} (byte ${at})`;
  }

  private step(chunk: Uint8Array, i: number, base: number): number {
    const b = chunk[i] ?? 0;
    if (isSpace(b)) return i + 1;
    switch (this.top()) {
      case State.RootValue:
      case State.ObjectValue:
      case State.ArrayValue:
        return this.startValue(chunk, i, base);
      case State.ArrayValueOrEnd:
        return b === 93 ? this.closeContainer(i, base) : this.startValue(chunk, i, base);
      case State.ObjectKeyOrEnd:
      case State.ObjectKey:
        if (b === 125 && this.top() === State.ObjectKeyOrEnd) return this.closeContainer(i, base);
        if (b !== QUOTE) return this.unexpected(b, i, base, 'a key');
        this.key = [];
        this.keyEscaped = false;
        this.carriedBackslashes = 0;
        this.setTop(State.InKey);
        return i + 1;
      case State.Colon:
        if (b !== 58) return this.unexpected(b, i, base, "':'");
        this.setTop(State.ObjectValue);
        return i + 1;
      case State.ObjectCommaOrEnd:
        if (b === 44) this.setTop(State.ObjectKey);
        else if (b === 125) return this.closeContainer(i, base);
        else return this.unexpected(b, i, base, "',' or '}'");
        return i + 1;
      case State.ArrayCommaOrEnd:
        if (b === 44) this.setTop(State.ArrayValue);
        else if (b === 93) return this.closeContainer(i, base);
        else return this.unexpected(b, i, base, "',' or ']'");
        return i + 1;
      case State.InKey:
        return i; // handled by scanKey
    }
  }

  private unexpected(b: number, i: number, base: number, wanted: string): number {
    this.fail(base + i, `unexpected '${String.fromCharCode(b)}' where ${wanted} was expected`);
    return i + 1;
  }

  private startValue(chunk: Uint8Array, i: number, base: number): number {
    const b = chunk[i] ?? 0;
    const kind: ValueKind = b === 123 ? 'object' : b === 91 ? 'array' : 'scalar';
    if (kind === 'scalar' && !startsScalar(b)) return this.unexpected(b, i, base, 'a value');
    const depth = this.states.length - 1;
    if (depth > 0) this.path.push(this.kinds[depth - 1] === 'object' ? this.decodeKey() : '[]');
    const action = this.handler.decide(this.path, kind);
    if (action === 'descend' && kind !== 'scalar') {
      this.kinds.push(kind);
      this.states.push(kind === 'object' ? State.ObjectKeyOrEnd : State.ArrayValueOrEnd);
      this.handler.enter(this.path, kind, base + i);
      return i + 1;
    }
    if (action === 'capture' && this.handler.captureFrom !== undefined) {
      const after = this.handler.captureFrom(this.path, chunk, i, base, this.end);
      if (after >= 0) {
        this.valueDone();
        return after;
      }
    }
    this.raw = true;
    this.rawCapture = action === 'capture';
    this.rawStart = base + i;
    this.rawDepth = kind === 'scalar' ? 0 : 1;
    this.rawInString = b === QUOTE;
    this.rawBare = kind === 'scalar' && b !== QUOTE;
    this.carriedBackslashes = 0;
    return this.rawBare ? i : i + 1;
  }

  private closeContainer(i: number, base: number): number {
    const kind = this.kinds.pop() ?? 'object';
    this.states.pop();
    this.handler.exit(this.path, kind, base + i + 1);
    this.valueDone();
    return i + 1;
  }

  /** A value at the current level is complete: leave its path segment, expect what follows. */
  private valueDone(): void {
    const depth = this.states.length - 1;
    if (depth > 0) {
      this.path.pop();
      this.setTop(
        this.kinds[depth - 1] === 'object' ? State.ObjectCommaOrEnd : State.ArrayCommaOrEnd,
      );
    } else {
      this.values++;
      this.setTop(State.RootValue);
    }
  }

  private endRaw(end: number): void {
    this.raw = false;
    if (this.rawCapture) this.handler.capture(this.path, this.rawStart, end);
    this.valueDone();
  }

  private scanRaw(chunk: Uint8Array, i: number, base: number): number {
    const n = this.end;
    if (this.rawBare) {
      while (i < n && !isDelimiter(chunk[i] ?? 0)) i++;
      if (i < n) this.endRaw(base + i);
      return i;
    }
    while (i < n) {
      if (this.rawInString) {
        const q = quoteBefore(chunk, i, n);
        if (q < 0) {
          const run = backslashRun(chunk, i, n);
          this.carriedBackslashes = run === n - i ? this.carriedBackslashes + run : run;
          return n;
        }
        let run = backslashRun(chunk, i, q);
        if (run === q - i) run += this.carriedBackslashes;
        this.carriedBackslashes = 0;
        i = q + 1;
        if (run % 2 === 1) continue; // escaped quote
        this.rawInString = false;
        if (this.rawDepth === 0) {
          this.endRaw(base + i);
          return i;
        }
        continue;
      }
      const b = chunk[i] ?? 0;
      i++;
      if (b === QUOTE) {
        this.rawInString = true;
        this.carriedBackslashes = 0;
      } else if (b === 123 || b === 91) this.rawDepth++;
      else if (b === 125 || b === 93) {
        this.rawDepth--;
        if (this.rawDepth === 0) {
          this.endRaw(base + i);
          return i;
        }
      }
    }
    return i;
  }

  private scanKey(chunk: Uint8Array, i: number): number {
    const n = this.end;
    const q = quoteBefore(chunk, i, n);
    const end = q < 0 ? n : q;
    for (let k = i; k < end && this.key.length < MAX_KEY_BYTES; k++) this.key.push(chunk[k] ?? 0);
    let run = backslashRun(chunk, i, end);
    if (run === end - i) run += this.carriedBackslashes;
    if (run > 0 || chunk.subarray(i, end).includes(BACKSLASH)) this.keyEscaped = true;
    if (q < 0) {
      this.carriedBackslashes = run;
      return n;
    }
    this.carriedBackslashes = 0;
    if (run % 2 === 1) {
      if (this.key.length < MAX_KEY_BYTES) this.key.push(QUOTE);
      return q + 1;
    }
    this.setTop(State.Colon);
    return q + 1;
  }

  private decodeKey(): string {
    const text = UTF8.decode(Uint8Array.from(this.key));
    if (!this.keyEscaped) return text;
    try {
      return String(JSON.parse(`"${text}"`));
    } catch {
      return text;
    }
  }
}
