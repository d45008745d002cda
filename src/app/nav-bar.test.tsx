import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { UiSettingsProvider } from '../api/ui-settings-context';
import { DEFAULT_UI_CONFIG, DEFAULT_UI_SETTINGS } from '../api/ui-config';
import { NavBar } from './nav-bar';

function renderNav(demo: boolean, metricsStorage: boolean, menuEnabled = true) {
  const settings = {
    ...DEFAULT_UI_SETTINGS,
    config: { ...DEFAULT_UI_CONFIG, monitor: { ...DEFAULT_UI_CONFIG.monitor, menuEnabled } },
    capabilities: { ...DEFAULT_UI_SETTINGS.capabilities, metricsStorage },
  };
  render(
    <MemoryRouter>
      <UiSettingsProvider settings={settings}>
        <NavBar demo={demo} />
      </UiSettingsProvider>
    </MemoryRouter>,
  );
  return screen.queryByRole('link', { name: 'Monitor' });
}

describe('NavBar Monitor link', () => {
  it('shows when the backend has metrics storage, or in the demo', () => {
    expect(renderNav(false, true)).toHaveAttribute('href', '/monitor');
  });

  it('shows in the demo, whose backend serves metrics', () => {
    expect(renderNav(true, false)).not.toBeNull();
  });

  it('hides without metrics storage outside the demo', () => {
    expect(renderNav(false, false)).toBeNull();
  });

  it('hides when monitor.menuEnabled is false', () => {
    expect(renderNav(true, true, false)).toBeNull();
  });
});
