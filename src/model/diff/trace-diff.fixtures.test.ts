import { readFileSync, readdirSync } from 'node:fs';
import { parseTraceDocument } from '../parse-document';
import { FIXTURE_ROOT } from '../test-support/fixture-index';
import type { Trace } from '../trace';
import { RowFlag } from './merged-rows';
import { diffTraces } from './trace-diff';

const traceFiles = readdirSync(FIXTURE_ROOT, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json') && !file.includes('manifest'))
  .sort();

const tracesOf = (file: string): Trace[] =>
  parseTraceDocument(readFileSync(`${FIXTURE_ROOT}/${file}`, 'utf8')).traces.map((p) => p.trace);

const all = traceFiles.flatMap((file) => tracesOf(file).map((trace) => ({ file, trace })));

/** Span indexes of each side over the rows that are spans (not repeat summaries). */
function sides(diff: ReturnType<typeof diffTraces>) {
  const a: number[] = [];
  const b: number[] = [];
  const { rows } = diff;
  for (let r = 0; r < rows.rowCount; r++) {
    if (((rows.flags[r] ?? 0) & RowFlag.Repeat) !== 0) continue;
    if ((rows.indexA[r] ?? -1) >= 0) a.push(rows.indexA[r] ?? -1);
    if ((rows.indexB[r] ?? -1) >= 0) b.push(rows.indexB[r] ?? -1);
  }
  return { a: a.sort((x, y) => x - y), b: b.sort((x, y) => x - y) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('diff on the real fixtures', () => {
  it('has traces to compare', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map(({ file, trace }, k) => [`${file} #${k}`, trace] as const))(
    '%s against itself: every span matched, no change',
    (_, trace) => {
      const diff = diffTraces(trace, trace);
      expect(diff.matched).toBe(trace.spanCount);
      const { rows } = diff;
      for (let r = 0; r < rows.rowCount; r++) {
        expect(rows.indexB[r]).toBe(rows.indexA[r]);
        expect(rows.durationB[r]).toBe(rows.durationA[r]);
      }
    },
  );

  it('puts every span of two different real traces in exactly one row', () => {
    for (let k = 1; k < all.length; k++) {
      const a = all[k - 1]?.trace;
      const b = all[k]?.trace;
      if (!a || !b) continue;
      const diff = diffTraces(a, b);
      const seen = sides(diff);
      expect(seen.a).toEqual(range(a.spanCount));
      expect(seen.b).toEqual(range(b.spanCount));
    }
  });
});
