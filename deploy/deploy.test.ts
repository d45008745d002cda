/**
 * The deployment artefacts hang together: the manifests parse, the Ingress routes reach the
 * Services and ports that exist (or jaeger-query's), the Service reaches the container's port,
 * the example UI config is one Cairn reads without complaint, and nginx accepts deploy/nginx.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseUiConfig } from '../src/api/ui-config-parse';
import { DEPLOY_NGINX, renderNginx, testNginxConfig } from './local-nginx';

type Doc = Record<string, unknown>;
const K8S = new URL('./kubernetes/', import.meta.url);
const JAEGER_QUERY = { name: 'jaeger-query', port: 16686 };

function manifests(file: string): Doc[] {
  const docs = parseAllDocuments(readFileSync(new URL(file, K8S), 'utf8'));
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS() as Doc);
}

/** A dotted path into parsed YAML; throws on a missing step so a test names what is wrong. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw new Error(`missing ${path} (at ${key})`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const app = manifests('cairn.yaml');
const deployment = app.find((doc) => doc.kind === 'Deployment');
const service = app.find((doc) => doc.kind === 'Service');

describe('Kubernetes manifests', () => {
  it('the Service selects the Deployment’s pods and reaches the container’s port', () => {
    expect(deployment).toBeDefined();
    expect(service).toBeDefined();
    const labels = at(deployment, 'spec.template.metadata.labels') as Record<string, string>;
    const selector = at(service, 'spec.selector') as Record<string, string>;
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(selector)) expect(labels[key]).toBe(value);
    expect(at(deployment, 'spec.selector.matchLabels')).toEqual(
      expect.objectContaining({ 'app.kubernetes.io/name': labels['app.kubernetes.io/name'] }),
    );
    const container = asArray(at(deployment, 'spec.template.spec.containers'))[0];
    const ports = asArray(at(container, 'ports')) as { name: string; containerPort: number }[];
    const servicePort = asArray(at(service, 'spec.ports'))[0];
    const target = at(servicePort, 'targetPort');
    const port = ports.find((p) => p.name === target || p.containerPort === target);
    expect(port?.containerPort).toBe(8080);
    // nginx listens where the container port says.
    expect(readFileSync(join(DEPLOY_NGINX, 'cairn.conf'), 'utf8')).toContain('listen 8080;');
    expect(at(deployment, 'spec.template.spec.securityContext.runAsNonRoot')).toBe(true);
  });

  for (const [file, prefix] of [
    ['ingress.yaml', ''],
    ['ingress-subpath.yaml', '/jaeger'],
  ] as const) {
    it(`${file}: ${prefix}/api goes to jaeger-query:16686, ${prefix || '/'} to Cairn’s Service`, () => {
      const [ingress] = manifests(file);
      expect(ingress?.kind).toBe('Ingress');
      const rule = asArray(at(ingress, 'spec.rules'))[0];
      expect(at(rule, 'host')).toBe('jaeger.example.com');
      const paths = asArray(at(rule, 'http.paths')).map((path) => ({
        path: at(path, 'path'),
        type: at(path, 'pathType'),
        name: at(path, 'backend.service.name'),
        port: at(path, 'backend.service.port.number'),
      }));
      const cairnPort = at(asArray(at(service, 'spec.ports'))[0], 'port');
      expect(paths).toEqual([
        { path: `${prefix}/api`, type: 'Prefix', ...JAEGER_QUERY },
        {
          path: prefix || '/',
          type: 'Prefix',
          name: at(service, 'metadata.name'),
          port: cairnPort,
        },
      ]);
    });
  }

  it('the example UI config is one Cairn reads without a problem', () => {
    const [configMap] = manifests('config.yaml');
    const json = (at(configMap, 'data') as Record<string, unknown>)['config.json'];
    expect(typeof json).toBe('string');
    const { problems } = parseUiConfig(JSON.parse(json as string));
    expect(problems).toEqual([]);
  });
});

describe('nginx config', () => {
  // A bundle stand-in: only csp.nginx.conf is read by nginx -t.
  const dist = mkdtempSync(join(tmpdir(), 'cairn-dist-'));
  writeFileSync(
    join(dist, 'csp.nginx.conf'),
    `add_header Content-Security-Policy "default-src 'self'; frame-ancestors $cairn_frame_ancestors" always;\n`,
  );

  for (const file of ['cairn.conf', 'cairn-subpath.conf'] as const) {
    it(`nginx -t accepts nginx.conf with ${file}`, () => {
      // jaeger-query is not resolvable here; nginx resolves upstream names when it loads.
      const { prefix, conf } = renderNginx({
        dist,
        sites: [{ file, port: 4599, api: '127.0.0.1:16686' }],
      });
      const result = testNginxConfig(prefix, conf);
      expect(result).toEqual({ ok: true, output: expect.stringMatching(/syntax is ok/) });
    });
  }

  it('the Dockerfile installs the files the configs include, where they include them', () => {
    const dockerfile = readFileSync(new URL('./Dockerfile', import.meta.url), 'utf8');
    const headers = readFileSync(join(DEPLOY_NGINX, 'security-headers.conf'), 'utf8');
    expect(headers).toContain('include /etc/nginx/cairn/csp.nginx.conf;');
    expect(dockerfile).toContain('/etc/nginx/cairn/csp.nginx.conf');
    expect(dockerfile).toContain('/etc/nginx/cairn/security-headers.conf');
    expect(dockerfile).toMatch(/^USER 101$/m);
  });
});
