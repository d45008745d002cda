import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorPanel, failureDetails } from './error-panel';

describe('ErrorPanel', () => {
  it('shows status, URL, message and body excerpt as text, and retries', async () => {
    const retry = vi.fn();
    render(
      <ErrorPanel
        title="Could not load services"
        error={{
          message: 'Bad Gateway',
          status: 502,
          url: '/api/services',
          bodyExcerpt: '<h1>502</h1><img src=x onerror=alert(1)>',
        }}
        onRetry={retry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('502');
    expect(alert).toHaveTextContent('/api/services');
    expect(alert).toHaveTextContent('Bad Gateway');
    expect(alert.querySelector('img')).toBeNull();
    expect(screen.getByText(/<img src=x onerror/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('reads fields from unknown errors defensively', () => {
    expect(failureDetails({ message: 'x', status: 500, url: '/u' })).toMatchObject({
      message: 'x',
      status: 500,
      url: '/u',
    });
    expect(failureDetails('boom').message).toBe('boom');
    expect(failureDetails({ status: '500' }).status).toBeUndefined();
  });
});
