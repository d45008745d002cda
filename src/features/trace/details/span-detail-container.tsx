import { useMemo } from 'react';
import { useUiSettings } from '../../../api/ui-settings-context';
import { compileLinkPatterns } from './link-patterns';
import { useWorkerQuery } from '../../../worker/worker-queries';
import { SpanDetailPanel, type SpanDetailPanelProps } from './span-detail-panel';
import type { DetailLayout } from './use-detail-layout';

export interface SpanDetailContainerProps extends Omit<
  SpanDetailPanelProps,
  'detail' | 'layout' | 'onLayoutChange' | 'skewDelta' | 'criticalMicros'
> {
  /** The trace's worker handle and the span's index in it. */
  readonly handle: number;
  readonly index: number;
  readonly layout: DetailLayout;
  readonly onLayoutChange: (layout: DetailLayout) => void;
  readonly skewDeltaOf?: (index: number) => number;
  readonly criticalMicrosOf?: (index: number) => number;
}

/**
 * Asks the worker for one span's detail (a query: asked once per span, shared with the selection
 * URL) and shows it; a failed request is shown, not swallowed.
 */
export function SpanDetailContainer({
  handle,
  index,
  skewDeltaOf,
  criticalMicrosOf,
  ...panel
}: SpanDetailContainerProps) {
  // The deployment's `linkPatterns`, unless the caller brings its own.
  const configured = useUiSettings().config.linkPatterns;
  const linkPatterns = useMemo(() => compileLinkPatterns(configured), [configured]);
  const { data, error } = useWorkerQuery('span-detail', { handle, index });
  if (error) {
    return (
      <section className={`span-panel span-panel--${panel.layout}`} aria-label="Span details">
        <p role="alert">Could not load this span&apos;s details: {error.message}</p>
        <button type="button" onClick={panel.onClose}>
          Close
        </button>
      </section>
    );
  }
  return (
    <SpanDetailPanel
      linkPatterns={linkPatterns}
      {...panel}
      detail={data?.detail ?? null}
      {...(skewDeltaOf ? { skewDelta: skewDeltaOf(index) } : {})}
      {...(criticalMicrosOf ? { criticalMicros: criticalMicrosOf(index) } : {})}
    />
  );
}
