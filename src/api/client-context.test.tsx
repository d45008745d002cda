// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { JaegerClientProvider, useJaegerClient } from './client-context';
import { apiBaseFromDocument } from './http';
import { JaegerV1Client } from './v1-client';

function Version() {
  return <p>{useJaegerClient().version}</p>;
}

describe('JaegerClientProvider', () => {
  it('provides the client to hooks below it', () => {
    render(
      <JaegerClientProvider client={new JaegerV1Client('/')}>
        <Version />
      </JaegerClientProvider>,
    );
    expect(screen.getByText('v1')).toBeInTheDocument();
  });

  it('fails loudly without a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Version />)).toThrow(/no JaegerClientProvider/);
  });
});

describe('apiBaseFromDocument', () => {
  it('follows <base href>, dropping a trailing route segment', () => {
    const base = document.createElement('base');
    base.href = 'http://localhost/jaeger/';
    document.head.append(base);
    try {
      expect(apiBaseFromDocument()).toBe('/jaeger/');
      base.href = 'http://localhost/jaeger/search';
      expect(apiBaseFromDocument()).toBe('/jaeger/');
    } finally {
      base.remove();
    }
  });
});
