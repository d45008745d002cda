import { useCallback, useState } from 'react';

export interface ElementSize {
  /** clientWidth / clientHeight (CSS pixels, padding included); 0 until the first notification. */
  readonly width: number;
  readonly height: number;
}

const UNMEASURED: ElementSize = { width: 0, height: 0 };

/**
 * The client size of an element, kept current by a ResizeObserver; attach the returned callback
 * ref to the element.
 *
 * The first size comes from the observer's initial notification, which the browser delivers
 * after its own layout, before paint, and the state update it causes renders in a task of its
 * own. Reading clientWidth in a layout effect instead forces a layout in the middle of the
 * commit, and its state update re-renders synchronously in the same task: on the trace page
 * that made the first render of a loaded trace one long task.
 * Without ResizeObserver (jsdom) the size is read once when the element mounts.
 *
 * `readOnMount` also reads it synchronously when the element mounts, for content that must be
 * drawn at the right size in its very first frame (a chart), at the cost described above.
 * `initial` is the size to assume until the observer reports (one known before mounting).
 */
export function useElementSize<T extends HTMLElement>({
  readOnMount = false,
  initial = UNMEASURED,
}: { readonly readOnMount?: boolean; readonly initial?: ElementSize } = {}): [
  (node: T | null) => void,
  ElementSize,
] {
  const [size, setSize] = useState(initial);
  const ref = useCallback(
    (node: T | null) => {
      if (!node) return undefined;
      // Read here, not in the updater: React may run an updater while it renders, after other
      // DOM changes, where reading a size forces a layout of its own.
      const measure = () => {
        const width = node.clientWidth;
        const height = node.clientHeight;
        setSize((previous) =>
          previous.width === width && previous.height === height ? previous : { width, height },
        );
      };
      if (readOnMount || typeof ResizeObserver === 'undefined') measure();
      if (typeof ResizeObserver === 'undefined') return undefined;
      // Layout is clean when the observer calls back, so reading client sizes there is free.
      const observer = new ResizeObserver(measure);
      observer.observe(node);
      return () => observer.disconnect();
    },
    [readOnMount],
  );
  return [ref, size];
}
