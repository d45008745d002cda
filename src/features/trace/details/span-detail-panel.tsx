import type { ReactNode } from 'react';
import type { SpanDetail } from '../../../model/span-detail';
import { visibleText } from '../../../model/visible-text';
import { formatDuration } from '../../../ui/format-duration';
import { serviceColor } from '../../../ui/service-colors';
import { AttributeTable } from './attribute-table';
import { orderAttributes } from './attribute-order';
import { CopyButton } from './copy-button';
import { SpanEvents } from './span-events';
import { SpanReferences } from './span-references';
import { formatTimestamp } from '../../../ui/format-time';
import { formatOffset } from './format-time';
import type { LinkPattern } from './link-patterns';
import { buildLinkValues } from './link-patterns';
import type { DetailLayout } from './use-detail-layout';
import './span-detail-panel.css';

export interface SpanDetailPanelProps {
  /** `null` while the worker fetches it. */
  readonly detail: SpanDetail | null;
  /** Absolute trace start and duration (µs), for link-pattern parameters. */
  readonly traceStart: number;
  readonly traceDuration: number;
  readonly layout: DetailLayout;
  readonly onLayoutChange: (layout: DetailLayout) => void;
  readonly onClose: () => void;
  /** Selects and reveals a span of this trace (references, deep links). */
  readonly onJumpToSpan: (index: number) => void;
  readonly linkPatterns?: readonly LinkPattern[];
  /** App-relative href of a trace, optionally finding a span in it. */
  readonly traceHref?: (traceId: string, spanId?: string) => string;
  /** µs the clock-skew adjustment moved this span, when it did. */
  readonly skewDelta?: number;
  /**
   * The adjusted axis' origin (µs from the raw trace start), when clock-skew adjustment moved
   * spans: the details then give the start on both axes, the one on screen first.
   */
  readonly adjustedOrigin?: number;
  /** The axis on screen. */
  readonly timeMode?: 'raw' | 'adjusted';
  /** µs of this span on the critical path. */
  readonly criticalMicros?: number;
}

export const defaultTraceHref = (traceId: string, spanId?: string): string =>
  `trace/${encodeURIComponent(traceId)}${spanId ? `?uiFind=${encodeURIComponent(spanId)}` : ''}`;

const NO_PATTERNS: readonly LinkPattern[] = [];

/**
 * The start on the axis on screen, and on the other one when clock-skew adjustment moved spans:
 * offsets from each axis' origin (the waterfall's ruler) with the absolute time.
 */
function startFacts(
  detail: SpanDetail,
  skewDelta: number,
  adjustedOrigin: number | undefined,
  timeMode: 'raw' | 'adjusted' = 'adjusted',
): ReactNode {
  const recorded = (
    <>
      {formatOffset(detail.start)}{' '}
      <span className="span-panel__muted">({formatTimestamp(detail.absoluteStart)})</span>
    </>
  );
  if (adjustedOrigin === undefined) return <Fact term="Start">{recorded}</Fact>;
  const adjusted = (
    <>
      {formatOffset(detail.start + skewDelta - adjustedOrigin)}{' '}
      <span className="span-panel__muted">
        ({formatTimestamp(detail.absoluteStart + skewDelta)})
      </span>
    </>
  );
  return timeMode === 'adjusted' ? (
    <>
      <Fact term="Start (adjusted)">{adjusted}</Fact>
      <Fact term="Start (recorded)">{recorded}</Fact>
    </>
  ) : (
    <>
      <Fact term="Start (recorded)">{recorded}</Fact>
      <Fact term="Start (adjusted)">{adjusted}</Fact>
    </>
  );
}

export function SpanDetailPanel(props: SpanDetailPanelProps) {
  const {
    detail,
    layout,
    onLayoutChange,
    onClose,
    traceHref = defaultTraceHref,
    linkPatterns = NO_PATTERNS,
  } = props;
  if (!detail) {
    return (
      <section
        className={`span-panel span-panel--${layout}`}
        aria-busy="true"
        aria-label="Span details"
      >
        <p className="span-panel__loading">Loading span details…</p>
      </section>
    );
  }
  const linkContext = {
    values: buildLinkValues(detail.attributes, detail.resource),
    traceId: detail.traceId,
    traceStart: props.traceStart,
    traceDuration: props.traceDuration,
  };
  const deepLink = new URL(traceHref(detail.traceId, detail.spanId), document.baseURI).href;
  const title = visibleText(`${detail.service}: ${detail.operation}`);
  return (
    <section className={`span-panel span-panel--${layout}`} aria-label={`Span details: ${title}`}>
      <header className="span-panel__header">
        <span
          className="span-panel__swatch"
          style={{ background: serviceColor(detail.service) }}
          aria-hidden="true"
        />
        <h2 className="span-panel__title">{title}</h2>
        <div className="span-panel__tools">
          <CopyButton text={deepLink} label="Copy link to this span">
            Copy link
          </CopyButton>
          <button
            type="button"
            onClick={() => onLayoutChange(layout === 'inline' ? 'side' : 'inline')}
          >
            {layout === 'inline' ? 'Open as side panel' : 'Show under the row'}
          </button>
          <button type="button" aria-label="Close span details" onClick={onClose}>
            ×
          </button>
        </div>
      </header>
      <dl className="span-panel__facts">
        <Fact term="Service">{visibleText(detail.service)}</Fact>
        <Fact term="Operation">{visibleText(detail.operation)}</Fact>
        <Fact term="Kind">{detail.kind || 'unknown'}</Fact>
        <Fact term="Status">
          <span className={detail.statusCode === 'error' ? 'span-panel__error' : undefined}>
            {detail.statusCode}
          </span>
          {detail.statusMessage && (
            <span className="span-panel__status-message"> — {detail.statusMessage}</span>
          )}
        </Fact>
        {startFacts(detail, props.skewDelta ?? 0, props.adjustedOrigin, props.timeMode)}
        <Fact term="Duration">{formatDuration(detail.duration)}</Fact>
        <Fact term="Self time">{formatDuration(detail.selfTime)}</Fact>
        {props.criticalMicros !== undefined && props.criticalMicros > 0 && (
          <Fact term="On critical path">{formatDuration(props.criticalMicros)}</Fact>
        )}
        {props.skewDelta !== undefined && props.skewDelta !== 0 && (
          <Fact term="Clock skew">
            shifted by {formatDuration(props.skewDelta)} to fit its parent
          </Fact>
        )}
        <Fact term="Span ID">
          <code>{detail.spanId}</code>{' '}
          <CopyButton
            text={detail.spanId}
            label="Copy span ID"
            className="copy-button copy-button--small"
          />
        </Fact>
      </dl>
      {detail.warnings.length > 0 && (
        <ul className="span-panel__warnings" aria-label="Warnings">
          {detail.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
      <Section title="Attributes" count={detail.attributes.length}>
        <AttributeTable
          attributes={orderAttributes(detail.attributes)}
          caption="Attributes"
          linkType="attributes"
          linkPatterns={linkPatterns}
          linkContext={linkContext}
        />
      </Section>
      <Section title="Resource" count={detail.resource.length}>
        <AttributeTable
          attributes={detail.resource}
          caption="Resource attributes"
          linkType="resource"
          linkPatterns={linkPatterns}
          linkContext={linkContext}
        />
      </Section>
      <Section title="Instrumentation scope" count={detail.scope.length}>
        <AttributeTable
          attributes={detail.scope}
          caption="Scope"
          linkType="resource"
          linkPatterns={NO_PATTERNS}
          linkContext={linkContext}
        />
      </Section>
      <Section title="Events" count={detail.events.length}>
        <SpanEvents
          events={detail.events}
          spanStart={detail.start}
          linkPatterns={linkPatterns}
          linkContext={linkContext}
        />
      </Section>
      <Section title="References" count={detail.references.length}>
        <SpanReferences
          references={detail.references}
          traceId={detail.traceId}
          onJumpToSpan={props.onJumpToSpan}
          traceHref={traceHref}
        />
      </Section>
    </section>
  );
}

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="span-panel__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({
  title,
  count,
  children,
}: {
  readonly title: string;
  readonly count: number;
  readonly children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <details className="span-panel__section" open>
      <summary>
        {title} <span className="span-panel__count">({count})</span>
      </summary>
      {children}
    </details>
  );
}
