import { Link } from 'react-router';
import type { DdgNode } from '../../model/graph/ddg';

interface Props {
  readonly node: DdgNode | undefined;
  readonly isFocal: boolean;
  readonly traceIds: readonly string[];
  readonly focused: boolean;
  readonly onFocusHere: () => void;
  readonly onHide: () => void;
  readonly onSetFocal: () => void;
}

/** What can be done with the selected node (Jaeger UI's node menu, as a toolbar). */
export function DdgNodeActions({
  node,
  isFocal,
  traceIds,
  focused,
  onFocusHere,
  onHide,
  onSetFocal,
}: Props) {
  if (!node) return null;
  const search = new URLSearchParams(traceIds.map((id) => ['traceID', id]));
  return (
    <div className="ddg-actions" role="toolbar" aria-label={`Actions for ${node.service}`}>
      <strong>
        {node.service}
        {node.operation ? `: ${node.operation}` : ''}
      </strong>
      <button type="button" aria-pressed={focused} onClick={onFocusHere}>
        Focus paths through here
      </button>
      {!isFocal && (
        <button type="button" onClick={onHide}>
          Hide
        </button>
      )}
      <Link to={`/search?${search.toString()}`}>Show {traceIds.length} traces through it</Link>
      {!isFocal && (
        <button type="button" onClick={onSetFocal}>
          Set as focal
        </button>
      )}
    </div>
  );
}
