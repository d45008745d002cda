import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  readonly label: string;
  readonly children: ReactNode;
}

/**
 * A disclosure menu for the nav bar: a button that shows a list of links (the operator's menu
 * groups, About). Escape or a click elsewhere closes it; Escape gives focus back to the button.
 */
export function NavMenu({ label, children }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="nav-menu" ref={root}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div id={id} className="nav-menu-popup" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
