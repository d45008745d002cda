import type { Plugin } from 'vite';

export function compileWat(path: string): Promise<Uint8Array>;
export function watPlugin(): Plugin;
