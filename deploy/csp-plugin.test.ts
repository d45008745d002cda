import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspDirectives, inlineScripts, nginxSnippet } from '../scripts/vite-plugin-csp.ts';

const PAGE = `<!doctype html><html><head>
<script>
  var a = 1;
</script>
<script type="module" crossorigin src="./static/index-abc.js"></script>
<SCRIPT>b()</SCRIPT>
</head><body><script type="module" src="./x.js"></script></body></html>`;

const sha = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the CSP plugin', () => {
  it('hashes exactly the inline scripts’ text, whitespace included, and skips src scripts', () => {
    expect(inlineScripts(PAGE)).toEqual(['\n  var a = 1;\n', 'b()']);
    const directives = cspDirectives(PAGE);
    expect(directives).toContain(
      `script-src 'self' 'wasm-unsafe-eval' ${sha('\n  var a = 1;\n')} ${sha('b()')}`,
    );
    expect(directives.join('; ')).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
    expect(directives.at(-1)).toBe("frame-ancestors 'self'");
  });

  it('the nginx lines leave frame-ancestors to $cairn_frame_ancestors', () => {
    const snippet = nginxSnippet(PAGE);
    expect(snippet).toMatch(
      /^add_header Content-Security-Policy ".*frame-ancestors \$cairn_frame_ancestors" always;$/m,
    );
    expect(snippet).toContain(
      `add_header Content-Security-Policy-Report-Only "require-trusted-types-for 'script'" always;`,
    );
  });
});
