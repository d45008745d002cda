/**
 * Calls `onStall` once no chunk of a body has come for `timeoutMs`. A chunk only stamps the time
 * (`touch`); the one timer, when it fires early, waits again for what is left. Re-arming a timer
 * per chunk (clearTimeout + setTimeout) cost ~34 ms over a 1M-span body's ~5,000 chunks in a CPU
 * profile of the trace worker.
 */
export interface StallWatch {
  /** A chunk came. */
  touch(): void;
  stop(): void;
}

export function watchForStall(timeoutMs: number, onStall: () => void): StallWatch {
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = (ms: number) => {
    timer = setTimeout(() => {
      const quiet = performance.now() - last;
      if (quiet >= timeoutMs) onStall();
      else wait(timeoutMs - quiet);
    }, ms);
  };
  wait(timeoutMs);
  return {
    touch() {
      last = performance.now();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
