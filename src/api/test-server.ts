/**
 * Test helper: an MSW server for the API tests that fails on any unhandled request and records
 * every request as "METHOD URL", so tests can assert exactly what a client sent. Call it at the
 * top level of a test file: it registers that file's lifecycle hooks.
 */
import { setupServer } from 'msw/node';

export function recordingServer() {
  const server = setupServer();
  const seen: string[] = [];
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) =>
      seen.push(`${request.method} ${request.url}`),
    );
  });
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}
