/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The real-data fixtures (read in place, never copied or edited) and their INDEX.md columns.
 * `shared/` sits beside the repository, in CI too; vitest runs from the repository root (jsdom
 * gives modules http: URLs, so import.meta.url cannot locate it).
 */
export const FIXTURE_ROOT = resolve(process.cwd(), '../shared/fixtures/real');

export interface FixtureRow {
  readonly file: string;
  readonly format: string;
  readonly spans: number;
  readonly traces: number;
  readonly services: number;
  readonly roots: number;
  readonly orphans: number;
  readonly duplicates: number;
  readonly early: number;
  readonly late: number;
  readonly errors: number;
  readonly noTimestamp: number;
}

/** Rows of INDEX.md's table that describe trace data (a "spans/traces/svcs" triple). */
export function readFixtureIndex(): Map<string, FixtureRow> {
  const rows = new Map<string, FixtureRow>();
  const text = readFileSync(`${FIXTURE_ROOT}/INDEX.md`, 'utf8');
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = line.split('|').map((cell) => cell.trim());
    // cells[0] is empty (leading pipe): file, path, bytes, format, s/t/s, roots, orph, dup, early, late, FF, links, logs, warn, err, noTS
    const [
      ,
      file = '',
      ,
      ,
      format = '',
      triple = '',
      roots,
      orph,
      dup,
      early,
      late,
      ,
      ,
      ,
      ,
      err,
      noTs,
    ] = cells;
    const counts = /^(\d+)\/(\d+)\/(\d+)$/.exec(triple);
    if (counts === null) continue;
    rows.set(file, {
      file,
      format,
      spans: Number(counts[1]),
      traces: Number(counts[2]),
      services: Number(counts[3]),
      roots: Number(roots),
      orphans: Number(orph),
      duplicates: Number(dup),
      early: Number(early),
      late: Number(late),
      errors: Number(err),
      noTimestamp: Number(noTs),
    });
  }
  return rows;
}

/** INDEX.md's free-text format column → the format name parseTraceDocument reports. */
export function expectedFormat(indexFormat: string): string {
  if (indexFormat.startsWith('jaeger-ui internal redux')) return 'jaeger-v1';
  if (indexFormat.startsWith('jaeger-v1')) return 'jaeger-v1';
  if (indexFormat.startsWith('jaeger domain')) return 'jaeger-domain';
  if (/otlp/i.test(indexFormat)) return 'otlp';
  if (indexFormat.startsWith('zipkin')) return 'zipkin-v2';
  return `unmapped: ${indexFormat}`;
}
