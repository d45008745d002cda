/** Light, dark, or follow the system; the choice is remembered per browser. */
export type ThemeChoice = 'system' | 'light' | 'dark';

import { preferenceStorage, type PreferenceStorage } from '../ui/safe-storage';

const STORAGE_KEY = 'cairn.theme';

export function loadThemeChoice(storage: PreferenceStorage = preferenceStorage): ThemeChoice {
  const stored = storage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function saveThemeChoice(
  choice: ThemeChoice,
  storage: PreferenceStorage = preferenceStorage,
): void {
  if (choice === 'system') storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, choice);
}

/** `data-theme` overrides the `prefers-color-scheme` media query in theme.css. */
export function applyTheme(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'light' : choice === 'light' ? 'dark' : 'system';
}
