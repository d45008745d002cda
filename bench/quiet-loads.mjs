/**
 * Trace loads timed in a Chromium that no DevTools network agent watches, as a user's browser.
 *
 * Playwright enables the Network domain on every page and on every worker (it reports and routes
 * their requests). With it on, the worker's 8 MB trace download ends in a 90-130 ms task of the
 * inspector's own (`response_body_loader` HandleResult, no JavaScript, in a Chromium trace), and
 * first rows read 80-130 ms later at 10k and 100-300 ms later at 100k than in the same browser
 * driven without it (see docs/benchmarks.md). So the loads that give "first rows" run here: the
 * same Chromium and flags, driven over `--remote-debugging-pipe` with the Target, Page, Emulation
 * and Runtime domains only; no session is attached to the worker.
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

/**
 * Opens `url` in a fresh browser context with `initScript` installed, waits for the console
 * message `doneMessage`, returns `readResult` (a page function's source) evaluated in the page.
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
    await send('Runtime.enable', {}, sessionId);
    await send('Page.addScriptToEvaluateOnNewDocument', { source: initScript }, sessionId);
    let off = () => false;
    const done = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No "${doneMessage}" from ${url}`)),
        timeoutMs,
      );
      off = browser.onEvent((event) => {
        const said = event.method === 'Runtime.consoleAPICalled' && event.sessionId === sessionId;
        if (!said || event.params.args?.[0]?.value !== doneMessage) return;
        clearTimeout(timer);
        resolve();
      });
    });
    await send('Page.navigate', { url }, sessionId);
    await done.finally(() => off());
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
