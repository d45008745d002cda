/** Lookback: presets up to the configured maximum, or a custom absolute range in local time or UTC. */
import { useId } from 'react';
import type { Micros } from '../../model/units';
import { micros } from '../../model/units';
import { fromDateTimeInput, nowMicros, presetsUpTo, toDateTimeInput } from './lookback';
import type { FieldErrors, SearchForm } from './search-params';

interface Props {
  readonly form: SearchForm;
  readonly maxLookback: Micros;
  readonly utc: boolean;
  readonly errors: FieldErrors;
  readonly onChange: (patch: Partial<SearchForm>) => void;
  readonly onUtcChange: (utc: boolean) => void;
}

export function LookbackField({ form, maxLookback, utc, errors, onChange, onUtcChange }: Props) {
  const id = useId();
  const presets = presetsUpTo(maxLookback);
  const custom = form.lookback === 'custom';
  const rangeError = errors.start ?? errors.end;

  const switchTo = (lookback: string) => {
    if (lookback !== 'custom') return onChange({ lookback });
    // Start the custom range from what the user was looking at, not from an empty picker.
    const end = form.end || String(Math.floor(nowMicros()));
    const preset = presets.find((p) => p.value === form.lookback) ?? presets[0];
    const start = form.start || String(Math.floor(Number(end) - (preset?.micros ?? 3_600_000_000)));
    return onChange({ lookback, start, end });
  };

  const dateInput = (field: 'start' | 'end', label: string) => (
    <div className="search-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="datetime-local"
        step={1}
        value={form[field] === '' ? '' : toDateTimeInput(micros(Number(form[field])), utc)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={rangeError ? `${id}-range-error` : undefined}
        onChange={(event) => {
          const value = fromDateTimeInput(event.target.value, utc);
          onChange({ [field]: value === null ? '' : String(Math.floor(value)) });
        }}
      />
    </div>
  );

  return (
    <fieldset className="search-lookback">
      <div className="search-field">
        <label htmlFor={`${id}-lookback`}>Lookback</label>
        <select
          id={`${id}-lookback`}
          value={form.lookback}
          aria-invalid={errors.lookback ? true : undefined}
          aria-describedby={errors.lookback ? `${id}-lookback-error` : undefined}
          onChange={(event) => switchTo(event.target.value)}
        >
          {presets.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {preset.label}
            </option>
          ))}
          {!presets.some((p) => p.value === form.lookback) && form.lookback !== 'custom' && (
            <option value={form.lookback}>{form.lookback}</option>
          )}
          <option value="custom">Custom range…</option>
        </select>
        {errors.lookback && (
          <span id={`${id}-lookback-error`} className="field-error">
            {errors.lookback}
          </span>
        )}
      </div>
      {custom && (
        <>
          {dateInput('start', `Start (${utc ? 'UTC' : 'local time'})`)}
          {dateInput('end', `End (${utc ? 'UTC' : 'local time'})`)}
          <label className="search-checkbox">
            <input
              type="checkbox"
              checked={utc}
              onChange={(event) => onUtcChange(event.target.checked)}
            />{' '}
            Times in UTC
          </label>
          {rangeError && (
            <span id={`${id}-range-error`} className="field-error">
              {rangeError}
            </span>
          )}
        </>
      )}
    </fieldset>
  );
}
