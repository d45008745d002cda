/// <reference types="vite/client" />

/** True when the bundle serves the MSW demo backend instead of talking to a real Jaeger. */
declare const __CAIRN_DEMO__: boolean;
/** Cairn's own version (package.json), shown in the About menu. */
declare const __CAIRN_VERSION__: string;

/** WebAssembly text, compiled to its binary at build time (scripts/wat-plugin.mjs). */
declare module '*.wat' {
  const binary: Uint8Array;
  export default binary;
}
