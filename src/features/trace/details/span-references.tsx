import type { SpanReference } from '../../../model/span-detail';
import { ValueText } from './value-text';

export interface SpanReferencesProps {
  readonly references: readonly SpanReference[];
  readonly traceId: string;
  readonly onJumpToSpan: (index: number) => void;
  readonly traceHref: (traceId: string, spanId?: string) => string;
}

/**
 * Parent references and links. A target in this trace is a button that selects it; a target in
 * another trace is a link to that trace with the span preselected; a target absent from this
 * trace (the parent of an orphan) is said so. A link's own attributes (OTLP) follow it.
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
            {ref.attributes.length > 0 ? (
              <table className="attribute-table span-references__attributes">
                <caption className="visually-hidden">
                  Attributes of this {ref.type.toLowerCase()}
                </caption>
                <tbody>
                  {ref.attributes.map((attribute, at) => (
                    <tr key={`${at}:${attribute.key}`}>
                      <th scope="row" className="attribute-table__key">
                        {attribute.key}
                      </th>
                      <td className="attribute-table__value">
                        <ValueText
                          value={attribute.value}
                          copyLabel={`Copy value of ${attribute.key}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
