import { useEffect, useMemo, useState } from 'react';
import type { TraceDiff } from '../../model/diff/trace-diff';
import { cssColor } from '../../ui/css-color';
import { formatCount } from '../../ui/format-count';
import { GraphView } from '../../ui/graph-view/graph-view';
import type { Threshold } from './diff-row-model';
import {
  CHANGES,
  diffGraphScene,
  layOutDiffGraph,
  nodeChange,
  nodeText,
  type ChangeColors,
} from './diff-graph-scene';
import { graphWindow } from './diff-graph-window';

/** At most this many nodes are drawn (diff-graph-window.ts). */
const BUDGET = 2_000;

/** `rgb(r, g, b)` → [r, g, b]; canvas needs plain colours, so fills are mixed here. */
const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

function mix(color: string, base: string, share: number): string {
  const [r = 0, g = 0, b = 0] = channels(color);
  const [br = 0, bg = 0, bb = 0] = channels(base);
  const at = (c: number, d: number) => Math.round(c * share + d * (1 - share));
  return `rgb(${at(r, br)}, ${at(g, bg)}, ${at(b, bb)})`;
}

/** Each change's colour (compare.css, `--diff-*`), and a fill of 22% of it on the surface. */
function changeColors(): ChangeColors {
  const root = document.documentElement;
  const surface = cssColor(root, '--surface');
  const entries = CHANGES.map(([change]) => {
    const stroke = cssColor(root, `--diff-${change}`);
    return [change, { stroke, fill: mix(stroke, surface, 0.22) }] as const;
  });
  return Object.fromEntries(entries) as ChangeColors;
}

/**
 * The merged call tree of both traces (model/diff/diff-graph.ts), coloured by how each node
 * changed, in the app's canvas graph view: zoom (wheel, pinch, +, −, Fit, 1:1), find by
 * operation, arrow keys between nodes. Activating a node selects its first row in the table, and
 * a row picked in the table rings its node. A big tree is drawn a window at a time.
 */
export function DiffGraphView({
  diff,
  threshold,
  selected,
  onSelect,
}: {
  readonly diff: TraceDiff;
  readonly threshold: Threshold;
  /** Selected node, -1 for none. */
  readonly selected: number;
  readonly onSelect: (node: number) => void;
}) {
  const { graph } = diff;
  // The window's focus; a selection outside the window moves it there (while rendering, so the
  // graph never draws a frame without the selected node).
  const [focus, setFocus] = useState({ node: -1, include: -1 });
  const shown = useMemo(
    () => graphWindow(graph, focus.node, focus.include, BUDGET),
    [graph, focus],
  );
  if (selected >= 0 && (shown.drawnAt[selected] ?? -1) < 0)
    setFocus({ node: graph.parent[selected] ?? -1, include: selected });
  const layout = useMemo(() => layOutDiffGraph(graph, shown), [graph, shown]);
  const colors = useMemo(() => changeColors(), []);
  const scene = useMemo(
    () => diffGraphScene(diff, layout, threshold, colors),
    [diff, layout, threshold, colors],
  );
  const describe = (node: number) => {
    const text = nodeText(diff, node);
    const change = CHANGES.find(([c]) => c === nodeChange(graph, node, threshold))?.[1] ?? '';
    const errors = `${graph.errorsA[node] ?? 0} → ${graph.errorsB[node] ?? 0} errors`;
    return `${text.service} ${text.operation}: ${change}, calls ${text.counts}, time ${text.durations}, ${errors}`;
  };
  const drawn = shown.nodes.length;
  // The canvas view mounts one task after the scene is built: the two together were one task of
  // 50–70 ms right after the graph came in (10k traces, 2,000 nodes drawn).
  const [staged, setStaged] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setStaged(true));
    return () => clearTimeout(timer);
  }, []);
  return (
    <section className="diff-graph" aria-labelledby="diff-graph-title">
      <div className="diff-graph-head">
        <h2 id="diff-graph-title">Structural diff</h2>
        <ul className="graph-legend" aria-label="Node colours">
          {CHANGES.map(([change, text]) => (
            <li key={change}>
              <span className={`legend-swatch node-${change}`} /> {text}
            </li>
          ))}
        </ul>
      </div>
      {!staged ? (
        <div className="graph-view-stage" />
      ) : (
        <GraphView
          // A moved window is a new picture: fitted afresh.
          key={focus.node}
          scene={scene}
          positions={layout.positions}
          settled
          label={`Merged call tree, ${formatCount(graph.nodeCount)} nodes`}
          noun="operation"
          selected={shown.drawnAt[selected] ?? -1}
          onActivate={(i) => onSelect(shown.nodes[i] ?? -1)}
          describe={(i) => describe(shown.nodes[i] ?? 0)}
        >
          <span className="diff-graph-selection" aria-live="polite">
            Selected: {selected >= 0 ? describe(selected) : 'none'}
          </span>
        </GraphView>
      )}
      {drawn < graph.nodeCount && (
        <p className="diff-graph-window">
          Drawing {formatCount(drawn)} of {formatCount(graph.nodeCount)} nodes:{' '}
          {focus.node < 0
            ? 'the top of the tree.'
            : `around ${nodeText(diff, focus.node).operation}.`}{' '}
          A row picked in the table draws its part.{' '}
          {focus.node >= 0 && (
            <button type="button" onClick={() => setFocus({ node: -1, include: selected })}>
              Draw the top
            </button>
          )}
        </p>
      )}
    </section>
  );
}
