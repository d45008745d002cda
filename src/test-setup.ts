import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { provideCanvasSupport } from './ui/canvas-support';

// jsdom has no 2D canvas: views keep their DOM-only rows. A test that paints provides its own.
provideCanvasSupport(false);

afterEach(() => cleanup());
