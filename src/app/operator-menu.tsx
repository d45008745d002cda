import type { MenuEntry, MenuLabel, MenuLink } from '../api/ui-config';
import { ExternalLink } from '../ui/external-link';
import { NavMenu } from './nav-menu';

/** A link of the operator's `menu` configuration (checked by safeHref when read), in a new tab by default. */
function MenuItemLink({ item, newTab }: { readonly item: MenuLink; readonly newTab: boolean }) {
  return (
    <ExternalLink href={item.url} newTab={newTab}>
      {item.label}
    </ExternalLink>
  );
}

function Item({ item, newTab }: { readonly item: MenuLink | MenuLabel; readonly newTab: boolean }) {
  return item.url === undefined ? (
    <span className="nav-menu-text">{item.label}</span>
  ) : (
    <MenuItemLink item={item} newTab={newTab} />
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
      <MenuItemLink key={index} item={entry} newTab={newTab} />
    ),
  );
}
