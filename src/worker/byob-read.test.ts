/// <reference types="node" />
import { COLUMN_BYTES_PER_SPAN } from './loaded-trace';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parseTraceDocument } from '../model/parse-document';
import type { ParseResult } from '../model/parse-document';
import { createStreamingParser } from '../model/stream/streaming-parser';
import { FIXTURE_ROOT } from '../model/test-support/fixture-index';
import { observable } from '../model/test-support/byte-reading-check';
import type { BodyMemory } from './byob-read';
import { parseStream, type ParserDeps } from './parse-input';
import { byteStreamOf } from './test-support/byte-stream';

/** Fresh buffers of `pieceBytes`, counted, as WarmMemory hands them out. */
function piecesOf(pieceBytes: number): BodyMemory & { released: boolean } {
  const memory = {
    warmTaken: 0,
    freshTaken: 0,
    released: false,
    next: () => {
      memory.freshTaken += 1;
      return new ArrayBuffer(pieceBytes);
    },
    release: () => {
      memory.released = true;
    },
  };
  return memory;
}

async function parsed(
  bytes: Uint8Array,
  readSizes: readonly number[],
  memory: BodyMemory | null,
  { bytesTotal = bytes.byteLength, streamThresholdBytes = 0 } = {},
): Promise<ParseResult> {
  const deps: ParserDeps = {
    parseText: parseTraceDocument,
    createStreamingParser,
    // By default every body "streams", so the small fixtures take the big bodies' path.
    streamThresholdBytes,
    bodyMemory: () => memory,
  };
  return parseStream(byteStreamOf(bytes, readSizes), deps, {
    bytesTotal,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
}

const OTLP_AND_V1 = [
  'jaeger/GetTrace.json',
  'jaeger/otlp2jaeger-out.json',
  'jaeger-ui/testTrace.json',
];

describe('a body read into lent buffers (BYOB)', () => {
  it.each(OTLP_AND_V1)(
    "%s: the same trace and details as from the stream's own chunks",
    async (file) => {
      const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
      const expected = observable(await parsed(bytes, [bytes.length], null));
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 2_000 }),
          async (readSizes, pieceBytes) => {
            const memory = piecesOf(pieceBytes);
            const result = await parsed(bytes, readSizes, memory);
            // Details decode from the kept bytes: a read that detached them would lose them here.
            expect(observable(result)).toEqual(expected);
            expect(memory.freshTaken).toBeGreaterThanOrEqual(Math.ceil(bytes.length / pieceBytes));
            expect(memory.released).toBe(true);
          },
        ),
        { numRuns: 12 },
      );
    },
  );

  it('reads every fixture with traces the same way, one buffer a few hundred bytes', async () => {
    const files: string[] = [];
    for (const dir of readdirSync(FIXTURE_ROOT, { withFileTypes: true }))
      if (dir.isDirectory())
        for (const name of readdirSync(`${FIXTURE_ROOT}/${dir.name}`))
          files.push(`${dir.name}/${name}`);
    let compared = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/${file}`));
      const expected = observable(await parsed(bytes, [4096], null));
      expect(observable(await parsed(bytes, [97, 4096, 13], piecesOf(333))), file).toEqual(
        expected,
      );
      compared += 1;
    }
    expect(compared).toBeGreaterThan(80);
  });

  it('reads a body of unknown size in its own chunks up to the threshold, then into buffers', async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/jaeger/GetTrace.json`));
    const expected = observable(await parsed(bytes, [bytes.length], null));
    const unknown = { bytesTotal: -1, streamThresholdBytes: 1_000 };
    const big = piecesOf(256);
    expect(observable(await parsed(bytes, [300, 77], big, unknown))).toEqual(expected);
    // Past 1,000 bytes: the rest in 256-byte buffers.
    expect(big.freshTaken).toBeGreaterThanOrEqual(Math.ceil((bytes.length - 1_300) / 256));
    expect(big.released).toBe(true);
    // A body that ends before the threshold never takes a buffer.
    const small = piecesOf(256);
    const smallDoc = { ...unknown, streamThresholdBytes: bytes.length + 1 };
    expect(observable(await parsed(bytes, [300], small, smallDoc))).toEqual(expected);
    expect([small.freshTaken, small.released]).toEqual([0, true]);
  });

  it("asks for the columns' memory when a body read into buffers ends, sized by its spans", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/jaeger/GetTrace.json`));
    const asked: number[] = [];
    const read = (memory: BodyMemory | null) =>
      parseStream(
        byteStreamOf(bytes, [bytes.length]),
        {
          parseText: parseTraceDocument,
          createStreamingParser,
          streamThresholdBytes: 0,
          bodyMemory: () => memory,
          blockMemory: { ask: (n) => asked.push(n), pending: false, take: () => null },
        },
        { bytesTotal: bytes.length, onProgress: () => undefined, isCancelled: () => false },
      );
    const { traces } = await read(piecesOf(512));
    const spans = traces.reduce((n, t) => n + t.trace.spanCount, 0);
    expect(asked).toEqual([spans * COLUMN_BYTES_PER_SPAN]);
    // Read the usual way (no helper at work): nothing to ask for.
    await read(null);
    expect(asked).toHaveLength(1);
  });

  it('asks for memory for a big body only, telling how many bodies download at once', async () => {
    const asked: [number, number][] = [];
    const deps: ParserDeps = {
      parseText: parseTraceDocument,
      createStreamingParser,
      streamThresholdBytes: 100,
      bodyMemory: (bytesTotal, loadsAtOnce) => {
        asked.push([bytesTotal, loadsAtOnce]);
        return null;
      },
    };
    const bytes = new Uint8Array(readFileSync(`${FIXTURE_ROOT}/jaeger/GetTrace.json`));
    const read = (bytesTotal: number, loadsAtOnce?: number) =>
      parseStream(byteStreamOf(bytes, [bytes.length]), deps, {
        bytesTotal,
        onProgress: () => undefined,
        isCancelled: () => false,
        ...(loadsAtOnce === undefined ? {} : { loadsAtOnce }),
      });
    await read(50);
    await read(bytes.length, 2);
    await read(-1);
    expect(asked).toEqual([
      [bytes.length, 2],
      [-1, 1],
    ]);
  });

  it('stops and gives the buffers back when the body fails', async () => {
    const memory = piecesOf(64);
    const failing = new ReadableStream<Uint8Array>({
      type: 'bytes',
      start(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const deps: ParserDeps = {
      parseText: parseTraceDocument,
      createStreamingParser,
      streamThresholdBytes: 0,
      bodyMemory: () => memory,
    };
    await expect(
      parseStream(failing, deps, {
        bytesTotal: 10,
        onProgress: () => undefined,
        isCancelled: () => false,
      }),
    ).rejects.toThrow('connection reset');
    expect(memory.released).toBe(true);
  });
});
