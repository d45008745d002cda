/**
 * Jaeger UI's embedded mode, read from the same URL parameters so dashboards that frame Jaeger UI
 * frame Cairn unchanged: `uiEmbed=v0` turns it on, and only then do the others count (each `=1`):
 * uiSearchHideGraph (no scatter plot on search), uiTimelineCollapseTitle (the trace header starts
 * collapsed: name and warnings only, no summary or minimap, until expanded),
 * uiTimelineHideMinimap, uiTimelineHideSummary (no start/duration/services/depth/spans row).
 * None of them hides the trace's findings or warnings.
 */
export interface EmbedState {
  readonly embedded: boolean;
  readonly searchHideGraph: boolean;
  readonly collapseTitle: boolean;
  readonly hideMinimap: boolean;
  readonly hideSummary: boolean;
}

export const NOT_EMBEDDED: EmbedState = {
  embedded: false,
  searchHideGraph: false,
  collapseTitle: false,
  hideMinimap: false,
  hideSummary: false,
};

const FLAGS = {
  searchHideGraph: 'uiSearchHideGraph',
  collapseTitle: 'uiTimelineCollapseTitle',
  hideMinimap: 'uiTimelineHideMinimap',
  hideSummary: 'uiTimelineHideSummary',
} as const;

/** Every parameter of the embedded mode (uiTheme is Jaeger UI's too, though Cairn ignores it). */
export const EMBED_PARAMS: readonly string[] = ['uiEmbed', ...Object.values(FLAGS), 'uiTheme'];

export function readEmbedState(search: string): EmbedState {
  const params = new URLSearchParams(search);
  if (params.get('uiEmbed') !== 'v0') return NOT_EMBEDDED;
  const on = (name: string) => params.get(name) === '1';
  return {
    embedded: true,
    searchHideGraph: on(FLAGS.searchHideGraph),
    collapseTitle: on(FLAGS.collapseTitle),
    hideMinimap: on(FLAGS.hideMinimap),
    hideSummary: on(FLAGS.hideSummary),
  };
}

/** The same page as a full (not embedded) page: `href` without the embed parameters. */
export function fullPageHref(href: string): string {
  const url = new URL(href);
  for (const name of EMBED_PARAMS) url.searchParams.delete(name);
  return url.href;
}
