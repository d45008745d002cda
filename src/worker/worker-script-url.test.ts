import { bundleScriptUrl, createModuleWorker, WORKER_POLICY_NAME } from './worker-script-url';

const bundle = new URL('https://jaeger.example.com/jaeger/static/');

describe('bundleScriptUrl', () => {
  it('accepts the bundle’s own scripts, relative or absolute', () => {
    expect(bundleScriptUrl('trace-worker-abc.js', bundle)).toBe(
      'https://jaeger.example.com/jaeger/static/trace-worker-abc.js',
    );
    expect(
      bundleScriptUrl('https://jaeger.example.com/jaeger/static/graph-layout-worker-x.js', bundle),
    ).toBe('https://jaeger.example.com/jaeger/static/graph-layout-worker-x.js');
  });

  it('refuses another origin, another directory, and non-http schemes', () => {
    expect(() => bundleScriptUrl('https://evil.example/static/w.js', bundle)).toThrow(
      /not a script/,
    );
    expect(() => bundleScriptUrl('../api/v3/traces/1', bundle)).toThrow(/not a script/);
    expect(() => bundleScriptUrl('/static/w.js', bundle)).toThrow(/not a script/);
    expect(() => bundleScriptUrl('data:text/javascript,postMessage(1)', bundle)).toThrow();
    expect(() => bundleScriptUrl('blob:https://jaeger.example.com/1', bundle)).toThrow();
  });
});

describe('createModuleWorker', () => {
  it('goes through one Trusted Types policy that checks the URL', () => {
    const created: string[] = [];
    const policies: string[] = [];
    function FakeWorker(url: unknown, options: { type: string }) {
      created.push(`${String(url)} ${options.type}`);
    }
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('trustedTypes', {
      createPolicy: (name: string, rules: { createScriptURL(input: string): string }) => {
        policies.push(name);
        return { createScriptURL: (input: string) => `trusted:${rules.createScriptURL(input)}` };
      },
    });
    const own = new URL('./trace-worker.js', import.meta.url).href;
    createModuleWorker(own);
    createModuleWorker(own);
    expect(policies).toEqual([WORKER_POLICY_NAME]);
    expect(created).toEqual([`trusted:${own} module`, `trusted:${own} module`]);
    expect(() => createModuleWorker('https://evil.example/w.js')).toThrow(/not a script/);
    vi.unstubAllGlobals();
  });
});
