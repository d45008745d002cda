import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildTestTrace } from '../../../../model/analysis/test-trace';
import { SpanFlag } from '../../../../model/trace';
import { StatisticsView } from './statistics-view';

const trace = buildTestTrace([
  { id: 'r', start: 0, duration: 1000, service: 'api', operation: 'GET /' },
  { id: 'a', parent: 'r', start: 10, duration: 300, service: 'db', operation: 'query' },
  {
    id: 'b',
    parent: 'r',
    start: 400,
    duration: 100,
    service: 'db',
    operation: 'query',
    flags: SpanFlag.Error,
  },
  { id: 'c', parent: 'r', start: 600, duration: 50, service: 'db', operation: 'connect' },
  { id: 'd', parent: 'r', start: 700, duration: 20, service: 'cache', operation: 'get' },
  { id: 'e', parent: 'r', start: 730, duration: 20, service: 'cache', operation: 'get' },
  { id: 'f', parent: 'r', start: 760, duration: 20, service: 'cache', operation: 'get' },
]);

const table = () => screen.getByRole('table');
/** First cell text of each body row, plus the operation when shown. */
const order = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .slice(0, 2)
        .map((cell) => cell.textContent)
        .join(' '),
    );

describe('StatisticsView', () => {
  it('lists service+operation rows by total, with counts, averages, self time, share and errors', () => {
    render(<StatisticsView trace={trace} />);
    expect(order()).toEqual(['api GET /', 'db query', 'cache get', 'db connect']);
    const query = within(table()).getAllByRole('row')[2];
    if (!query) throw new Error('no row');
    // count 2, total 400µs, avg 200µs, min 100, max 300, self 400, 40% of 1ms, 1 error
    expect(
      within(query)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['db', 'query', '2', '400µs', '200µs', '100µs', '300µs', '400µs', '40.0%', '1']);
  });

  it('sorts by a column, flips on a second click and says so with aria-sort', () => {
    render(<StatisticsView trace={trace} />);
    const count = screen.getByRole('columnheader', { name: /Count/ });
    fireEvent.click(within(count).getByRole('button'));
    expect(count).toHaveAttribute('aria-sort', 'descending');
    expect(order()).toEqual(['cache get', 'db query', 'api GET /', 'db connect']);
    fireEvent.click(within(count).getByRole('button'));
    expect(count).toHaveAttribute('aria-sort', 'ascending');
    expect(order()).toEqual(['api GET /', 'db connect', 'db query', 'cache get']);
    fireEvent.click(
      within(screen.getByRole('columnheader', { name: /Operation/ })).getByRole('button'),
    );
    expect(order()).toEqual(['db connect', 'cache get', 'api GET /', 'db query']);
  });

  it('groups by service', () => {
    render(<StatisticsView trace={trace} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Group by' }), {
      target: { value: 'service' },
    });
    expect(screen.queryByRole('columnheader', { name: /Operation/ })).toBeNull();
    const rows = within(table()).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['api', '1', '1ms'],
      ['db', '3', '450µs'],
      ['cache', '3', '60µs'],
    ]);
  });
});
