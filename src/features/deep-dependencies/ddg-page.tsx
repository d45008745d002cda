import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import { servicesQuery } from '../../api/queries';
import { traceQueryFromParams } from '../../api/trace-query-params';
import { useUiSettings } from '../../api/ui-settings-context';
import {
  ddgNodeName,
  ddgNodesNamed,
  visibleDdgNodes,
  type Ddg,
  type DdgMode,
} from '../../model/graph/ddg';
import { ErrorPanel, failureDetails } from '../../ui/error-panel';
import { formatCount } from '../../ui/format-count';
import { GraphView } from '../../ui/graph-view/graph-view';
import { edgeWidthOf, type GraphScene } from '../../ui/graph-view/graph-scene';
import { formatHops, HopsSelect, parseHops } from '../../ui/graph-view/hops-select';
import { useGraphLayout } from '../../ui/graph-view/use-graph-layout';
import { serviceColor } from '../../ui/service-colors';
import { ddgDrawable, pathsThrough } from './ddg-graph';
import { DdgNodeActions } from './ddg-node-actions';
import { useDdg } from './use-ddg';
import { useDdgTraces } from './use-ddg-traces';
import './ddg-page.css';

/**
 * Jaeger UI's deep dependency graph: the paths through a focal service (or service+operation)
 * in a set of traces, hops upstream and downstream chosen by the reader. Every choice (focal,
 * hops, granularity, hidden nodes, traces) is in the URL, so a view can be shared. The traces
 * are a search (`search.*`, one request for all of them) or trace ids (`traceID`).
 */
export function DdgPage() {
  const [params, setParams] = useSearchParams();
  const service = params.get('service') ?? '';
  const operation = params.get('operation') ?? '';
  const mode: DdgMode = params.get('by') === 'operation' ? 'operation' : 'service';
  const up = parseHops(params.get('up'), 2);
  const down = parseHops(params.get('down'), 2);
  const ids = params.getAll('traceID');
  // Hidden nodes by name (`hide=db&hide=cache::get`), one parameter each: names may hold commas.
  const hiddenNames = params.getAll('hide');
  const update = (changes: Record<string, string | readonly string[] | undefined>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(changes)) {
          next.delete(key);
          if (typeof value === 'string') {
            if (value !== '') next.set(key, value);
          } else {
            for (const item of value ?? []) next.append(key, item);
          }
        }
        return next;
      },
      { replace: true },
    );
  const loaded = useDdgTraces(service, operation, ids, traceQueryFromParams(params));
  const built = useDdg(loaded.traces, service, operation, mode);
  const ddg = built.ddg;
  // Keyed by the names' text: getAll returns a new array every render.
  const hideKey = hiddenNames.join('\n');
  const hidden = useMemo(
    () => (ddg && hideKey ? ddgNodesNamed(ddg, hideKey.split('\n')) : new Set<number>()),
    [ddg, hideKey],
  );

  return (
    <div className="ddg-page">
      <div className="ddg-toolbar">
        <h1>Deep dependency graph</h1>
        <FocalPicker
          service={service}
          operation={operation}
          onChange={(next) =>
            update({ service: next.service, operation: next.operation, hide: undefined })
          }
        />
        <label>
          Nodes by{' '}
          <select
            value={mode}
            onChange={(event) => update({ by: event.target.value, hide: undefined })}
          >
            <option value="service">service</option>
            <option value="operation">service and operation</option>
          </select>
        </label>
        <HopsSelect
          label="Upstream hops"
          value={up}
          onChange={(v) => update({ up: formatHops(v) })}
        />
        <HopsSelect
          label="Downstream hops"
          value={down}
          onChange={(v) => update({ down: formatHops(v) })}
        />
        {hidden.size > 0 && (
          <button type="button" onClick={() => update({ hide: undefined })}>
            Show {hidden.size} hidden
          </button>
        )}
      </div>
      {!service && <p className="page-loading">Choose a focal service to see its paths.</p>}
      {service && loaded.pending && (
        <p className="page-loading" role="status">
          Loading traces through {service}…
        </p>
      )}
      {built.error !== undefined && (
        <ErrorPanel title="Could not build the graph" error={failureDetails(built.error)} />
      )}
      {loaded.error !== undefined && (
        <ErrorPanel
          title="Could not load the traces"
          error={failureDetails(loaded.error)}
          onRetry={loaded.retry}
        />
      )}
      {ddg && ddg.focalSpans === 0 && (
        <p className="page-loading" role="status">
          None of the {formatCount(loaded.traces?.length ?? 0)} traces pass through {service}
          {operation ? `: ${operation}` : ''}.
        </p>
      )}
      {ddg && ddg.focalSpans > 0 && (
        <DdgGraph
          ddg={ddg}
          traceIds={loaded.traces?.map((trace) => trace.traceId) ?? []}
          visible={visibleDdgNodes(ddg, up, down, hidden)}
          onHide={(node) => {
            const name = ddgNodeName(ddg.nodes[node] ?? { service: '', operation: '' });
            update({ hide: [...new Set([...hiddenNames, name])] });
          }}
          onFocal={(node) =>
            update({
              service: ddg.nodes[node]?.service,
              operation: ddg.nodes[node]?.operation,
              hide: undefined,
            })
          }
        />
      )}
    </div>
  );
}

function FocalPicker({
  service,
  operation,
  onChange,
}: {
  readonly service: string;
  readonly operation: string;
  readonly onChange: (focal: { service: string; operation: string }) => void;
}) {
  const services = useQuery(servicesQuery(useJaegerClient()));
  return (
    <>
      <label>
        Service{' '}
        <select
          value={service}
          onChange={(event) => onChange({ service: event.target.value, operation: '' })}
        >
          <option value="">Choose…</option>
          {[...new Set([service, ...(services.data ?? [])])].filter(Boolean).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {operation && (
        <span className="ddg-operation">
          Operation {operation}{' '}
          <button type="button" onClick={() => onChange({ service, operation: '' })}>
            All operations
          </button>
        </span>
      )}
    </>
  );
}

function DdgGraph({
  ddg,
  traceIds,
  visible,
  onHide,
  onFocal,
}: {
  readonly ddg: Ddg;
  readonly traceIds: readonly string[];
  readonly visible: Uint8Array;
  readonly onHide: (node: number) => void;
  readonly onFocal: (node: number) => void;
}) {
  const visibleKey = visible.join('');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: a new mask with the same nodes keeps the layout
  const drawable = useMemo(() => ddgDrawable(ddg, visible), [ddg, visibleKey]);
  const { graph, nodeOf } = drawable;
  const layout = useGraphLayout(graph, useUiSettings().config.dependencies.dagMaxNumServices);
  const scene = useMemo((): GraphScene => {
    const nodes = Array.from(nodeOf, (i) => ddg.nodes[i]);
    return {
      graph,
      labels: nodes.map((node) => node?.service ?? ''),
      details: nodes.map((node) => {
        const distance = node?.distance ?? 0;
        return `${node?.operation ? `${node.operation} · ` : ''}${formatCount(node?.traces.length ?? 0)} traces · ${distance > 0 ? '+' : ''}${distance}`;
      }),
      stroke: nodes.map((node) => serviceColor(node?.service ?? '')),
      edgeWidth: edgeWidthOf(graph.weight),
    };
  }, [ddg, graph, nodeOf]);
  const [selected, setSelected] = useState(-1);
  const [focusNode, setFocusNode] = useState(-1);
  const chosen = selected < graph.nodeCount ? selected : -1;
  const dimmed = useMemo(() => {
    const ddgNode = focusNode >= 0 ? nodeOf[focusNode] : undefined;
    if (ddgNode === undefined || focusNode >= graph.nodeCount) return undefined;
    const mask = pathsThrough(ddg, ddgNode);
    return Uint8Array.from(nodeOf, (i) => (mask[i] ? 0 : 1));
  }, [ddg, nodeOf, focusNode, graph.nodeCount]);
  const focalNode = nodeOf.indexOf(0);
  const describe = (drawn: number) => {
    const node = ddg.nodes[nodeOf[drawn] ?? -1];
    if (!node) return '';
    const where =
      node.distance === 0
        ? 'focal'
        : node.distance < 0
          ? `${-node.distance} hops upstream`
          : `${node.distance} hops downstream`;
    return `${node.service}${node.operation ? `: ${node.operation}` : ''}, ${where}, ${node.traces.length} traces`;
  };
  if (layout.error) return <p role="alert">Could not lay out the graph: {layout.error}</p>;
  const chosenNode = chosen >= 0 ? (nodeOf[chosen] ?? -1) : -1;
  return (
    <>
      <GraphView
        scene={scene}
        positions={layout.positions}
        settled={layout.settled}
        label={`Deep dependency graph: ${formatCount(graph.nodeCount)} nodes`}
        noun="service"
        dimmed={dimmed}
        selected={chosen >= 0 ? chosen : focalNode}
        onActivate={(drawn) => setSelected(drawn === chosen ? -1 : drawn)}
        onEscape={() => {
          setSelected(-1);
          setFocusNode(-1);
        }}
        describe={describe}
      >
        <span className="ddg-count" role="status">
          {formatCount(graph.nodeCount)} nodes from {formatCount(traceIds.length)} traces
        </span>
      </GraphView>
      {chosenNode >= 0 && (
        <DdgNodeActions
          node={ddg.nodes[chosenNode]}
          isFocal={chosenNode === 0}
          traceIds={(ddg.nodes[chosenNode]?.traces ?? []).map((t) => traceIds[t] ?? '')}
          focused={focusNode === chosen}
          onFocusHere={() => setFocusNode(focusNode === chosen ? -1 : chosen)}
          onHide={() => {
            onHide(chosenNode);
            setSelected(-1);
          }}
          onSetFocal={() => onFocal(chosenNode)}
        />
      )}
    </>
  );
}
