/**
 * Service Performance Monitoring (Jaeger UI's Monitor tab): RED metrics of a service and its
 * operations from jaeger-query's `/api/metrics`, with links into search for any point in time.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useJaegerClient } from '../../api/client-context';
import { isMetricsDisabled, SPAN_KIND_FILTERS } from '../../api/metrics-client';
import { minStepQuery } from '../../api/metrics-queries';
import { servicesQuery } from '../../api/queries';
import { useUiSettings } from '../../api/ui-settings-context';
import { Combobox } from '../../ui/combobox';
import { ExternalLink } from '../../ui/external-link';
import { clampToLookback, metricsQuery, monitorParams, tracesSearchPath } from './monitor-params';
import { MonitorBody } from './monitor-body';
import { TimeRangeField } from './time-range-field';
import { useMetricsClient } from './use-metrics-client';
import { slots, useRedMetrics } from './use-red-metrics';
import './monitor.css';
import { preferenceStorage } from '../../ui/safe-storage';

const LAST_SERVICE_KEY = 'cairn.monitor.service';

const storedService = (): string => preferenceStorage.getItem(LAST_SERVICE_KEY) ?? '';

export function MonitorPage() {
  const jaeger = useJaegerClient();
  const client = useMetricsClient();
  const { config } = useUiSettings();
  const [urlParams, setUrlParams] = useSearchParams();
  const params = useMemo(() => monitorParams(urlParams), [urlParams]);
  // Pinned so the queries' keys hold still; Refresh and a new preset move it.
  const [now, setNow] = useState(() => Date.now());
  const services = useQuery(servicesQuery(jaeger));

  const update = (changes: Record<string, string | null>, replace = true) => {
    const next = new URLSearchParams(urlParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setUrlParams(next, { replace });
  };

  // Like Jaeger UI: open on the last service looked at, or the first one.
  const list = services.data;
  useEffect(() => {
    if (params.service !== '' || !list || list.length === 0) return;
    const last = storedService();
    const next = new URLSearchParams(urlParams);
    next.set('service', list.includes(last) ? last : (list[0] ?? ''));
    setUrlParams(next, { replace: true });
  }, [params.service, list, urlParams, setUrlParams]);
  useEffect(() => {
    if (params.service === '') return;
    preferenceStorage.setItem(LAST_SERVICE_KEY, params.service);
  }, [params.service]);

  // The step waits for the store's minimum (one small request per session); a store that cannot
  // say (an error, an older Jaeger) gets the usual steps.
  const minStep = useQuery(minStepQuery(client));
  const minStepMs = minStep.data !== undefined && minStep.data > 0 ? minStep.data : 0;
  const stepKnown = !minStep.isPending;
  const serviceQuery = metricsQuery(params, now, false, minStepMs);
  const groupedQuery = metricsQuery(params, now, true, minStepMs);
  const service = useRedMetrics(client, serviceQuery, true, stepKnown);
  const operations = useRedMetrics(client, groupedQuery, params.operation !== '', stepKnown);
  const disabled = [...slots(service), ...slots(operations)].some((slot) =>
    isMetricsDisabled(slot.error),
  );

  const options = useMemo(() => {
    const names = [...(list ?? [])];
    // A service only the metrics store knows (or one typed into the URL) stays selectable.
    if (params.service !== '' && !names.includes(params.service)) names.push(params.service);
    return names.sort().map((name) => ({ value: name, label: name }));
  }, [list, params.service]);

  const whole = clampToLookback(
    serviceQuery.endTs - serviceQuery.lookback,
    serviceQuery.endTs,
    config.search.maxLookback.value,
  );
  return (
    <div className="monitor-page">
      <div className="monitor-toolbar">
        <h1>Monitor</h1>
        <div className="monitor-service">
          <Combobox
            label="Service"
            value={params.service}
            options={options}
            onChange={(value) => update({ service: value, operation: null }, false)}
            placeholder={services.isPending ? 'Loading services…' : 'Choose a service'}
            emptyText={services.isPending ? 'Loading services…' : 'No matching service'}
            error={
              services.isError ? `Could not load services: ${services.error.message}` : undefined
            }
          />
        </div>
        <label>
          Span kind{' '}
          <select
            value={params.spanKind}
            onChange={(event) => update({ spanKind: event.target.value })}
          >
            {SPAN_KIND_FILTERS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <TimeRangeField
          lookback={params.lookback}
          start={params.start}
          end={params.end}
          onPreset={(value) => {
            setNow(Date.now());
            update({ lookback: value, start: null, end: null });
          }}
          onCustom={(start, end) =>
            update({ lookback: 'custom', start: String(start), end: String(end) }, false)
          }
        />
        <button type="button" onClick={() => setNow(Date.now())}>
          Refresh
        </button>
        {params.service !== '' && (
          <Link
            className="monitor-all-traces"
            to={tracesSearchPath({ service: params.service, ...whole })}
          >
            View all traces
          </Link>
        )}
      </div>
      {disabled ? (
        <section className="monitor-disabled" aria-labelledby="monitor-disabled-title">
          <h2 id="monitor-disabled-title">Metrics are not configured</h2>
          <p>
            This Jaeger has no metrics storage, so it cannot answer the Monitor&apos;s questions:
            the metrics API said that querying metrics is disabled. Service Performance Monitoring
            needs span metrics (from the OpenTelemetry Collector&apos;s spanmetrics connector into
            Prometheus, or computed from Elasticsearch/OpenSearch) and jaeger-query configured to
            read them.
          </p>
          <p>
            <ExternalLink href={config.monitor.docsLink}>
              How to set up Service Performance Monitoring
            </ExternalLink>
          </p>
        </section>
      ) : params.service === '' ? (
        <p className="page-loading">
          {services.isPending ? 'Loading services…' : 'Choose a service to see its metrics.'}
        </p>
      ) : (
        <MonitorBody
          params={params}
          service={service}
          operations={operations}
          serviceQuery={serviceQuery}
          docsLink={config.monitor.docsLink}
          searchWindow={whole}
          onSelectOperation={(operation) => update({ operation }, false)}
        />
      )}
    </div>
  );
}
