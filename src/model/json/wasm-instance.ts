/**
 * The exports of a new instance of a module compiled at build time (scripts/wat-plugin.mjs), or
 * null where it cannot run: no WebAssembly, no SIMD, or compiling refused by the page's CSP
 * (without `'wasm-unsafe-eval'`). Synchronous: Cairn's modules are a few KB.
 */
export function instantiateOrNull<Exports>(binary: Uint8Array): Exports | null {
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(binary as BufferSource))
      .exports as unknown as Exports;
  } catch {
    return null;
  }
}
