import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../../ui/typing-target';

/**
 * Page-wide keys of the trace page (Jaeger UI's set, see keyboard-help.tsx). Keys typed into text
 * fields are left alone, and arrows pressed inside the treegrid belong to the treegrid's own
 * navigation, so only arrows elsewhere pan and zoom.
 */
export type TraceShortcut =
  | 'next'
  | 'previous'
  | 'collapse-all'
  | 'expand-all'
  | 'collapse-one'
  | 'expand-one'
  | 'pan-left'
  | 'pan-right'
  | 'zoom-in'
  | 'zoom-out'
  | 'escape'
  | 'help';

const KEYS: Record<string, TraceShortcut> = {
  f: 'next',
  b: 'previous',
  ']': 'collapse-all',
  '[': 'expand-all',
  p: 'collapse-one',
  o: 'expand-one',
  ArrowLeft: 'pan-left',
  ArrowRight: 'pan-right',
  ArrowUp: 'zoom-in',
  ArrowDown: 'zoom-out',
  Escape: 'escape',
  '?': 'help',
};

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): TraceShortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const action = KEYS[event.key];
  if (!action) return null;
  if (action !== 'escape' && isTypingTarget(event.target)) return null;
  if (
    ARROWS.has(event.key) &&
    event.target instanceof Element &&
    event.target.closest('[role="treegrid"], [role="group"], [role="slider"]')
  )
    return null;
  return action;
}

/** Calls `onShortcut` for page shortcuts; it returns false when it did nothing (the key then does its default). */
export function useTraceShortcuts(onShortcut: (action: TraceShortcut) => boolean): void {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (action && handler.current(action) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** View-window arithmetic for the pan/zoom keys: 10% steps, kept inside [0, 1]. */
export function panZoom(
  start: number,
  end: number,
  action: 'pan-left' | 'pan-right' | 'zoom-in' | 'zoom-out',
): [number, number] {
  const width = end - start;
  const centre = start + width / 2;
  switch (action) {
    case 'pan-left':
    case 'pan-right': {
      const delta = (action === 'pan-left' ? -0.1 : 0.1) * width;
      const s = Math.min(1 - width, Math.max(0, start + delta));
      return [s, Math.min(1, s + width)];
    }
    case 'zoom-in':
    case 'zoom-out': {
      const next = Math.min(1, Math.max(0.001, action === 'zoom-in' ? width * 0.8 : width / 0.8));
      const s = Math.min(1 - next, Math.max(0, centre - next / 2));
      return [s, Math.min(1, s + next)];
    }
  }
}
