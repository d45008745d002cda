import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
}
interface State {
  readonly error: Error | undefined;
}

/**
 * Last line of defence: a render error in one page shows what failed and a way back instead of a
 * blank screen. Data errors (API, parse) are handled where they happen, with a retry.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Cairn page crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A page's code that failed to download (a new deployment replaced it, a flaky network) only
    // comes back with a fresh page load; React.lazy keeps the failed import.
    const chunkFailed =
      /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
        error.message,
      );
    return (
      <div role="alert" className="page-crash">
        <h1>
          {chunkFailed ? 'This page could not be loaded' : 'Something went wrong on this page'}
        </h1>
        <pre>{error.message}</pre>
        {chunkFailed ? (
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        ) : (
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        )}
      </div>
    );
  }
}
