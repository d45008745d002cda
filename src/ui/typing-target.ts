/**
 * Whether a key press belongs to a text field rather than to the page, so single-key shortcuts
 * ("?", "/", "j") leave typing alone. Shared by every page with shortcuts.
 */
const NON_TEXT_INPUTS: ReadonlySet<string> = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
]);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}
