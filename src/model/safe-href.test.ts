import { describe, expect, it } from 'vitest';
import { MAX_HREF_LENGTH, safeHref } from './safe-href';

describe('safeHref', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['http://a.example', 'http://a.example/'],
    ['HTTPS://A.example/Path', 'https://a.example/Path'],
    ['/relative/path', '/relative/path'],
    ['trace/abc', 'trace/abc'],
    ['?q=1', '?q=1'],
    // A relative href naming another host is written out, so it reads as where it goes.
    ['//cdn.example/x', '//cdn.example/x'],
    ['/\\evil.example', '//evil.example/'],
    ['\\\\evil.example/a?b#c', '//evil.example/a?b#c'],
    [' //evil.example', '//evil.example/'],
    ['http:evil.example', 'http://evil.example/'],
    // Encoded schemes are paths, not schemes.
    ['javascript%3Aalert(1)', 'javascript%3Aalert(1)'],
  ])('%j is the link %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\njavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:x',
    'file:///etc/passwd',
    'blob:https://a.example/0',
    'http://[::1',
    `https://a.example/${'a'.repeat(MAX_HREF_LENGTH)}`,
  ])('%# is not a link', (href) => {
    expect(safeHref(href)).toBeNull();
  });
});
