/**
 * The last submitted search, remembered in localStorage so an empty /search starts where the user
 * left off. Stored data is read back defensively: another version of Cairn (or a user) may have
 * written anything there.
 */
import { EMPTY_FORM, type SearchForm } from './search-params';
import { preferenceStorage, type PreferenceStorage } from '../../ui/safe-storage';

const KEY = 'cairn.search.last';
const UTC_KEY = 'cairn.search.utc';

export function loadLastSearch(
  storage: PreferenceStorage | undefined = preferenceStorage,
): SearchForm | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    const form: Record<string, string> = { ...EMPTY_FORM };
    for (const key of Object.keys(EMPTY_FORM)) {
      const value = record[key];
      if (typeof value === 'string') form[key] = value;
    }
    return form as unknown as SearchForm;
  } catch {
    return null;
  }
}

export function saveLastSearch(
  form: SearchForm,
  storage: PreferenceStorage | undefined = preferenceStorage,
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(form));
  } catch {
    // Storage full or disabled (private mode): remembering is a convenience, never an error.
  }
}

export function loadUtcPreference(
  storage: PreferenceStorage | undefined = preferenceStorage,
): boolean {
  try {
    return storage?.getItem(UTC_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveUtcPreference(
  utc: boolean,
  storage: PreferenceStorage | undefined = preferenceStorage,
): void {
  try {
    storage?.setItem(UTC_KEY, utc ? '1' : '0');
  } catch {
    // See saveLastSearch.
  }
}
