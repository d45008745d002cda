// `npm start`: Cairn's dev server. Without JAEGER_URL it runs the built-in demo backend (MSW in the
// browser); with JAEGER_URL=http://host:16686 it proxies /api to that Jaeger query service.
import { createServer } from 'vite';

const jaeger = process.env.JAEGER_URL;
const server = await createServer({ server: { host: process.env.HOST ?? '127.0.0.1' } });
await server.listen();
console.log(
  jaeger
    ? `\n  Cairn → proxying /api to ${jaeger}\n`
    : '\n  Cairn → demo backend (no Jaeger needed). Set JAEGER_URL=http://host:16686 to use a real one.\n',
);
server.printUrls();
