import { act, fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestTrace } from '../../../../model/analysis/test-trace';
import { SpanFlag } from '../../../../model/trace';
import { overrideProperty } from '../../../../ui/test-support/override-property';
import { pageStoreForTest } from '../../test-support/render-in-page';
import { SpanTableView } from './span-table-view';

// Tree order (siblings by start): 0 r, 1 c, 2 a, 3 a1, 4 b
const trace = buildTestTrace([
  { id: 'r', start: 0, duration: 1000, service: 'api', operation: 'GET /' },
  { id: 'a', parent: 'r', start: 10, duration: 300, service: 'db', operation: 'query' },
  { id: 'a1', parent: 'a', start: 20, duration: 5, service: 'db', operation: 'lock' },
  {
    id: 'b',
    parent: 'r',
    start: 400,
    duration: 100,
    service: 'cache',
    operation: 'get',
    flags: SpanFlag.Error,
  },
  { id: 'c', parent: 'r', start: 5, duration: 700, service: 'api', operation: 'render' },
]);

let restoreHeight = (): void => undefined;
beforeAll(() => {
  // jsdom lays nothing out: a 10-row viewport so rows render.
  restoreHeight = overrideProperty(HTMLElement.prototype, 'clientHeight', { get: () => 240 });
});
afterAll(() => restoreHeight());
let page = pageStoreForTest();
beforeEach(() => {
  page = pageStoreForTest();
  act(() => page.store.getState().reset(trace.columns));
});

/** The page's query string as the router has it now, written where the test can read it. */
function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}
const search = () => screen.getByTestId('location').textContent;
const renderTable = () =>
  page.render(
    <MemoryRouter initialEntries={['/trace/t?view=spans']}>
      <SpanTableView trace={trace} />
      <LocationProbe />
    </MemoryRouter>,
  );

const grid = () => screen.getByRole('grid', { name: 'Spans' });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const operations = () =>
  bodyRows().map((row) => within(row).getAllByRole('gridcell')[1]?.textContent);
const header = (name: RegExp) =>
  within(screen.getByRole('columnheader', { name })).getByRole('button');

describe('SpanTableView', () => {
  it('lists every span by start time, with service, times and the error flag', () => {
    renderTable();
    expect(grid()).toHaveAttribute('aria-rowcount', '6');
    expect(operations()).toEqual(['GET /', 'render', 'query', 'lock', 'get']);
    const error = bodyRows()[4];
    if (!error) throw new Error('no row');
    expect(
      within(error)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['cache', 'get', '400µs', '100µs', '100µs', 'error']);
  });

  it('sorts by duration, descending first, then ascending', () => {
    renderTable();
    fireEvent.click(header(/Duration/));
    expect(operations()).toEqual(['GET /', 'render', 'query', 'get', 'lock']);
    fireEvent.click(header(/Duration/));
    expect(operations()).toEqual(['lock', 'get', 'query', 'render', 'GET /']);
    fireEvent.click(header(/Service/));
    expect(operations()).toEqual(['GET /', 'render', 'get', 'query', 'lock']);
  });

  it('filters by service or operation text and says how many match', () => {
    renderTable();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'DB' },
    });
    expect(operations()).toEqual(['query', 'lock']);
    expect(screen.getByText('2 of 5 spans')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter' }), {
      target: { value: 'nothing' },
    });
    expect(screen.getByText('No span matches the filter.')).toBeInTheDocument();
  });

  it('selects the clicked span in the page store and expands its ancestors', () => {
    act(() => page.store.getState().collapseAll());
    renderTable();
    fireEvent.click(bodyRows()[3] ?? document.body);
    const state = page.store.getState();
    // Row 3 by start time is "lock", span 3, under the collapsed "query".
    expect(state.selected).toBe(3);
    expect([...state.visibleRows]).toContain(3);
    expect(bodyRows()[3]).toHaveAttribute('aria-selected', 'true');
    // And the Timeline opens on it.
    expect(search()).toBe('');
  });

  it('moves with the arrow keys and selects with Enter', () => {
    renderTable();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    // Third row by start time: "query", span 2.
    expect(grid()).toHaveAttribute('aria-activedescendant', 'span-table-row-2');
    expect(search()).toBe('?view=spans');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(page.store.getState().selected).toBe(2);
    expect(search()).toBe('');
  });
});
