/// <reference types="node" />
/**
 * Test helper: reads the recorded real responses in ../shared/fixtures/real unchanged (see its
 * INDEX.md). Only tests import this file.
 */
import { readFileSync } from 'node:fs';

const root = new URL('../../../shared/fixtures/real/', import.meta.url);

export const realFixture = (path: string): string => readFileSync(new URL(path, root), 'utf8');
