import { useRef, useState, type KeyboardEvent } from 'react';
import { directionOfKey, nearestNode, type NodePoint } from './nearest-node';

interface Options {
  /** Node centres in layout order; the first is the Tab stop until another node is focused. */
  readonly points: readonly NodePoint[];
  /** Enter or Space on a node. */
  readonly onActivate: (id: string) => void;
  /** Escape on a node (e.g. clear a selection); the key passes on when absent. */
  readonly onEscape?: () => void;
  /** After an arrow moves focus: a zoomable view pans the node into sight. */
  readonly onMoved?: (id: string, element: SVGGElement) => void;
}

export interface GraphNodeKeyProps {
  readonly tabIndex: number;
  readonly ref: (element: SVGGElement | null) => void;
  readonly onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
  readonly onFocus: () => void;
}

/**
 * Keyboard access for the nodes of an SVG graph, shared by the trace graph and the service graph.
 * A roving tabindex keeps the graph one Tab stop (a 250-node graph must not be 250 of them);
 * arrows move to the nearest node in that direction by layout position (see nearest-node.ts).
 */
export function useGraphKeys({
  points,
  onActivate,
  onEscape,
  onMoved,
}: Options): (id: string) => GraphNodeKeyProps {
  const [current, setCurrent] = useState<string>();
  const elements = useRef(new Map<string, SVGGElement>());
  const stop =
    current !== undefined && points.some((point) => point.id === current) ? current : points[0]?.id;

  return (id: string) => ({
    tabIndex: id === stop ? 0 : -1,
    ref: (element) => {
      if (element) elements.current.set(id, element);
      else elements.current.delete(id);
    },
    onFocus: () => setCurrent(id),
    onKeyDown: (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const direction = directionOfKey(event.key);
      if (direction) {
        const next = nearestNode(points, id, direction);
        const element = next === undefined ? undefined : elements.current.get(next);
        if (next !== undefined && element) {
          setCurrent(next);
          element.focus();
          onMoved?.(next, element);
        }
      } else if (event.key === 'Enter' || event.key === ' ') {
        onActivate(id);
      } else if (event.key === 'Escape' && onEscape) {
        onEscape();
      } else {
        return;
      }
      // Arrows would otherwise scroll the page under the graph.
      event.preventDefault();
    },
  });
}
