import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testTrace } from '../../../worker/test-fixture';
import { overrideProperty } from '../../../ui/test-support/override-property';
import { pageStoreForTest } from '../test-support/render-in-page';
import { Waterfall } from './waterfall';

// A chain of 40 spans: 960 px of rows, more than the 200 px bound below.
const trace = testTrace(Array.from({ length: 40 }, (_, i) => i - 1));

/** A ResizeObserver that reports only when the test says so, with the sizes it is given. */
const observed: { element: Element; notify: () => void }[] = [];
class ManualResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe(element: Element) {
    observed.push({ element, notify: () => this.callback() });
  }
  disconnect() {}
  unobserve() {}
}

let layoutReads = 0;
let size = { clientWidth: 0, clientHeight: 0 };
let restoreLayout: (() => void)[] = [];

let page = pageStoreForTest();
beforeEach(() => {
  observed.length = 0;
  layoutReads = 0;
  size = { clientWidth: 0, clientHeight: 0 };
  vi.stubGlobal('ResizeObserver', ManualResizeObserver);
  restoreLayout = (['clientHeight', 'clientWidth'] as const).map((name) =>
    overrideProperty(HTMLElement.prototype, name, {
      get(this: HTMLElement) {
        if (this.classList.contains('wf-scroll')) layoutReads += 1;
        return size[name];
      },
    }),
  );
  page = pageStoreForTest();
  act(() => page.store.getState().reset(trace.columns));
});
// scrollTop forces a layout too when the DOM just changed; count the scroll element's reads.
const savedScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
beforeEach(() => {
  restoreLayout.push(
    overrideProperty(Element.prototype, 'scrollTop', {
      get(this: Element) {
        if (this.classList.contains('wf-scroll')) layoutReads += 1;
        return savedScrollTop?.get?.call(this) as number;
      },
      set(this: Element, value: number) {
        savedScrollTop?.set?.call(this, value);
      },
    }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  restoreLayout.forEach((restore) => restore());
});

const rows = () =>
  within(screen.getByRole('treegrid', { name: 'Spans of test' })).queryAllByRole('row');

describe('Waterfall with a size known before it mounts', () => {
  it('shows rows in its first render without reading the layout, then follows the real size', () => {
    page.render(
      <Waterfall trace={trace} label="Spans of test" initialSize={{ width: 800, height: 200 }} />,
    );
    // 200 px is 8.3 rows, plus the overscan; nothing was measured to get there.
    expect(rows().length).toBeGreaterThanOrEqual(9);
    expect(rows().length).toBeLessThan(40);
    expect(layoutReads).toBe(0);

    // After layout the observer reports the real, smaller viewport: fewer rows.
    size = { clientWidth: 785, clientHeight: 96 };
    const scroll = observed.find(({ element }) => element.classList.contains('wf-scroll'));
    act(() => scroll?.notify());
    expect(rows().length).toBeLessThan(9);
    expect(rows().length).toBeGreaterThanOrEqual(4);
  });

  it('without a bound, measures the scroll element when it mounts', () => {
    size = { clientWidth: 800, clientHeight: 120 };
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    expect(layoutReads).toBeGreaterThan(0);
    expect(rows().length).toBeGreaterThanOrEqual(5);
  });

  it('does not trust a bound that the rows might fit in (the scrollbar is then unknown)', () => {
    size = { clientWidth: 800, clientHeight: 120 };
    page.render(
      <Waterfall trace={trace} label="Spans of test" initialSize={{ width: 800, height: 2000 }} />,
    );
    expect(layoutReads).toBeGreaterThan(0);
  });
});
