import { useState } from 'react';
import type { Attribute } from '../../../model/span-detail';
import { formatCount } from '../../../ui/format-count';
import type { LinkContext, LinkPattern, LinkPatternType } from './link-patterns';
import { resolveLinks } from './link-patterns';
import { PatternLinks } from './pattern-links';
import { visibleText } from '../../../model/visible-text';
import { ValueText } from './value-text';

export interface AttributeTableProps {
  readonly attributes: readonly Attribute[];
  /** Heading for screen readers and the caption, e.g. "Attributes". */
  readonly caption: string;
  readonly linkType: LinkPatternType;
  readonly linkPatterns: readonly LinkPattern[];
  readonly linkContext: LinkContext;
}

/**
 * Rows shown at first and added per "Show more": a span with 100,000 tags froze the page for a
 * minute when every row (each with its copy button) was rendered at once. The JSON view and find
 * still see all of them.
 */
export const ATTRIBUTE_PAGE = 500;

/** Key/value rows; keys and values are React text, so markup in trace data stays inert. */
export function AttributeTable({
  attributes,
  caption,
  linkType,
  linkPatterns,
  linkContext,
}: AttributeTableProps) {
  const [shown, setShown] = useState(ATTRIBUTE_PAGE);
  if (attributes.length === 0) return null;
  const rest = attributes.length - shown;
  return (
    <>
      <table className="attribute-table">
        <caption className="visually-hidden">{caption}</caption>
        <tbody>
          {attributes.slice(0, shown).map((attribute, index) => (
            // Keys can repeat (duplicated tags exist in the wild), so the index is part of the key.
            <tr key={`${index}:${attribute.key}`}>
              <th scope="row" className="attribute-table__key">
                {visibleText(attribute.key)}
              </th>
              <td className="attribute-table__value">
                <ValueText value={attribute.value} copyLabel={`Copy value of ${attribute.key}`} />
                <PatternLinks
                  links={resolveLinks(
                    linkPatterns,
                    linkType,
                    attribute.key,
                    linkContext,
                    attribute.value,
                  )}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rest > 0 && (
        <p className="attribute-table__more">
          {formatCount(shown)} of {formatCount(attributes.length)} shown.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setShown((count) => count + ATTRIBUTE_PAGE)}
          >
            Show {formatCount(Math.min(rest, ATTRIBUTE_PAGE))} more
          </button>
        </p>
      )}
    </>
  );
}
