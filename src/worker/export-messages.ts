/**
 * The JSON download's request and reply, kept apart from messages.ts (which only lists them in
 * its unions) so this feature's protocol changes do not touch the shared file.
 */

/** Every span's normalized detail as one JSON document, built in the worker. */
export interface ExportJsonRequest {
  readonly type: 'export-json';
  readonly id: number;
  readonly handle: number;
}

export interface ExportJsonResponse {
  readonly type: 'export-json';
  readonly id: number;
  /** `application/json`; assembled from many string parts, never one string of the whole trace. */
  readonly blob: Blob;
  readonly spanCount: number;
}
