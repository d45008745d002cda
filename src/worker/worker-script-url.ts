/**
 * Creates the bundle's module workers through a Trusted Types policy where the browser has
 * Trusted Types: with `require-trusted-types-for 'script'` in force (or report-only), a plain
 * string or URL given to `new Worker` is a violation. The policy vouches only for same-origin
 * scripts beside this module, i.e. the bundle's own worker chunks; anything else throws. Where
 * Trusted Types do not exist the same check runs and the plain URL is used.
 */
interface ScriptUrlPolicy {
  createScriptURL(input: string): object;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

/** The one policy name the CSP's `trusted-types` directive would have to allow. */
export const WORKER_POLICY_NAME = 'cairn-worker';

/** `href` resolved, if it is one of the bundle's own scripts; throws otherwise. */
export function bundleScriptUrl(
  href: string,
  // The directory of the chunk this module ends up in, resolved at run time.
  bundleDir = new URL(/* @vite-ignore */ './', import.meta.url),
): string {
  const url = new URL(href, bundleDir);
  if (url.origin !== bundleDir.origin || !url.pathname.startsWith(bundleDir.pathname)) {
    throw new Error(`Refusing to start a worker from ${url.href}: not a script of this bundle`);
  }
  return url.href;
}

// Created once: with a `trusted-types` directive a second policy of the same name would throw.
let policy: ScriptUrlPolicy | null | undefined;

function workerPolicy(): ScriptUrlPolicy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    policy = factory
      ? factory.createPolicy(WORKER_POLICY_NAME, {
          createScriptURL: (input) => bundleScriptUrl(input),
        })
      : null;
  }
  return policy;
}

/** A module worker running `href` (from a `?worker&url` import). */
export function createModuleWorker(href: string): Worker {
  const trusted = workerPolicy()?.createScriptURL(href);
  // TypeScript's DOM types do not know TrustedScriptURL; `new Worker` accepts it where it exists.
  const scriptUrl = (trusted ?? bundleScriptUrl(href)) as string;
  return new Worker(scriptUrl, { type: 'module' });
}
