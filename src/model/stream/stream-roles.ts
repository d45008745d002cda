import type { ScanAction, ValueKind } from './json-scanner';

/**
 * Which containers of a trace document matter while streaming, and what to do with each value met
 * inside them: the same shapes walk-value.ts recognizes in parsed JSON, expressed as a role per
 * descended container so each decision is one table lookup instead of a path comparison.
 */
export type Role =
  | 'root-object' // any top-level object: an envelope, a bare trace object, TracesData, or a span
  | 'root-array' // a top-level array: spans, trace objects or TracesData, captured one by one
  | 'result' // v3 API {"result": TracesData}
  | 'rs-list'
  | 'rs'
  | 'ss-list'
  | 'ss'
  | 'otlp-spans'
  | 'data-list' // v1 envelope "data"
  | 'trace-object'
  | 'trace-spans';

export interface Decision {
  readonly action: ScanAction;
  /** Role of the container when the action is 'descend'. */
  readonly role?: Role;
}

const SKIP: Decision = { action: 'skip' };
const CAPTURE: Decision = { action: 'capture' };
const descend = (role: Role): Decision => ({ action: 'descend', role });

const TRACE_OBJECT_FIELDS = new Set(['traceID', 'traceId', 'processes', 'processMap', 'warnings']);

function traceObjectMember(key: string, kind: ValueKind): Decision {
  if (key === 'spans') return kind === 'array' ? descend('trace-spans') : SKIP;
  return TRACE_OBJECT_FIELDS.has(key) ? CAPTURE : SKIP;
}

/** Decision for a value with `key` ('[]' for array elements) inside a container of `parent`. */
export function decide(parent: Role | undefined, key: string, kind: ValueKind): Decision {
  switch (parent) {
    case undefined:
      if (kind === 'object') return descend('root-object');
      if (kind === 'array') return descend('root-array');
      return CAPTURE;
    case 'root-object':
      if (key === 'resourceSpans') return kind === 'array' ? descend('rs-list') : SKIP;
      if (key === 'result') return kind === 'object' ? descend('result') : SKIP;
      if (key === 'data')
        return kind === 'array'
          ? descend('data-list')
          : kind === 'object'
            ? descend('trace-object')
            : SKIP;
      if (key === 'errors') return CAPTURE;
      return traceObjectMember(key, kind);
    case 'root-array':
    case 'otlp-spans':
    case 'trace-spans':
      return CAPTURE;
    case 'result':
      return key === 'resourceSpans' && kind === 'array' ? descend('rs-list') : SKIP;
    case 'rs-list':
      return kind === 'object' ? descend('rs') : SKIP;
    case 'rs':
      if (key === 'resource') return CAPTURE;
      return (key === 'scopeSpans' || key === 'instrumentationLibrarySpans') && kind === 'array'
        ? descend('ss-list')
        : SKIP;
    case 'ss-list':
      return kind === 'object' ? descend('ss') : SKIP;
    case 'ss':
      if (key === 'scope' || key === 'instrumentationLibrary') return CAPTURE;
      return key === 'spans' && kind === 'array' ? descend('otlp-spans') : SKIP;
    case 'data-list':
      return kind === 'object' ? descend('trace-object') : SKIP;
    case 'trace-object':
      return traceObjectMember(key, kind);
  }
}

/** Root-object keys that show the document is a container Cairn streams (not a lone span). */
export const KNOWN_ROOT_KEYS = new Set(['resourceSpans', 'result', 'data', 'errors', 'spans']);
