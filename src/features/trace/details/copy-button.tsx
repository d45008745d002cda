import { useEffect, useRef, useState } from 'react';

/**
 * Copies text to the clipboard and says so for a moment. The clipboard API needs a secure context;
 * when it is missing or refuses, the button says "Copy failed" rather than pretending.
 */
export interface CopyButtonProps {
  readonly text: string;
  /** Accessible name, e.g. "Copy trace ID". */
  readonly label: string;
  /** Visible text; defaults to "Copy". */
  readonly children?: string;
  readonly className?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CopyButton({ text, label, children = 'Copy', className }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onClick = async (): Promise<void> => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1500);
  };

  return (
    <button
      type="button"
      className={className ?? 'copy-button'}
      aria-label={label}
      title={label}
      onClick={() => void onClick()}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
      <span className="visually-hidden" role="status">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy'
            : ''}
      </span>
    </button>
  );
}
