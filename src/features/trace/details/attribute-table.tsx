import type { Attribute } from '../../../model/span-detail';
import type { LinkContext, LinkPattern, LinkPatternType } from './link-patterns';
import { resolveLinks } from './link-patterns';
import { PatternLinks } from './pattern-links';
import { visibleText } from '../../../model/visible-text';
import { ValueText } from './value-text';
import { ShowMore, useShownCount } from '../../../ui/show-more';

/** Long lists in span details grow by this many items a click. */
export const DETAIL_PAGE = 500;

export interface AttributeTableProps {
  readonly attributes: readonly Attribute[];
  /** Heading for screen readers and the caption, e.g. "Attributes". */
  readonly caption: string;
  readonly linkType: LinkPatternType;
  readonly linkPatterns: readonly LinkPattern[];
  readonly linkContext: LinkContext;
}

/** Key/value rows; keys and values are React text, so markup in trace data stays inert. */
export function AttributeTable({
  attributes,
  caption,
  linkType,
  linkPatterns,
  linkContext,
}: AttributeTableProps) {
  // A page at a time: every row (each with its copy button) at once froze the page at 100,000
  // tags. The JSON view and find still see all of them.
  const { shown, more } = useShownCount(DETAIL_PAGE);
  if (attributes.length === 0) return null;
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
      <ShowMore page={DETAIL_PAGE} shown={shown} total={attributes.length} onMore={more} />
    </>
  );
}
