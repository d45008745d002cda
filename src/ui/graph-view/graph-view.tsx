import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { directionOfKey, nearestNode } from '../nearest-node';
import { useElementSize } from '../use-element-size';
import type { Transform } from './draw-graph';
import { GraphFind } from './graph-find';
import { boundsOf, nodeAt, type GraphScene, type ScenePositions } from './graph-scene';
import { useGraphPainting, type PaintInput } from './use-graph-painting';
import { useGraphZoom } from './use-graph-zoom';
import './graph-view.css';

interface Props {
  readonly scene: GraphScene;
  readonly positions: ScenePositions | undefined;
  /** Bumped by the caller when `positions` is the last frame of a layout (fit once more). */
  readonly settled: boolean;
  /** Accessible name of the drawing, e.g. "Service graph: 1,200 services". */
  readonly label: string;
  /** What "find" looks for, e.g. "service". */
  readonly noun: string;
  readonly dimmed?: Uint8Array;
  /** The selected (focused) node, or -1. */
  readonly selected: number;
  /** Click, Enter or Space on a node. */
  readonly onActivate: (node: number) => void;
  readonly onEscape?: () => void;
  /** One line about a node for screen readers (announced as the keyboard moves). */
  readonly describe: (node: number) => string;
  /** Extra controls for the toolbar (focus hops, colour mode). */
  readonly children?: React.ReactNode;
}

/**
 * The one graph drawing of the app (service graph, trace graph, deep dependency graph): canvas,
 * so 1,000+ nodes and 4,000+ edges pan at frame rate; zoom by wheel, pinch, drag and buttons
 * (+, −, Fit, 1:1); find by name; a keyboard path (the canvas is one Tab stop; arrows move
 * between nodes by position, Enter selects, +/−/0 zoom, announced through a live region).
 */
export function GraphView(props: Props) {
  const { scene, positions, settled, dimmed, selected } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLOutputElement>(null);
  const [sizeRef, size] = useElementSize<HTMLDivElement>({ readOnMount: true });
  const [current, setCurrent] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const helpId = useId();
  const transformRef = useRef<Transform>({ k: 1, x: 0, y: 0 });
  const latest = useRef<PaintInput>({ scene, positions, dimmed, selected, current });
  useEffect(() => {
    latest.current = { scene, positions, dimmed, selected, current };
  });
  const { redraw, onView } = useGraphPainting(canvasRef, readoutRef, latest, transformRef);
  const zoom = useGraphZoom(canvasRef, size, onView, transformRef);

  // Canvas backing store follows the element size and the pixel ratio.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.width * ratio);
    canvas.height = Math.round(size.height * ratio);
    redraw();
  }, [size, redraw]);

  const firstFrame = useRef(true);
  useEffect(() => {
    if (!positions) return;
    zoom.setBounds(boundsOf(scene.graph, positions), firstFrame.current || settled);
    firstFrame.current = false;
    redraw();
  }, [scene, positions, settled, zoom, redraw]);
  useEffect(redraw, [dimmed, selected, current, redraw]);

  const moveTo = (node: number, center: boolean) => {
    setCurrent(node);
    setAnnouncement(props.describe(node));
    const x = positions?.x[node] ?? 0;
    const y = positions?.y[node] ?? 0;
    if (center) zoom.centerOn(x, y, 1);
    else zoom.reveal(x, y);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const direction = directionOfKey(event.key);
    const from = current >= 0 ? current : selected;
    if (direction) {
      // Built on demand: a layout streams a new frame every 60 ms, keys come far less often.
      const points = Array.from({ length: positions ? scene.graph.nodeCount : 0 }, (_, i) => ({
        id: String(i),
        x: positions?.x[i] ?? 0,
        y: positions?.y[i] ?? 0,
      }));
      const next = from < 0 ? points[0]?.id : nearestNode(points, String(from), direction);
      if (next !== undefined) moveTo(Number(next), false);
    } else if ((event.key === 'Enter' || event.key === ' ') && from >= 0) {
      props.onActivate(from);
    } else if (event.key === 'Escape' && props.onEscape) {
      props.onEscape();
    } else if (event.key === '+' || event.key === '=') {
      zoom.scaleBy(1.5);
    } else if (event.key === '-') {
      zoom.scaleBy(1 / 1.5);
    } else if (event.key === '0') {
      zoom.fit();
    } else {
      return;
    }
    event.preventDefault();
  };

  const onClick = (event: React.MouseEvent<HTMLCanvasElement>) => {
    if (!positions) return;
    const box = event.currentTarget.getBoundingClientRect();
    const t = zoom.transform.current;
    const node = nodeAt(
      scene.graph,
      positions,
      (event.clientX - box.left - t.x) / t.k,
      (event.clientY - box.top - t.y) / t.k,
    );
    if (node < 0) return;
    setCurrent(node);
    setAnnouncement(props.describe(node));
    props.onActivate(node);
  };

  return (
    <div className="graph-view">
      <div className="graph-view-toolbar">
        <GraphFind
          labels={scene.labels}
          noun={props.noun}
          disabled={!positions}
          onFound={(node) => moveTo(node, true)}
        />
        <div className="graph-view-zoom" role="group" aria-label="Zoom">
          <button
            type="button"
            onClick={() => zoom.scaleBy(1.5)}
            disabled={!positions}
            aria-label="Zoom in"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => zoom.scaleBy(1 / 1.5)}
            disabled={!positions}
            aria-label="Zoom out"
          >
            −
          </button>
          <button type="button" onClick={zoom.fit} disabled={!positions}>
            Fit
          </button>
          <button
            type="button"
            onClick={zoom.oneToOne}
            disabled={!positions}
            aria-label="Actual size"
          >
            1:1
          </button>
          <output ref={readoutRef} aria-label="Zoom level" className="graph-view-readout" />
        </div>
        {props.children}
      </div>
      <div ref={sizeRef} className="graph-view-stage">
        <canvas
          ref={canvasRef}
          className="graph-view-canvas"
          role="application"
          aria-label={props.label}
          aria-describedby={helpId}
          // Nodes still move while the layout streams: where an arrow key leads may change.
          aria-busy={!settled}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onClick={onClick}
        />
      </div>
      <p id={helpId} className="visually-hidden">
        Arrow keys move between {props.noun}s, Enter selects one, Escape clears, plus and minus
        zoom, 0 fits the graph.
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
