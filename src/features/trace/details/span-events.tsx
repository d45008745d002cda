import type { SpanEvent } from '../../../model/span-detail';
import { formatDuration } from '../../../ui/format-duration';
import { AttributeTable, DETAIL_PAGE } from './attribute-table';
import { ShowMore, useShownCount } from '../../../ui/show-more';
import { formatOffset } from './format-time';
import type { LinkContext, LinkPattern } from './link-patterns';

export interface SpanEventsProps {
  readonly events: readonly SpanEvent[];
  /** µs from the trace start, to show each event's offset into the span as well. */
  readonly spanStart: number;
  readonly linkPatterns: readonly LinkPattern[];
  readonly linkContext: LinkContext;
}

/**
 * Events/logs in time order, each with its time relative to the trace (and to the span); shown
 * a page at a time like attributes (a span can log thousands).
 */
export function SpanEvents({ events, spanStart, linkPatterns, linkContext }: SpanEventsProps) {
  const { shown, more } = useShownCount(DETAIL_PAGE);
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.time - b.event.time || a.index - b.index);
  return (
    <>
      <ol className="span-events">
        {ordered.slice(0, shown).map(({ event, index }) => (
          <li key={index} className="span-events__item">
            <div className="span-events__head">
              <span className="span-events__time" title="Time since the trace start">
                {formatOffset(event.time)}
              </span>
              <span className="span-panel__muted">
                {' '}
                ({formatDuration(event.time - spanStart)} into the span)
              </span>{' '}
              <span className="span-events__name">{event.name || '(unnamed event)'}</span>
            </div>
            <AttributeTable
              attributes={event.attributes}
              caption={`Event ${event.name}`}
              linkType="events"
              linkPatterns={linkPatterns}
              linkContext={linkContext}
            />
          </li>
        ))}
      </ol>
      <ShowMore
        page={DETAIL_PAGE}
        shown={shown}
        total={events.length}
        what="events"
        onMore={more}
      />
    </>
  );
}
