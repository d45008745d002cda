// Compiles `*.wat` imports (WebAssembly text) to their binary at build time, as a module whose
// default export is the bytes (a Uint8Array). The text is the source that is committed; the
// binary is build output, like the bundle. Used by vite.config.ts (app, dev server, Vitest) and
// bench/parser.mjs (rolldown): both run the plugin's `load` hook.
import { readFile } from 'node:fs/promises';
import wabt from 'wabt';

let toolkit;

/** The binary of a module in the text format; throws with wabt's message when it is invalid. */
export async function compileWat(path) {
  toolkit ??= await wabt();
  const parsed = toolkit.parseWat(path, await readFile(path, 'utf8'), { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

export function watPlugin() {
  return {
    name: 'cairn-wat',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      const binary = await compileWat(id);
      const base64 = Buffer.from(binary).toString('base64');
      // Inline: a worker compiles it synchronously at start-up, with no request of its own.
      return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
    },
  };
}
