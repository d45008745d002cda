import { useState } from 'react';
import { visibleText } from '../../../model/visible-text';
import { CopyButton } from './copy-button';
import { formatCount } from '../../../ui/format-count';

/**
 * One attribute value, always rendered as React text (never HTML). JSON-looking values are shown
 * pretty-printed; long values are cut with "Show all" so one 1 MB attribute does not stall the panel.
 */
export const CUT_CHARS = 400;
const CUT_LINES = 12;

/** Pretty JSON for object/array-looking strings; the input unchanged otherwise. */
export function prettyValue(value: string): { readonly text: string; readonly json: boolean } {
  const trimmed = value.trim();
  const first = trimmed[0];
  if ((first === '{' || first === '[') && trimmed.length <= 1_000_000) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null)
        return { text: JSON.stringify(parsed, null, 2), json: true };
    } catch {
      // Not JSON after all: shown as typed.
    }
  }
  return { text: value, json: false };
}

function cut(text: string): string | null {
  if (text.length > CUT_CHARS) return text.slice(0, CUT_CHARS);
  let at = -1;
  for (let line = 0; line < CUT_LINES; line++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return null;
  }
  return text.slice(0, at);
}

export interface ValueTextProps {
  readonly value: string;
  /** Accessible name for the copy button, e.g. "Copy value of http.url". */
  readonly copyLabel: string;
}

export function ValueText({ value, copyLabel }: ValueTextProps) {
  const [expanded, setExpanded] = useState(false);
  // Shown with invisible and direction-changing characters escaped; copied as it is.
  const { text, json } = prettyValue(visibleText(value));
  const short = expanded ? null : cut(text);
  const shown = short ?? text;
  return (
    <div className="value-text">
      {json || shown.includes('\n') ? (
        <pre className="value-text__pre">{shown}</pre>
      ) : (
        <span className="value-text__plain">{shown}</span>
      )}
      {short !== null && <span aria-hidden="true">…</span>}
      <span className="value-text__actions">
        {short !== null && (
          <button type="button" className="link-button" onClick={() => setExpanded(true)}>
            Show all ({formatCount(text.length)} characters)
          </button>
        )}
        {expanded && cut(text) !== null && (
          <button type="button" className="link-button" onClick={() => setExpanded(false)}>
            Show less
          </button>
        )}
        <CopyButton text={value} label={copyLabel} className="copy-button copy-button--small" />
      </span>
    </div>
  );
}
