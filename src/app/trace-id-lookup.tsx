import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { parseTraceIds } from '../ui/parse-trace-ids';

/**
 * "Lookup by trace ID" in the nav: one id opens the trace; several (comma or space separated) go to
 * the search page, which lists the traces found and the ids that were not.
 */
export function TraceIdLookup() {
  const navigate = useNavigate();
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ids = parseTraceIds(text);
    const [first] = ids;
    if (first === undefined) return;
    if (ids.length === 1) navigate(`/trace/${encodeURIComponent(first)}`);
    else navigate(`/search?${ids.map((id) => `traceID=${encodeURIComponent(id)}`).join('&')}`);
    setText('');
  };

  return (
    <form
      role="search"
      aria-label="Lookup by trace ID"
      className="trace-id-lookup"
      onSubmit={submit}
    >
      <input
        type="search"
        aria-label="Lookup by trace ID"
        placeholder="Lookup by trace ID…"
        value={text}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
    </form>
  );
}
