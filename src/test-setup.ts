import { provideCanvasSupport } from './ui/canvas-support';

// jsdom has no 2D canvas: views keep their DOM-only rows. A test that paints provides its own.
provideCanvasSupport(false);

// The DOM matchers and React Testing Library only where there is a DOM: importing them (react-dom
// with them) cost every plain-Node test file ~250 ms of setup, 20 s of the unit run.
if (typeof document !== 'undefined') {
  // Files share their worker's jsdom (vite.config.ts: isolate), and this runs before each file:
  // each starts with the empty storage and the plain URL it would have in a jsdom of its own.
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  const { afterEach } = await import('vitest');
  afterEach(() => cleanup());
}
