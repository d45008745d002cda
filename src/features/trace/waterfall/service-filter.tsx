import { useEffect, useRef } from 'react';
import { useTracePage } from '../state/trace-page-store-context';

/**
 * "Hide services": a disclosure with one checkbox per service. Hidden spans (and their subtrees)
 * leave one "N spans hidden" row per run of sibling subtrees. Names are text: trace data is hostile.
 */
export function ServiceFilter({ services }: { services: readonly string[] }) {
  const hidden = useTracePage((s) => s.hiddenServices);
  const setHidden = useTracePage((s) => s.setServiceHidden);
  const showAll = useTracePage((s) => s.showAllServices);
  const hiddenCount = hidden.reduce((sum, value) => sum + value, 0);
  const ref = useRef<HTMLDetailsElement>(null);
  // A popover over the rows: a click elsewhere or Escape closes it.
  useEffect(() => {
    const close = (event: Event) => {
      const element = ref.current;
      if (!element?.open) return;
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !element.contains(event.target as Node)
      )
        element.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="wf-service-filter" ref={ref}>
      <summary>{hiddenCount > 0 ? `Services (${hiddenCount} hidden)` : 'Services'}</summary>
      <fieldset className="wf-service-filter__list">
        <legend>Hide services</legend>
        {services.map((service, index) => (
          <label key={index}>
            <input
              type="checkbox"
              checked={hidden[index] === 1}
              onChange={(event) => setHidden(index, event.target.checked)}
            />
            {service}
          </label>
        ))}
        <button type="button" onClick={showAll} disabled={hiddenCount === 0}>
          Show all services
        </button>
      </fieldset>
    </details>
  );
}
