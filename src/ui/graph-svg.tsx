/** Pieces both graph drawings (service dependencies, trace graph) draw the same way. */

/** An SVG path through a laid-out edge's points. */
export const edgePath = (points: readonly { readonly x: number; readonly y: number }[]): string =>
  points.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');

/** The arrowhead for edge ends; `id` must be unique in the document (`markerEnd="url(#id)"`). */
export function ArrowMarker({ id }: { readonly id: string }) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX="10"
        refY="5"
        markerWidth="8"
        markerHeight="8"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" fill="var(--muted)" />
      </marker>
    </defs>
  );
}
