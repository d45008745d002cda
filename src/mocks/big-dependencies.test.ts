import { createDemoHandler } from './demo-handler';
import { generateDependencies } from './big-dependencies';

describe('demoServices on /api/dependencies', () => {
  it('serves the generated topology of that many services, the same for the same N', async () => {
    const handler = createDemoHandler();
    const url = (n: number) =>
      `http://demo/api/dependencies?endTs=${Date.now()}&lookback=3600000&demoServices=${n}`;
    const response = await handler(new Request(url(1200)));
    const body = (await response?.json()) as { data: { parent: string; child: string }[] };
    const services = new Set(body.data.flatMap((link) => [link.parent, link.child]));
    expect(services.size).toBe(1200);
    expect(body.data.length).toBeGreaterThan(4000);
    expect(body.data).toEqual(generateDependencies(1200));
    // Cycles and self-calls are in there.
    expect(body.data.some((link) => link.parent === link.child)).toBe(true);
    const pairs = new Set(body.data.map((link) => `${link.parent}>${link.child}`));
    expect(body.data.some((link) => pairs.has(`${link.child}>${link.parent}`))).toBe(true);
  });
});
