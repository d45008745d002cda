import { readFileSync } from 'node:fs';
import { parseTraceDocument } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { parseBytes, type ParserDeps } from './parse-input';

/** Which parser a small document goes to, and that both give the same trace. */
async function parsedBy(file: string): Promise<'stream' | 'whole'> {
  let used: 'stream' | 'whole' | undefined;
  const deps: ParserDeps = {
    parseText: (text) => {
      used = 'whole';
      return parseTraceDocument(text);
    },
    createStreamingParser: () => {
      used = 'stream';
      return createStreamingParser();
    },
  };
  const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
  const result = await parseBytes(bytes, deps, {
    bytesTotal: bytes.byteLength,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
  expect(result.traces[0]?.trace.spanCount).toBe(
    parseTraceDocument(new TextDecoder().decode(bytes)).traces[0]?.trace.spanCount,
  );
  if (used === undefined) throw new Error('no parser was used');
  return used;
}

describe('parseBytes picks the parser from the first bytes', () => {
  it('streams OTLP documents of any size: their spans are read from their bytes', async () => {
    expect(await parsedBy('jaeger/GetTrace.json')).toBe('stream');
  });

  it('streams Jaeger v1 API bodies of any size too: `{"data": [...]}`', async () => {
    expect(await parsedBy('jaeger/otlp2jaeger-out.json')).toBe('stream');
  });

  it('parses other small documents whole: a bare v1 trace, Zipkin', async () => {
    expect(await parsedBy('jaeger-ui/testTrace.json')).toBe('whole');
    expect(await parsedBy('zipkin/messaging.json')).toBe('whole');
  });
});
