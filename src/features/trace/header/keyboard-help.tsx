import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../../ui/typing-target';
import './keyboard-help.css';

/** Jaeger UI's trace-page shortcuts (kept so muscle memory carries over), plus the treegrid keys. */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly action: string }[] = [
  { keys: ['f'], action: 'Next span (with find active: next match)' },
  { keys: ['b'], action: 'Previous span (with find active: previous match)' },
  { keys: [']'], action: 'Collapse all' },
  { keys: ['['], action: 'Expand all' },
  { keys: ['p'], action: 'Collapse one level' },
  { keys: ['o'], action: 'Expand one level' },
  { keys: ['←', '→'], action: 'Pan the time window left / right' },
  { keys: ['↑', '↓'], action: 'Zoom in / out' },
  { keys: ['Ctrl', 'b'], action: 'Focus the find box' },
  { keys: ['/'], action: 'Focus the find box' },
  { keys: ['Enter'], action: 'In the find box: next match (Shift+Enter: previous)' },
  { keys: ['Esc'], action: 'Clear the find box, close details or this dialog' },
  { keys: ['?'], action: 'Show this help' },
];

/** Calls `open` when "?" is pressed outside text fields. */
export function useHelpShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (
        event.key !== '?' ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isTypingTarget(event.target)
      )
        return;
      event.preventDefault();
      open();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
}

export interface KeyboardHelpProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** Modal list of shortcuts. Focus moves into it on open and back to where it was on close. */
export function KeyboardHelp({ open, onClose }: KeyboardHelpProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
  }, [open, onClose]);
  if (!open) return null;
  return (
    <div className="keyboard-help__backdrop" onClick={onClose}>
      <div
        className="keyboard-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keyboard-help-title"
        onClick={(event) => event.stopPropagation()}
      >
        <div className="keyboard-help__head">
          <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
          <button
            ref={closeButton}
            type="button"
            onClick={onClose}
            aria-label="Close keyboard shortcuts"
          >
            ×
          </button>
        </div>
        <table className="keyboard-help__table">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys.join('+') + shortcut.action}>
                <th scope="row">
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 && (shortcut.keys[0] === 'Ctrl' ? ' + ' : ' / ')}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </th>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
