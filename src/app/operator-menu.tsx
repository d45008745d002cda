import type { MenuEntry, MenuLabel, MenuLink } from '../api/ui-config';
import { NavMenu } from './nav-menu';

/** Links from the operator's `menu` configuration, which opens them in a new tab by default. */
function ExternalLink({ item, newTab }: { readonly item: MenuLink; readonly newTab: boolean }) {
  return newTab ? (
    <a href={item.url} target="_blank" rel="noopener noreferrer">
      {item.label}
    </a>
  ) : (
    <a href={item.url}>{item.label}</a>
  );
}

function Item({ item, newTab }: { readonly item: MenuLink | MenuLabel; readonly newTab: boolean }) {
  return item.url === undefined ? (
    <span className="nav-menu-text">{item.label}</span>
  ) : (
    <ExternalLink item={item} newTab={newTab} />
  );
}

export function OperatorMenu({
  entries,
  newTab,
}: {
  readonly entries: readonly MenuEntry[];
  readonly newTab: boolean;
}) {
  return entries.map((entry, index) =>
    'items' in entry ? (
      <NavMenu key={index} label={entry.label}>
        <ul>
          {entry.items.map((item, at) => (
            <li key={at}>
              <Item item={item} newTab={newTab} />
            </li>
          ))}
        </ul>
      </NavMenu>
    ) : (
      <ExternalLink key={index} item={entry} newTab={newTab} />
    ),
  );
}
