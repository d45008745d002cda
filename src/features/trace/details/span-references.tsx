import type { SpanReference } from '../../../model/span-detail';

export interface SpanReferencesProps {
  readonly references: readonly SpanReference[];
  readonly traceId: string;
  readonly onJumpToSpan: (index: number) => void;
  readonly traceHref: (traceId: string, spanId?: string) => string;
}

/**
 * Parent references and links. A target in this trace is a button that selects it; a target in
 * another trace is a link to that trace with the span preselected; a target absent from this
 * trace (the parent of an orphan) is said so.
 */
export function SpanReferences({
  references,
  traceId,
  onJumpToSpan,
  traceHref,
}: SpanReferencesProps) {
  return (
    <ul className="span-references">
      {references.map((ref, index) => {
        const sameTrace = ref.traceId === '' || ref.traceId.toLowerCase() === traceId.toLowerCase();
        return (
          <li key={index}>
            <span className="span-references__type">{ref.type}</span>{' '}
            {sameTrace && ref.spanIndex >= 0 ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onJumpToSpan(ref.spanIndex)}
              >
                span {ref.spanId}
              </button>
            ) : sameTrace ? (
              <span>
                span {ref.spanId} <span className="span-panel__muted">(not in this trace)</span>
              </span>
            ) : (
              <a href={traceHref(ref.traceId, ref.spanId)}>
                span {ref.spanId} in trace {ref.traceId}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
