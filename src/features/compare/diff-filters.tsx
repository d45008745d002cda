import type { Threshold } from './diff-row-model';

/**
 * "Only show differences" and what counts as one: a change of at least this many ms and this
 * share of the slower side (both), or a change in calls, errors or presence.
 */
export function DiffFilters(props: {
  readonly onlyDifferences: boolean;
  readonly onOnlyDifferencesChange: (value: boolean) => void;
  readonly threshold: Threshold;
  readonly onThresholdChange: (value: Threshold) => void;
  readonly focusLabel: string | null;
  readonly onClearFocus: () => void;
  readonly rowCount: string;
}) {
  const { threshold } = props;
  const number = (value: string, fallback: number) => {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return (
    <div className="compare-filter" role="group" aria-label="Row filter">
      <label>
        <input
          type="checkbox"
          checked={props.onlyDifferences}
          onChange={(event) => props.onOnlyDifferencesChange(event.target.checked)}
        />{' '}
        Only show differences
      </label>
      <label>
        of at least{' '}
        <input
          type="number"
          min={0}
          step="any"
          className="threshold"
          value={threshold.absolute / 1000}
          onChange={(event) =>
            props.onThresholdChange({
              ...threshold,
              absolute: number(event.target.value, threshold.absolute / 1000) * 1000,
            })
          }
        />{' '}
        ms
      </label>
      <label>
        and{' '}
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          className="threshold"
          value={Math.round(threshold.relative * 1000) / 10}
          onChange={(event) =>
            props.onThresholdChange({
              ...threshold,
              relative: number(event.target.value, threshold.relative * 100) / 100,
            })
          }
        />{' '}
        %
      </label>
      {props.focusLabel !== null && (
        <span className="focus-chip">
          Only <strong>{props.focusLabel}</strong>{' '}
          <button type="button" onClick={props.onClearFocus}>
            Show all
          </button>
        </span>
      )}
      <span className="row-count" aria-live="polite">
        {props.rowCount} rows
      </span>
    </div>
  );
}
