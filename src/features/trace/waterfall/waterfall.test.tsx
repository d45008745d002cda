import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SpanFlag } from '../../../model/trace';
import { columnsFromParents, runOfRootChildren, testTrace } from '../../../worker/test-fixture';
import { overrideProperty } from '../../../ui/test-support/override-property';
import { pageStoreForTest } from '../test-support/render-in-page';
import { Waterfall } from './waterfall';

//  0 frontend GET /
//  ├ 1
//  │ ├ 2
//  │ │ └ 3
//  │ └ 4
//  └ 5
const trace = testTrace([-1, 0, 1, 2, 1, 0]);
let restoreLayout: (() => void)[] = [];
beforeAll(() => {
  // jsdom lays nothing out; give the scroll container a 10-row viewport so rows render.
  restoreLayout = [
    overrideProperty(HTMLElement.prototype, 'clientHeight', { get: () => 240 }),
    overrideProperty(HTMLElement.prototype, 'clientWidth', { get: () => 1000 }),
  ];
});
afterAll(() => restoreLayout.forEach((restore) => restore()));
let page = pageStoreForTest();
beforeEach(() => {
  page = pageStoreForTest();
  act(() => page.store.getState().reset(trace.columns));
});

const grid = () => screen.getByRole('treegrid', { name: 'Spans of test' });
const row = (index: number) =>
  document.getElementById(
    grid().getAttribute('aria-activedescendant')?.replace(/\d+$/, String(index)) ?? '',
  );
const focusedRow = () =>
  document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');

describe('Waterfall treegrid', () => {
  it('renders rows with levels, expansion, row indexes and accessible names', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    expect(grid()).toHaveAttribute('aria-rowcount', '6');
    const rows = within(grid()).getAllByRole('row');
    expect(rows).toHaveLength(6);
    expect(rows[0]).toHaveAttribute('aria-level', '1');
    expect(rows[0]).toHaveAttribute('aria-expanded', 'true');
    expect(rows[3]).toHaveAttribute('aria-level', '4');
    expect(rows[3]).not.toHaveAttribute('aria-expanded');
    expect(rows[2]).toHaveAttribute('aria-rowindex', '3');
    expect(rows[1]).toHaveAccessibleName(/^backend query, /);
  });

  it('moves, closes and opens with the arrow keys; Enter selects', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    const tree = grid();
    tree.focus();
    expect(focusedRow()).toHaveAttribute('data-span-index', '0');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(focusedRow()).toHaveAttribute('data-span-index', '1');
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(row(1)).toHaveAttribute('aria-expanded', 'false');
    expect(within(tree).getAllByRole('row')).toHaveLength(3);
    fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(focusedRow()).toHaveAttribute('data-span-index', '0');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(row(1)).toHaveAttribute('aria-expanded', 'true');
    fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(focusedRow()).toHaveAttribute('data-span-index', '2');
    fireEvent.keyDown(tree, { key: 'End' });
    expect(focusedRow()).toHaveAttribute('data-span-index', '5');
    fireEvent.keyDown(tree, { key: 'Enter' });
    expect(focusedRow()).toHaveAttribute('aria-selected', 'true');
    expect(page.store.getState().selected).toBe(5);
    fireEvent.keyDown(tree, { key: 'Home' });
    expect(focusedRow()).toHaveAttribute('data-span-index', '0');
  });

  it('selects a row on click and toggles on the disclosure', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    const rows = within(grid()).getAllByRole('row');
    fireEvent.click(within(rows[4] as HTMLElement).getByText('query'));
    expect(page.store.getState().selected).toBe(4);
    fireEvent.click(rows[0]?.querySelector('.wf-toggle') as Element);
    expect(within(grid()).getAllByRole('row')).toHaveLength(1);
  });

  it('collapses and expands everything from the toolbar', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(within(grid()).getAllByRole('row')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
  });

  it('shows markup in names as text', () => {
    const hostile = { ...trace, services: ['<img src=x onerror=alert(1)>', 'b'] };
    page.render(<Waterfall trace={hostile} label="Spans of test" />);
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
  });

  it('resizes the name column from the keyboard', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    const splitter = screen.getByRole('separator', { name: 'Resize the span name column' });
    const before = page.store.getState().nameColumnWidth;
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(page.store.getState().nameColumnWidth).toBe(before + 16);
    expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16));
  });
});

describe('Waterfall summary rows and inline details', () => {
  it('folds repeated siblings into one row that expands on click', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    const group = runOfRootChildren({ total: 300, wall: 200, min: 100, median: 150, max: 200 });
    act(() => page.store.getState().setFoldGroups([group]));
    const fold = screen.getByRole('row', { name: /^2 repeated calls/ });
    expect(fold).toHaveAccessibleName(/total 300µs, min 100µs \/ median 150µs \/ max 200µs/);
    expect(within(grid()).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(fold);
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
  });

  it('a folded row carries the errors and warnings of the spans it folds', () => {
    // Span 3 (inside the run's first subtree) failed; span 4 ends after its parent.
    const columns = columnsFromParents([-1, 0, 1, 2, 1, 0], [3]);
    columns.flags[4] = (columns.flags[4] ?? 0) | SpanFlag.OutlivesParent;
    const failing = { ...trace, columns };
    act(() => page.store.getState().reset(columns));
    page.render(<Waterfall trace={failing} label="Spans of test" />);
    act(() => page.store.getState().setFoldGroups([runOfRootChildren()]));
    const fold = screen.getByRole('row', { name: /^2 repeated calls/ });
    expect(fold).toHaveAccessibleName(/\(5 spans\), 1 error, 1 warning, total/);
    expect(fold).toHaveClass('is-error');
    expect(within(fold).getByText('1 error, 1 warning')).toBeVisible();
  });

  it('says in the row when a span starts before its parent or its times are missing', () => {
    const columns = columnsFromParents([-1, 0, 1, 2, 1, 0]);
    columns.flags[2] = SpanFlag.StartsBeforeParent;
    columns.flags[5] = SpanFlag.BadTiming;
    act(() => page.store.getState().reset(columns));
    page.render(<Waterfall trace={{ ...trace, columns }} label="Spans of test" />);
    const rows = within(grid()).getAllByRole('row');
    expect(rows[2]).toHaveAccessibleName(/, starts before its parent$/);
    expect(within(rows[2] as HTMLElement).getByText('⚠ starts before its parent')).toBeVisible();
    expect(rows[5]).toHaveAccessibleName(/, no valid time in the data$/);
    expect(rows[1]).not.toHaveAccessibleName(/⚠|before its parent|missing/);
  });

  it('hides a service behind "N spans hidden" rows; a click shows them', () => {
    page.render(<Waterfall trace={trace} label="Spans of test" />);
    act(() => page.store.getState().setServiceHidden(1, true));
    const hidden = screen.getByRole('row', { name: /^5 spans hidden/ });
    fireEvent.click(hidden);
    expect(within(grid()).getAllByRole('row')).toHaveLength(6);
  });

  it('draws the inline details as a row under the selected one; keys inside it stay there', () => {
    page.render(
      <Waterfall
        trace={trace}
        label="Spans of test"
        renderDetail={(index) => <button type="button">details of {index}</button>}
      />,
    );
    act(() => page.store.getState().select(2));
    const rows = within(grid()).getAllByRole('row');
    expect(rows[3]).toHaveTextContent('details of 2');
    expect(grid()).toHaveAttribute('aria-rowcount', '7');
    fireEvent.keyDown(screen.getByRole('button', { name: 'details of 2' }), { key: 'ArrowDown' });
    expect(page.store.getState().focused).toBe(2);
  });
});
