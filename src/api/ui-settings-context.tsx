/**
 * The deployment's UI settings (Jaeger UI configuration, backend capabilities, versions) for the
 * component tree. The app reads them once at start-up and provides them; without a provider
 * (component tests) every component sees Jaeger UI's defaults.
 */
import { createContext, use } from 'react';
import type { ReactNode } from 'react';
import type { UiSettings } from './ui-config';
import { DEFAULT_UI_SETTINGS } from './ui-config';

const UiSettingsContext = createContext<UiSettings>(DEFAULT_UI_SETTINGS);

export function UiSettingsProvider({
  settings,
  children,
}: {
  readonly settings: UiSettings;
  readonly children?: ReactNode;
}) {
  return <UiSettingsContext value={settings}>{children}</UiSettingsContext>;
}

export function useUiSettings(): UiSettings {
  return use(UiSettingsContext);
}
