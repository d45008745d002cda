/**
 * Where the page's CSP refuses WebAssembly (no 'wasm-unsafe-eval'), each module is asked to
 * compile once: every refusal throws and may send a violation report, and the parse asked at
 * every chunk.
 */
describe('WebAssembly refused', () => {
  it('each module is compiled at most once, and the readers fall back to JS', async () => {
    vi.resetModules();
    const compile = vi.spyOn(WebAssembly, 'Module').mockImplementation(function refused() {
      throw new WebAssembly.CompileError('refused by the page’s CSP');
    });
    const skipper = await import('./wasm-skipper');
    const needles = await import('./wasm-needle-search');
    const attributes = await import('./wasm-attribute-find');
    for (let chunk = 0; chunk < 5; chunk++) {
      expect(skipper.wasmSkipperAvailable()).toBe(false);
      expect(skipper.mirrorBytes(new Uint8Array(8), 64)).toBeNull();
      expect(needles.wasmPieceSearch('redis')).toBeNull();
      expect(
        attributes.wasmAttributeFinder(new TextEncoder().encode('db.system'), null),
      ).toBeNull();
    }
    expect(compile).toHaveBeenCalledTimes(3);
    vi.resetModules();
  });
});
