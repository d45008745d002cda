import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderEdges, siblingCycles } from './check-folder-cycles.mjs';

/** A source tree from { 'a/x.ts': 'source' }. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'folder-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('siblingCycles', () => {
  it('finds two sibling folders importing each other through different files', () => {
    const root = tree({
      'model/stream/parser.ts': "import { read } from '../formats/reader';\nexport const p = read;",
      'model/formats/reader.ts':
        "import { skip } from '../stream/bytes';\nexport const read = skip;",
      'model/stream/bytes.ts': 'export const skip = 1;',
    });
    const cycles = siblingCycles(folderEdges(root));
    expect(cycles).toHaveLength(1);
    expect(cycles[0].parent).toBe('model');
    expect(cycles[0].folders).toEqual(['formats', 'stream']);
  });

  it('counts a cycle through a third sibling and through subfolders', () => {
    const root = tree({
      'a/deep/x.ts': "import '../../b/y';",
      'b/y.ts': "export { z } from '../c/z';",
      'c/z.ts': "export const z = () => import('../a/deep/x');",
    });
    const [cycle] = siblingCycles(folderEdges(root));
    expect(cycle?.folders).toEqual(['a', 'b', 'c']);
  });

  it('ignores type-only imports, tests, and a parent folder using its children', () => {
    const root = tree({
      'a/x.ts': "import type { Y } from '../b/y';\nexport type X = Y;",
      'b/y.ts': "import { x } from '../a/x';\nexport type Y = typeof x;",
      'b/y.test.ts': "import { x } from '../a/x';",
      'a/x.test.ts': "import { y } from '../b/y';",
      'page.ts': "import { x } from './a/x';",
      'a/use-page.ts': "import { page } from '../page';",
    });
    expect(siblingCycles(folderEdges(root))).toEqual([]);
  });
});
