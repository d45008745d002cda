import './error-panel.css';

/** Anything that failed with an HTTP-ish story: an ApiError, a worker WireError. */
export interface FailureDetails {
  readonly message: string;
  readonly status?: number | undefined;
  readonly url?: string | undefined;
  readonly bodyExcerpt?: string | undefined;
  readonly kind?: string | undefined;
}

interface Props {
  readonly title: string;
  readonly error: FailureDetails;
  readonly onRetry?: () => void;
}

/**
 * One way to show a failure everywhere: what failed, the HTTP status, the URL, the server's words
 * (an HTML 502 page from a proxy shows as its text), and a Retry. Everything renders as text.
 */
export function ErrorPanel({ title, error, onRetry }: Props) {
  return (
    <div role="alert" className="error-panel">
      <h2>{title}</h2>
      <p className="error-panel-message">{error.message}</p>
      <dl>
        {error.status !== undefined && (
          <>
            <dt>Status</dt>
            <dd>{error.status}</dd>
          </>
        )}
        {error.url && (
          <>
            <dt>URL</dt>
            <dd className="error-panel-url">{error.url}</dd>
          </>
        )}
        {error.kind && (
          <>
            <dt>Kind</dt>
            <dd>{error.kind}</dd>
          </>
        )}
      </dl>
      {error.bodyExcerpt && (
        <details>
          <summary>Response body</summary>
          <pre>{error.bodyExcerpt}</pre>
        </details>
      )}
      {onRetry && (
        <button type="button" className="primary" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** Reads the fields of an unknown thrown value without trusting its type. */
export function failureDetails(error: unknown): FailureDetails {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const record = error as Record<string, unknown>;
  const text = (key: string) =>
    typeof record[key] === 'string' ? (record[key] as string) : undefined;
  return {
    message: text('message') ?? String(error),
    status: typeof record.status === 'number' ? record.status : undefined,
    url: text('url'),
    bodyExcerpt: text('bodyExcerpt'),
    kind: text('kind'),
  };
}
