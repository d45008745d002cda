import { useId, useMemo, useRef, useState, type FormEvent } from 'react';

interface Props {
  readonly labels: readonly string[];
  readonly noun: string;
  readonly disabled: boolean;
  readonly onFound: (node: number) => void;
}

/** Matches of `text` among labels: exact (case-insensitive) first, then those containing it. */
export function findMatches(labels: readonly string[], text: string): number[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const exact: number[] = [];
  const partial: number[] = [];
  labels.forEach((label, i) => {
    const lower = label.toLowerCase();
    if (lower === needle) exact.push(i);
    else if (lower.includes(needle)) partial.push(i);
  });
  return [...exact, ...partial];
}

/**
 * "Find a service": Enter centres and zooms to the first match, Enter again to the next. The
 * suggestions are a datalist (the browser filters it as you type), built when the field is first
 * focused: 1,200 options mounted with the graph were part of a 175 ms task while it loaded.
 */
export function GraphFind({ labels, noun, disabled, onFound }: Props) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const cursor = useRef({ text: '', index: -1 });
  const listId = useId();
  const [suggest, setSuggest] = useState(false);
  const options = useMemo(
    () =>
      suggest
        ? [...new Set(labels)].slice(0, 2000).map((label) => <option key={label} value={label} />)
        : null,
    [labels, suggest],
  );
  const what = `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const matches = findMatches(labels, text);
    if (matches.length === 0) {
      setStatus(`No ${noun} matches`);
      return;
    }
    const index = cursor.current.text === text ? (cursor.current.index + 1) % matches.length : 0;
    cursor.current = { text, index };
    setStatus(`${index + 1} of ${matches.length}`);
    onFound(matches[index] ?? 0);
  };
  return (
    <form className="graph-find" role="search" aria-label="Find in graph" onSubmit={onSubmit}>
      <input
        type="search"
        aria-label={`Find ${what}`}
        placeholder={`Find ${what}…`}
        list={listId}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onFocus={() => setSuggest(true)}
      />
      <datalist id={listId}>{options}</datalist>
      <button type="submit" disabled={disabled}>
        Find
      </button>
      <span className="graph-find-status" role="status">
        {status}
      </span>
    </form>
  );
}
