/**
 * A searchable single-select (ARIA 1.2 "combobox with listbox popup"). Built for service lists of
 * thousands: only the first {@link MAX_RENDERED} matches are rendered, the rest are a keystroke away,
 * so typing stays instant however long the list is.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './combobox.css';

export interface ComboboxOption {
  readonly value: string;
  readonly label: string;
  /** Secondary text, e.g. a span kind. */
  readonly hint?: string;
}

interface Props {
  readonly label: string;
  readonly value: string;
  readonly options: readonly ComboboxOption[];
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly error?: string | undefined;
  /** Shown when nothing matches or while options load. */
  readonly emptyText?: string;
  readonly id?: string;
}

export const MAX_RENDERED = 200;

export function Combobox({
  label,
  value,
  options,
  onChange,
  placeholder,
  disabled,
  error,
  emptyText,
  id,
}: Props) {
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const listId = `${autoId}-list`;
  const errorId = `${autoId}-error`;
  const selected = options.find((option) => option.value === value);
  const [text, setText] = useState<string | null>(null); // null: not editing, show the selection
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const filter = (text ?? '').trim().toLowerCase();
  const matches = useMemo(
    () =>
      filter === ''
        ? options
        : options.filter((option) => option.label.toLowerCase().includes(filter)),
    [options, filter],
  );
  const shown = matches.slice(0, MAX_RENDERED);

  const choose = (option: ComboboxOption) => {
    onChange(option.value);
    setText(null);
    setOpen(false);
  };

  const move = (delta: number) => {
    if (!open) setOpen(true);
    const next = Math.max(0, Math.min(shown.length - 1, active + delta));
    setActive(next);
    // Optional call: jsdom (unit tests) has no scrollIntoView.
    listRef.current?.children[next]?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(open ? 1 : 0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Enter' && open) {
      // With the list open Enter picks; with it closed Enter submits the surrounding form.
      const option = shown[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(null);
    }
  };

  const activeId = open && shown[active] ? `${listId}-${active}` : undefined;
  return (
    <div className="combobox">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder={placeholder}
        disabled={disabled}
        value={text ?? selected?.label ?? value}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => event.target.select()}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setText(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        ref={listRef}
        className="combobox-list"
        hidden={!open}
      >
        {shown.map((option, index) => (
          <li
            key={option.value}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={option.value === value}
            className={index === active ? 'combobox-option active' : 'combobox-option'}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span>{option.label}</span>
            {option.hint ? <span className="combobox-hint">{option.hint}</span> : null}
          </li>
        ))}
        {shown.length === 0 && <li className="combobox-empty">{emptyText ?? 'No matches'}</li>}
        {matches.length > shown.length && (
          <li className="combobox-empty">
            {matches.length - shown.length} more; keep typing to narrow
          </li>
        )}
      </ul>
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
