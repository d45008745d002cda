// Compiles `*.wat` imports (WebAssembly text) to their binary at build time, as a module whose
// default export is the bytes (a Uint8Array). The text is the source that is committed; the
// binary is build output, like the bundle. Used by vite.config.ts (app, dev server, Vitest) and
// bench/parser.mjs (rolldown): both run the plugin's `load` hook.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import wabt from 'wabt';

let toolkit;

/** A line `;; include "file.wat"`: that file's text goes in its place (one module, two files). */
const INCLUDE = /^\s*;; include "([^"]+)"\s*$/gm;

/** The module's text with its includes in place, and the files it was read from. */
export async function watSource(path) {
  const files = [path];
  const text = await readFile(path, 'utf8');
  const parts = await Promise.all(
    [...text.matchAll(INCLUDE)].map(async (match) => {
      const included = resolve(dirname(path), match[1]);
      files.push(included);
      return [match[0], await readFile(included, 'utf8')];
    }),
  );
  let source = text;
  for (const [line, included] of parts) source = source.replace(line, included);
  return { source, files };
}

/** The binary of a module in the text format; throws with wabt's message when it is invalid. */
export async function compileWat(path) {
  toolkit ??= await wabt();
  const { source } = await watSource(path);
  const parsed = toolkit.parseWat(path, source, { simd: true });
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
      // The dev server and Vitest reload the module when an included file changes too.
      for (const file of (await watSource(id)).files.slice(1)) this.addWatchFile?.(file);
      const binary = await compileWat(id);
      const base64 = Buffer.from(binary).toString('base64');
      // Inline: a worker compiles it synchronously at start-up, with no request of its own.
      return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
    },
  };
}
