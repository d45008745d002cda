/**
 * The search form. It edits a local copy of the URL's search; submitting validates it and hands a
 * query to the page, which writes the URL. Every control has a visible label and an inline error.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useJaegerClient } from '../../api/client-context';
import { operationsQuery, servicesQuery } from '../../api/queries';
import type { Operation, TraceQuery } from '../../api/types';
import { Combobox, type ComboboxOption } from '../../ui/combobox';
import { loadUtcPreference, saveUtcPreference } from './last-search';
import { nowMicros } from './lookback';
import { LookbackField } from './lookback-field';
import {
  ALL_SERVICES,
  validateForm,
  type FieldErrors,
  type SearchForm,
  type SearchLimits,
} from './search-params';
import './search-form.css';

interface Props {
  readonly initial: SearchForm;
  readonly limits: SearchLimits;
  readonly onSubmit: (form: SearchForm, query: TraceQuery) => void;
}

/** v3 lists an operation once per span kind; the picker shows each name once with its kinds. */
export function operationOptions(operations: readonly Operation[]): ComboboxOption[] {
  const kinds = new Map<string, Set<string>>();
  for (const op of operations) {
    const set = kinds.get(op.name) ?? new Set<string>();
    if (op.spanKind) set.add(op.spanKind);
    kinds.set(op.name, set);
  }
  const named = [...kinds.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, set]): ComboboxOption => ({
      value: name,
      label: name,
      hint: [...set].join(', '),
    }));
  return [{ value: '', label: 'all' }, ...named];
}

/** Sorted service names, led by "All services" where the backend can search without one. */
export function serviceOptions(
  services: readonly string[],
  allServices: boolean,
): ComboboxOption[] {
  const named = [...services]
    .sort((a, b) => a.localeCompare(b))
    .map((name): ComboboxOption => ({ value: name, label: name }));
  return allServices ? [{ value: ALL_SERVICES, label: 'All services' }, ...named] : named;
}

export function SearchFormView({ initial, limits, onSubmit }: Props) {
  const { maxLookback, maxLimit, allServices } = limits;
  const id = useId();
  const client = useJaegerClient();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [utc, setUtc] = useState(loadUtcPreference);
  const formRef = useRef<HTMLFormElement>(null);
  const services = useQuery(servicesQuery(client));
  const everyService = form.service === ALL_SERVICES;
  // Across every service there is no operation list to ask for.
  const operations = useQuery(operationsQuery(client, everyService ? '' : form.service));

  const serviceChoices = useMemo(
    () => serviceOptions(services.data ?? [], allServices),
    [services.data, allServices],
  );
  const opOptions = useMemo(() => operationOptions(operations.data ?? []), [operations.data]);

  const update = (patch: Partial<SearchForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    // An edited field's old error would now be about a value that is gone.
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !(key in patch))),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateForm(form, nowMicros(), limits);
    setErrors(result.errors);
    if (result.query) onSubmit(form, result.query);
    else
      queueMicrotask(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
  };

  const text = (
    field: 'minDuration' | 'maxDuration' | 'limit' | 'tags',
    label: string,
    placeholder: string,
  ) => (
    <div className="search-field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="text"
        inputMode={field === 'limit' ? 'numeric' : undefined}
        spellCheck={false}
        placeholder={placeholder}
        value={form[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
        onChange={(event) => update({ [field]: event.target.value })}
      />
      {errors[field] && (
        <span id={`${id}-${field}-error`} className="field-error">
          {errors[field]}
        </span>
      )}
    </div>
  );

  return (
    <form
      ref={formRef}
      className="search-form"
      aria-label="Search traces"
      onSubmit={submit}
      noValidate
    >
      <Combobox
        label="Service"
        value={form.service}
        options={serviceChoices}
        placeholder={services.isPending ? 'Loading services…' : 'Choose a service'}
        emptyText={services.isError ? 'Could not load services' : 'No matching service'}
        error={errors.service}
        onChange={(service) => update({ service, operation: '' })}
      />
      {services.isError && (
        <p className="field-error" role="alert">
          Could not load services: {services.error.message}{' '}
          <button type="button" onClick={() => void services.refetch()}>
            Retry
          </button>
        </p>
      )}
      <Combobox
        label="Operation"
        value={form.operation}
        options={opOptions}
        disabled={form.service === '' || everyService}
        emptyText={operations.isPending ? 'Loading operations…' : 'No matching operation'}
        onChange={(operation) => update({ operation })}
      />
      {text('tags', 'Attributes', 'http.status_code=500 error=true')}
      <p className="search-hint">logfmt; quote values with spaces: msg="not found"</p>
      <LookbackField
        form={form}
        maxLookback={maxLookback}
        utc={utc}
        errors={errors}
        onChange={update}
        onUtcChange={(value) => {
          setUtc(value);
          saveUtcPreference(value);
        }}
      />
      <div className="search-row">
        {text('minDuration', 'Min duration', 'e.g. 100ms')}
        {text('maxDuration', 'Max duration', 'e.g. 1.5s')}
      </div>
      {text('limit', 'Limit', `1–${maxLimit}`)}
      <button type="submit" className="primary search-submit">
        Find traces
      </button>
    </form>
  );
}
