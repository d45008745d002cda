import type { Ddg, DdgFocal, DdgMode, DdgTrace } from '../model/graph/ddg';
import type { EdgeRoutes } from '../model/graph/layered-layout';
import type { WireError } from './messages';

/**
 * The graph-layout worker's protocol. A layout streams `positions` replies (typed arrays,
 * transferred) until one has `done`; a newer `layout` or a `cancel` stops the one running.
 * A `ddg` request builds a deep dependency graph and answers once.
 */
export interface GraphLayoutInput {
  readonly nodeCount: number;
  readonly width: Float32Array;
  readonly height: Float32Array;
  readonly source: Int32Array;
  readonly target: Int32Array;
}

export type GraphLayoutRequest =
  | {
      readonly type: 'layout';
      readonly id: number;
      readonly graph: GraphLayoutInput;
      readonly direction: 'LR' | 'TB';
      /** Jaeger UI's `dependencies.dagMaxNumServices`: up to this many nodes dagre may be used. */
      readonly layeredMaxNodes: number;
    }
  | { readonly type: 'cancel'; readonly id: number }
  /** The deep dependency graph of these traces (their columns are copied here, not moved). */
  | {
      readonly type: 'ddg';
      readonly id: number;
      readonly traces: readonly DdgTrace[];
      readonly focal: DdgFocal;
      readonly mode: DdgMode;
    };

export type LayoutEngine = 'layered' | 'force';

export type GraphLayoutResponse =
  | {
      readonly type: 'positions';
      readonly id: number;
      readonly engine: LayoutEngine;
      readonly x: Float32Array;
      readonly y: Float32Array;
      /** Layered layouts only: polyline per edge. */
      readonly routes?: EdgeRoutes;
      readonly done: boolean;
      /** 0..1 */
      readonly progress: number;
    }
  | { readonly type: 'ddg'; readonly id: number; readonly ddg: Ddg }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError };
