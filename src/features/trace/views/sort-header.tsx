import type { SortState } from './trace-aggregates';

interface SortHeaderProps<K extends string> {
  readonly column: K;
  readonly label: string;
  readonly sort: SortState<K>;
  readonly onSort: (column: K) => void;
  readonly numeric?: boolean;
  readonly title?: string;
  /** A native `<th>` inside a `<table>`, or an ARIA columnheader inside a div grid. */
  readonly cell?: 'th' | 'div';
}

/**
 * A sortable column header: the `columnheader` carries `aria-sort`, the button inside is the one
 * keyboard target, so screen readers announce both the column and its order.
 */
export function SortHeader<K extends string>({
  column,
  label,
  sort,
  onSort,
  numeric = false,
  title,
  cell = 'div',
}: SortHeaderProps<K>) {
  const active = sort.key === column;
  const order = sort.descending ? 'descending' : 'ascending';
  const button = (
    <button type="button" onClick={() => onSort(column)} title={title}>
      {label}
      <span aria-hidden="true" className="sort-mark">
        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </span>
    </button>
  );
  const className = numeric ? 'sort-head numeric' : 'sort-head';
  const ariaSort = active ? order : 'none';
  return cell === 'th' ? (
    <th scope="col" className={className} aria-sort={ariaSort}>
      {button}
    </th>
  ) : (
    <div role="columnheader" className={className} aria-sort={ariaSort}>
      {button}
    </div>
  );
}
