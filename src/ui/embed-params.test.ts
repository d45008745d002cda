import { fullPageHref, NOT_EMBEDDED, readEmbedState } from './embed-params';

describe('readEmbedState', () => {
  it('is off without uiEmbed=v0, whatever else is set', () => {
    expect(readEmbedState('')).toEqual(NOT_EMBEDDED);
    expect(readEmbedState('?uiTimelineHideMinimap=1&uiSearchHideGraph=1')).toEqual(NOT_EMBEDDED);
    expect(readEmbedState('?uiEmbed=v1&uiTimelineHideMinimap=1')).toEqual(NOT_EMBEDDED);
  });

  it('reads each flag as Jaeger UI does: on only when =1', () => {
    expect(readEmbedState('?uiEmbed=v0')).toEqual({ ...NOT_EMBEDDED, embedded: true });
    expect(
      readEmbedState(
        '?uiEmbed=v0&uiSearchHideGraph=1&uiTimelineCollapseTitle=1&uiTimelineHideMinimap=1&uiTimelineHideSummary=1',
      ),
    ).toEqual({
      embedded: true,
      searchHideGraph: true,
      collapseTitle: true,
      hideMinimap: true,
      hideSummary: true,
    });
    expect(
      readEmbedState('?uiEmbed=v0&uiTimelineHideMinimap=0&uiTimelineHideSummary=true'),
    ).toEqual({ ...NOT_EMBEDDED, embedded: true });
  });
});

describe('fullPageHref', () => {
  it('drops the embed parameters and keeps the page’s own', () => {
    expect(
      fullPageHref(
        'https://j.example/jaeger/trace/abc?uiEmbed=v0&uiFind=x&uiTimelineHideMinimap=1&view=flame&uiTheme=dark',
      ),
    ).toBe('https://j.example/jaeger/trace/abc?uiFind=x&view=flame');
  });
});
