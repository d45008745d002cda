/**
 * A StreamingParserLike that only buffers and parses the whole text at the end. Stand-in while
 * the model's streaming parser (src/model/stream) is not available: same results, but it needs
 * the whole body as one string, so it cannot open documents larger than V8's string limit.
 */
import { parseTraceDocument, type ParseResult } from '../model/parse-document';
import type { StreamingParserLike } from './parse-input';

export function createBufferingParser(): StreamingParserLike {
  const decoder = new TextDecoder();
  let text = '';
  return {
    spansParsed: 0,
    push(chunk: Uint8Array) {
      // Decode as it arrives so memory holds one copy (the string) rather than bytes plus string.
      text += decoder.decode(chunk, { stream: true });
    },
    finish(): ParseResult {
      text += decoder.decode();
      const result = parseTraceDocument(text);
      text = '';
      return result;
    },
  };
}
