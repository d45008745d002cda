import type { Finding, FindingKind } from '../trace';
import { SpanFlag } from '../trace';

const MAX_EXAMPLES = 5;

const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** Up to MAX_EXAMPLES tree positions whose flags carry `bit`. */
function examplesOf(flags: Uint16Array, bit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flags.length && out.length < MAX_EXAMPLES; i++)
    if (((flags[i] ?? 0) & bit) !== 0) out.push(i);
  return out;
}

export interface FindingCounts {
  readonly orphans: number;
  readonly cycles: number;
  readonly duplicateExtras: number;
  readonly rootCount: number;
  readonly badTiming: number;
  readonly spanCount: number;
}

/**
 * One line per oddity, saying what it means and what Cairn did about it. Tree positions of a few
 * affected spans let the user jump there.
 */
export function describeFindings(
  counts: FindingCounts,
  flags: Uint16Array,
  parent: Int32Array,
): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: FindingKind, count: number, message: string, examples: number[]): void => {
    findings.push({ kind, count, message, examples });
  };
  if (counts.spanCount === 0)
    add('no-spans', 0, 'This trace has no spans; there is nothing to show.', []);
  if (counts.orphans > 0)
    add(
      'orphans',
      counts.orphans,
      `${plural(counts.orphans, 'span references a parent', 'spans reference a parent')} that is not in this trace; they are shown as roots.`,
      examplesOf(flags, SpanFlag.Orphan),
    );
  if (counts.cycles > 0)
    add(
      'cycles',
      counts.cycles,
      `${plural(counts.cycles, 'parent link', 'parent links')} would make a span its own ancestor; each was cut and that span is shown as a root.`,
      examplesOf(flags, SpanFlag.CycleCut),
    );
  if (counts.duplicateExtras > 0)
    add(
      'duplicate-ids',
      counts.duplicateExtras,
      `${plural(counts.duplicateExtras, 'span reuses a span id', 'spans reuse span ids')} already used in this trace; all are kept and flagged, and children attach to the first.`,
      examplesOf(flags, SpanFlag.DuplicateId),
    );
  if (counts.rootCount > 1) {
    const roots: number[] = [];
    for (let i = 0; i < parent.length && roots.length < MAX_EXAMPLES; i++)
      if (parent[i] === -1) roots.push(i);
    add(
      'multiple-roots',
      counts.rootCount,
      `This trace has ${counts.rootCount} root spans; they are shown one after another, ordered by start time.`,
      roots,
    );
  }
  if (counts.badTiming > 0)
    add(
      'bad-timing',
      counts.badTiming,
      `${plural(counts.badTiming, 'span has', 'spans have')} a missing, zero, negative or far-future start time or duration; such starts are drawn at the parent's start and bad durations as zero.`,
      examplesOf(flags, SpanFlag.BadTiming),
    );
  return findings;
}
