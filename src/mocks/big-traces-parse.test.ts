// @vitest-environment node
import { sameAsReference } from '../model/test-support/byte-reading-check';
import { bigTraceId, parseBigTraceId } from './big-traces';
import type { BigProfile } from './big-traces';
import { bigTraceChunks } from './big-trace-stream';

async function generated(profile: BigProfile, spans: number): Promise<Uint8Array> {
  const spec = parseBigTraceId(bigTraceId('random', spans, profile));
  if (spec === undefined) throw new Error('bad big trace id');
  let text = '';
  for await (const chunk of bigTraceChunks(spec, 'otlp', 5, 1.7e15)) text += chunk;
  return new TextEncoder().encode(text);
}

describe('the one-pass parser on generated traces', () => {
  it.each(['light', 'realistic'] as const)(
    '%s profile: same traces, details and errors as the reference path',
    async (profile) => {
      const bytes = await generated(profile, 3_000);
      sameAsReference(bytes, [1, 4_096, 65_536, 65_537, bytes.length >> 1]);
    },
    30_000,
  );
});
