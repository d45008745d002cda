import { useEffect, useState } from 'react';
import type { Ddg, DdgMode, DdgTrace } from '../../model/graph/ddg';
import { buildDdgInWorker, prewarmLayoutWorker } from '../../worker/graph-layout-client';

/** The DDG of `traces` through the focal service/operation, built in the layout worker. */
export function useDdg(
  traces: readonly DdgTrace[] | undefined,
  service: string,
  operation: string,
  mode: DdgMode,
): { readonly ddg?: Ddg; readonly error?: unknown } {
  const [state, setState] = useState<{ key: unknown[]; ddg?: Ddg; error?: unknown }>();
  // The traces take a while to arrive: the worker that builds and lays out the graph starts now.
  useEffect(prewarmLayoutWorker, []);
  useEffect(() => {
    if (!traces || !service) return;
    let live = true;
    const key = [traces, service, operation, mode];
    buildDdgInWorker(traces, { service, operation }, mode).then(
      (ddg) => live && setState({ key, ddg }),
      (error: unknown) => {
        if (live && !(error instanceof DOMException && error.name === 'AbortError'))
          setState({ key, error });
      },
    );
    return () => {
      live = false;
    };
  }, [traces, service, operation, mode]);
  const current =
    state?.key[0] === traces &&
    state?.key[1] === service &&
    state?.key[2] === operation &&
    state?.key[3] === mode;
  return current && state ? { ddg: state.ddg, error: state.error } : {};
}
