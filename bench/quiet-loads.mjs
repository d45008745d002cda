/**
 * Trace loads timed in a Chromium that no DevTools network agent watches, as a user's browser.
 *
 * Playwright enables the Network domain on every page and on every worker (it reports and routes
 * their requests). With it on, the worker's 8 MB trace download ends in a 90-130 ms task of the
 * inspector's own (`response_body_loader` HandleResult, no JavaScript, in a Chromium trace), and
 * first rows read 80-130 ms later at 10k and 100-300 ms later at 100k than in the same browser
 * driven without it (see docs/benchmarks.md). So the loads that give "first rows" run here: the
 * same Chromium and flags, driven over `--remote-debugging-pipe` with the Target, Page and
 * Emulation domains and Runtime.evaluate only (the Runtime domain is not enabled: see quietLoad);
 * no session is attached to the worker.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from '../scripts/chromium-flags.mjs';

/** Starts Chromium with a CDP pipe; `send(method, params, sessionId)` resolves with the result. */
export async function launchQuietChromium(executablePath = '/usr/bin/chromium') {
  const userDataDir = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--no-sandbox',
      ...CHROMIUM_FLAGS,
      '--remote-debugging-pipe',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const pending = new Map();
  const listeners = new Set();
  let nextId = 1;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (text) => {
    // Messages are JSON separated by NUL bytes.
    const parts = (buffered + text).split('\0');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      const message = JSON.parse(part);
      if (message.id === undefined) {
        for (const listener of listeners) listener(message);
        continue;
      }
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
      else call?.resolve(message.result);
    }
  });
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const { product } = await send('Browser.getVersion');
  return {
    version: product,
    send,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await send('Browser.close').catch(() => child.kill());
      await exited;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Page code: `window.__quietDone` resolves when the page logs `message` with console.debug. */
function resolveOnConsoleMessage(message) {
  window.__quietDone = new Promise((resolve) => {
    const debug = console.debug;
    console.debug = function (...args) {
      if (args[0] === message) resolve();
      return debug.apply(this, args);
    };
  });
}

/**
 * Opens `url` in a fresh browser context with `initScript` installed, waits for the page's
 * `console.debug(doneMessage)`, returns `readResult` (a page function's source) evaluated in the page.
 */
export async function quietLoad(browser, { url, initScript, doneMessage, readResult, timeoutMs }) {
  const { send } = browser;
  const { browserContextId } = await send('Target.createBrowserContext');
  try {
    const { targetId } = await send('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    await send(
      'Emulation.setDeviceMetricsOverride',
      { width: 1400, height: 900, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    await send('Page.enable', {}, sessionId);
    // Not Runtime.enable: with it on, V8 captures a detailed stack trace (lines and columns) for
    // every Error created, in case it goes uncaught; React DOM creates one while its module
    // initializes, and finding the frames' positions re-parsed the whole entry chunk and React
    // DOM's module (~25-35 ms more in the bundle's evaluation task than a user's browser spends).
    // The done message is caught in the page instead, and awaited with Runtime.evaluate.
    await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
    await send(
      'Page.addScriptToEvaluateOnNewDocument',
      { source: `(${resolveOnConsoleMessage})(${JSON.stringify(doneMessage)})` },
      sessionId,
    );
    // The page's script context exists once its DOM is parsed; the promise is awaited from then.
    let stopWaiting = () => false;
    const parsed = new Promise((resolve) => {
      stopWaiting = browser.onEvent((event) => {
        if (event.method === 'Page.domContentEventFired' && event.sessionId === sessionId)
          resolve();
      });
    });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No "${doneMessage}" from ${url}`)), timeoutMs);
    });
    await send('Page.navigate', { url }, sessionId);
    await Promise.race([
      parsed.then(() =>
        send(
          'Runtime.evaluate',
          { expression: 'window.__quietDone', awaitPromise: true },
          sessionId,
        ),
      ),
      timeout,
    ]).finally(() => {
      clearTimeout(timer);
      stopWaiting();
    });
    const { result, exceptionDetails } = await send(
      'Runtime.evaluate',
      { expression: `(${readResult})()`, returnByValue: true, awaitPromise: true },
      sessionId,
    );
    if (exceptionDetails) throw new Error(`Reading the load failed: ${exceptionDetails.text}`);
    return result.value;
  } finally {
    await send('Target.disposeBrowserContext', { browserContextId });
  }
}
