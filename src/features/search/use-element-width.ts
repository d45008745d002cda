/** Width of an element, kept current with a ResizeObserver, for charts that draw in pixels. */
import { useCallback, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(
  fallback = 800,
): [(node: T | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  // A callback ref (not useEffect on a ref) so the observer follows the node if it remounts.
  const ref = useCallback(
    (node: T | null) => {
      if (!node) return undefined;
      setWidth(node.clientWidth || fallback);
      if (typeof ResizeObserver === 'undefined') return undefined;
      const observer = new ResizeObserver((entries) => {
        const entry = entries[0];
        if (entry) setWidth(Math.max(1, Math.floor(entry.contentRect.width)));
      });
      observer.observe(node);
      return () => observer.disconnect();
    },
    [fallback],
  );
  return [ref, width];
}
