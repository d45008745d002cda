import type { ReactNode } from 'react';
import { visibleText } from '../../../model/visible-text';
import type { Finding, FindingKind, TraceSummaryInfo } from '../../../model/trace';
import { formatDuration } from '../../../ui/format-duration';
import { serviceColor } from '../../../ui/service-colors';
import { CopyButton } from '../details/copy-button';
import { shortTraceId } from '../../../ui/short-id';
import { formatTimestamp } from '../../../ui/format-time';
import { formatPercent } from '../details/format-time';
import './trace-header.css';
import { formatCount } from '../../../ui/format-count';

export interface ServiceShare {
  readonly service: string;
  readonly micros: number;
  readonly share: number;
}

export interface TraceHeaderProps {
  readonly trace: TraceSummaryInfo & {
    readonly services: readonly string[];
    readonly findings: readonly Finding[];
    readonly warnings: readonly string[];
  };
  /** Critical-path share per service, largest first; omitted while not computed. */
  readonly criticalShare?: readonly ServiceShare[];
  /** Spans moved by clock-skew adjustment, when the page computed it and it is > 0. */
  readonly skewAdjustedCount?: number;
  /** Selects and reveals a span (finding examples). */
  readonly onJumpToSpan?: (index: number) => void;
  /** Opens the keyboard-shortcuts help. */
  readonly onShowShortcuts?: () => void;
  /** Characters of the trace id shown (Jaeger UI's `traceIdDisplayLength`). */
  readonly idLength?: number;
  /** What can be done with the whole trace (links to other tools, archive). */
  readonly actions?: ReactNode;
  /** Embedded mode: name, actions, findings and warnings only (no stats, no legend). */
  readonly collapsed?: boolean;
  /** Shows a button that collapses and expands the header. */
  readonly onToggleCollapsed?: () => void;
  /** Embedded mode's uiTimelineHideSummary: no start/duration/services/depth/spans row. */
  readonly hideSummary?: boolean;
}

const FINDING_TITLES: Record<FindingKind, string> = {
  orphans: 'Orphan spans',
  cycles: 'Parent cycles',
  'duplicate-ids': 'Duplicate span IDs',
  'clock-skew': 'Clock skew',
  'multiple-roots': 'Multiple roots',
  'bad-timing': 'Bad timing',
  'no-spans': 'No spans',
};

/** Trace name, identity, time, size and everything odd about it, above the waterfall. */
/** Services named in the header's one line; the others open from "+N more". */
const LEGEND_INLINE = 6;

export function TraceHeader({
  trace,
  criticalShare,
  skewAdjustedCount,
  onJumpToSpan,
  onShowShortcuts,
  idLength,
  actions,
  collapsed = false,
  onToggleCollapsed,
  hideSummary = false,
}: TraceHeaderProps) {
  const findings = [...trace.findings];
  if (
    skewAdjustedCount &&
    skewAdjustedCount > 0 &&
    !findings.some((f) => f.kind === 'clock-skew')
  ) {
    findings.push({
      kind: 'clock-skew',
      count: skewAdjustedCount,
      message:
        'Children from other hosts sat outside their parents; they are shown shifted into them (the span details say by how much).',
      examples: [],
    });
  }
  const legendItem = (service: string, index: number) => {
    const share = criticalShare?.find((row) => row.service === service);
    return (
      <li key={index} className="trace-head__service">
        <span
          className="trace-head__swatch"
          style={{ background: serviceColor(service) }}
          aria-hidden="true"
        />
        <span>{visibleText(service) || '(no service name)'}</span>
        {share && (
          <span
            className="trace-head__share"
            title={`${formatDuration(share.micros)} on the critical path`}
          >
            {' '}
            {formatPercent(share.share)} of critical path
          </span>
        )}
      </li>
    );
  };
  return (
    <header className="trace-head">
      <div className="trace-head__title-row">
        <h1 className="trace-head__name">{visibleText(trace.name) || '(unnamed trace)'}</h1>
        <span className="trace-head__id">
          <code title={trace.traceId}>{shortTraceId(trace.traceId, idLength)}</code>
          <CopyButton
            text={trace.traceId}
            label="Copy trace ID"
            className="copy-button copy-button--small"
          />
        </span>
        {actions}
        {onToggleCollapsed && (
          <button
            type="button"
            className="trace-head__help"
            aria-expanded={!collapsed}
            onClick={onToggleCollapsed}
          >
            {collapsed ? 'Show trace summary' : 'Hide trace summary'}
          </button>
        )}
        {onShowShortcuts && (
          <button
            type="button"
            className="trace-head__help"
            onClick={onShowShortcuts}
            aria-keyshortcuts="?"
          >
            Keyboard shortcuts
          </button>
        )}
      </div>
      {!collapsed && !hideSummary && (
        <dl className="trace-head__stats">
          <Stat term="Start">{formatTimestamp(trace.startTime)}</Stat>
          <Stat term="Duration">{formatDuration(trace.duration)}</Stat>
          <Stat term="Services">{formatCount(trace.services.length)}</Stat>
          <Stat term="Depth">{formatCount(trace.maxDepth)}</Stat>
          <Stat term="Spans">{formatCount(trace.spanCount)}</Stat>
          <Stat term="Errors">
            <span className={trace.errorCount > 0 ? 'trace-head__errors' : undefined}>
              {formatCount(trace.errorCount)}
            </span>
          </Stat>
        </dl>
      )}
      {!collapsed && (
        <div className="trace-head__legend-row">
          <ul className="trace-head__legend" aria-label="Services">
            {trace.services.slice(0, LEGEND_INLINE).map(legendItem)}
          </ul>
          {trace.services.length > LEGEND_INLINE ? (
            // The rest in a disclosure: one line of legend whatever the number of services.
            <details className="trace-head__more">
              <summary>+{formatCount(trace.services.length - LEGEND_INLINE)} more</summary>
              <ul className="trace-head__more-list" aria-label="More services">
                {trace.services.slice(LEGEND_INLINE).map(legendItem)}
              </ul>
            </details>
          ) : null}
        </div>
      )}
      {/* Findings and warnings show in every mode: embedding never hides what is wrong. */}
      {findings.length > 0 && (
        <ul className="trace-head__findings" aria-label="Findings">
          {findings.map((finding) => (
            <li
              key={finding.kind}
              className={`trace-head__finding trace-head__finding--${finding.kind}`}
            >
              <strong>
                {FINDING_TITLES[finding.kind]} ({formatCount(finding.count)}):
              </strong>{' '}
              {finding.message}
              {onJumpToSpan && finding.examples.length > 0 && (
                <span className="trace-head__examples">
                  {' '}
                  {finding.examples.map((index, k) => (
                    <button
                      key={index}
                      type="button"
                      className="link-button"
                      onClick={() => onJumpToSpan(index)}
                    >
                      {`example ${k + 1}`}
                    </button>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {trace.warnings.length > 0 && (
        <ul className="trace-head__warnings" aria-label="Warnings from the data">
          {trace.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
    </header>
  );
}

function Stat({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="trace-head__stat">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
