import { useMemo, useState } from 'react';
import type { DiffCore, TraceDiff } from '../../model/diff/trace-diff';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { formatCount } from '../../ui/format-count';
import type { LoadedTrace } from '../../worker/messages';
import { CompareSummary } from './compare-summary';
import { DiffFilters } from './diff-filters';
import { DiffGraphView } from './diff-graph-view';
import {
  DEFAULT_THRESHOLD,
  isCollapsed,
  visibleRows,
  type NameFocus,
  type Threshold,
} from './diff-row-model';
import { DiffTable } from './diff-table';
import { SpanLinks } from './span-links';
import { TimeBreakdownTable } from './time-breakdown-table';
import { useTraceDiff } from './use-trace-diff';

/**
 * One comparison: A against B, each a trace or, for one of them, the median of `baseline` per
 * aligned span; diffed in the worker.
 */
export function Comparison({
  a,
  b,
  baseline,
}: {
  /** Null for the side that is the median of `baseline`. */
  readonly a: LoadedTrace | null;
  readonly b: LoadedTrace | null;
  readonly baseline: readonly LoadedTrace[];
}) {
  const median = baseline.map((t) => t.handle);
  const state = useTraceDiff(a ? [a.handle] : median, b ? [b.handle] : median);
  const core = state.status === 'core' || state.status === 'ready' ? state.core : null;
  return (
    <>
      <CompareSummary a={a} b={b} baseline={baseline} diff={core} />
      {state.status === 'error' && (
        <ErrorPanel title="Could not compare these traces" error={failureDetails(state.error)} />
      )}
      {core && (
        <ReadyDiff diff={core} full={state.status === 'ready' ? state.diff : null} a={a} b={b} />
      )}
    </>
  );
}

/** The table as soon as the rows are in; the graph once the worker has built it too. */
function ReadyDiff({
  diff,
  full,
  a,
  b,
}: {
  readonly diff: DiffCore;
  /** The diff with its graph; null while the graph is being built. */
  readonly full: TraceDiff | null;
  readonly a: LoadedTrace | null;
  readonly b: LoadedTrace | null;
}) {
  const labelA = a ? 'A' : 'median';
  const labelB = b ? 'B' : 'median';
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const [threshold, setThreshold] = useState<Threshold>(DEFAULT_THRESHOLD);
  const [focus, setFocus] = useState<NameFocus | null>(null);
  const [toggled, setToggled] = useState<ReadonlySet<number>>(new Set());
  const [activeRow, setActiveRow] = useState(-1);
  const [node, setNode] = useState(-1);
  const rows = useMemo(
    () =>
      toggled.size === 0 && !onlyDifferences && !focus
        ? diff.shown
        : visibleRows(diff, toggled, { onlyDifferences, threshold, focus }),
    [diff, toggled, onlyDifferences, threshold, focus],
  );
  // The active row is kept by diff row, so filtering or folding keeps it where it still shows.
  const active = activeRow >= 0 ? rows.indexOf(activeRow) : -1;
  const toggle = (row: number) =>
    setToggled((previous) => {
      const next = new Set(previous);
      if (!next.delete(row)) next.add(row);
      return next;
    });
  const r = diff.rows;
  const name = r.name[activeRow] ?? 0;
  const selectRow = (row: number) => {
    setActiveRow(row);
    setNode(row >= 0 && full ? (full.graph.nodeOfRow[row] ?? -1) : -1);
  };
  // A node selects its first row in the table, unfolding the summaries that hide it.
  const selectNode = (selected: number) => {
    setNode(selected);
    const row = full?.graph.firstRow[selected] ?? -1;
    const unfold: number[] = [];
    for (let p = r.parent[row] ?? -1; p >= 0; p = r.parent[p] ?? -1)
      if (isCollapsed(r, toggled, p)) unfold.push(p);
    if (unfold.length > 0)
      setToggled((previous) => {
        const next = new Set(previous);
        for (const p of unfold) if (!next.delete(p)) next.add(p);
        return next;
      });
    setActiveRow(row);
  };
  return (
    <>
      <TimeBreakdownTable
        diff={diff}
        labelA={labelA}
        labelB={labelB}
        focus={focus}
        onFocus={setFocus}
      />
      <DiffFilters
        onlyDifferences={onlyDifferences}
        onOnlyDifferencesChange={setOnlyDifferences}
        threshold={threshold}
        onThresholdChange={setThreshold}
        focusLabel={
          focus
            ? focus.kind === 'service'
              ? (diff.services[focus.service] ?? '')
              : `${diff.services[diff.nameService[focus.name] ?? 0] ?? ''} ${diff.nameOperation[focus.name] ?? ''}`
            : null
        }
        onClearFocus={() => setFocus(null)}
        rowCount={formatCount(rows.length)}
      />
      <DiffTable
        diff={diff}
        rows={rows}
        a={a}
        b={b}
        labelA={labelA}
        labelB={labelB}
        threshold={threshold}
        toggled={toggled}
        onToggle={toggle}
        active={active}
        onActiveChange={(position) => selectRow(rows[position] ?? -1)}
      />
      {activeRow >= 0 && (
        <SpanLinks
          a={a}
          b={b}
          indexA={r.indexA[activeRow] ?? -1}
          indexB={r.indexB[activeRow] ?? -1}
          label={`${diff.services[diff.nameService[name] ?? 0] ?? ''} ${diff.nameOperation[name] ?? ''}`}
        />
      )}
      {full ? (
        <DiffGraphView
          diff={full}
          threshold={threshold}
          // A row picked before the graph came in is ringed once it does.
          selected={node >= 0 || activeRow < 0 ? node : (full.graph.nodeOfRow[activeRow] ?? -1)}
          onSelect={selectNode}
        />
      ) : (
        <p className="page-loading" role="status">
          Building the structural diff…
        </p>
      )}
    </>
  );
}
