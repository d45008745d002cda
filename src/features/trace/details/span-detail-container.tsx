import { useEffect, useMemo, useState } from 'react';
import { useUiSettings } from '../../../api/ui-settings-context';
import { compileLinkPatterns } from './link-patterns';
import type { SpanDetail } from '../../../model/span-detail';
import { SpanDetailPanel, type SpanDetailPanelProps } from './span-detail-panel';
import type { DetailLayout } from './use-detail-layout';

export interface SpanDetailContainerProps extends Omit<
  SpanDetailPanelProps,
  'detail' | 'layout' | 'onLayoutChange' | 'skewDelta' | 'criticalMicros'
> {
  readonly index: number;
  /** The worker client's span-detail request. */
  readonly loadDetail: (index: number) => Promise<SpanDetail>;
  readonly layout: DetailLayout;
  readonly onLayoutChange: (layout: DetailLayout) => void;
  readonly skewDeltaOf?: (index: number) => number;
  readonly criticalMicrosOf?: (index: number) => number;
}

/** Fetches one span's detail by index and shows it; a failed fetch is shown, not swallowed. */
export function SpanDetailContainer({
  index,
  loadDetail,
  skewDeltaOf,
  criticalMicrosOf,
  ...panel
}: SpanDetailContainerProps) {
  // The deployment's `linkPatterns`, unless the caller brings its own.
  const configured = useUiSettings().config.linkPatterns;
  const linkPatterns = useMemo(() => compileLinkPatterns(configured), [configured]);
  const [state, setState] = useState<{ index: number; detail?: SpanDetail; error?: string } | null>(
    null,
  );
  useEffect(() => {
    let live = true;
    loadDetail(index).then(
      (detail) => live && setState({ index, detail }),
      (error: unknown) => {
        // Superseded requests reject with AbortError: a newer selection is on its way.
        if (!live || (error instanceof DOMException && error.name === 'AbortError')) return;
        setState({ index, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [index, loadDetail]);
  const current = state?.index === index ? state : null;
  if (current?.error) {
    return (
      <section className={`span-panel span-panel--${panel.layout}`} aria-label="Span details">
        <p role="alert">Could not load this span&apos;s details: {current.error}</p>
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
      detail={current?.detail ?? null}
      {...(skewDeltaOf ? { skewDelta: skewDeltaOf(index) } : {})}
      {...(criticalMicrosOf ? { criticalMicros: criticalMicrosOf(index) } : {})}
    />
  );
}
