import { useEffect, useState } from 'react';
import { applyTheme, loadThemeChoice, nextThemeChoice, saveThemeChoice } from './theme';

const LABELS = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' } as const;

export function ThemeToggle() {
  const [choice, setChoice] = useState(loadThemeChoice);
  useEffect(() => {
    applyTheme(choice);
    saveThemeChoice(choice);
  }, [choice]);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setChoice(nextThemeChoice)}
      title="Switch theme (system → light → dark)"
    >
      {LABELS[choice]}
    </button>
  );
}
