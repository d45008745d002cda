/**
 * The comparison's request and reply, kept apart from messages.ts (which only lists them in its
 * unions) so changes to the diff protocol do not touch the shared file.
 */
import type { TraceDiff } from '../model/diff/trace-diff';

/**
 * Aligns trace `handleA` with `handlesB`: one handle compares two traces; several compare A
 * against the median of those traces per aligned span (a cohort baseline).
 */
export interface DiffRequest {
  readonly type: 'diff';
  readonly id: number;
  readonly handleA: number;
  readonly handlesB: readonly number[];
}

/** Every typed array of `diff` is transferred. */
export interface DiffResponse {
  readonly type: 'diff';
  readonly id: number;
  readonly diff: TraceDiff;
}
