import type { DiffCore } from '../../model/diff/trace-diff';
import type { NameFocus } from './diff-row-model';

/** One line of "where the time went": a service or a (service, operation), B minus A. */
export interface BreakdownRow {
  readonly focus: NameFocus;
  readonly service: string;
  /** Empty for a service line. */
  readonly operation: string;
  readonly total: number;
  readonly self: number;
  readonly calls: number;
  readonly errors: number;
  /** Self time on the slower side, µs; for the bar. */
  readonly selfA: number;
  readonly selfB: number;
}

/**
 * Changes per name or per service, biggest impact first. Impact is the change in self time: a
 * slow leaf call also makes every caller's total time longer, but only its own self time, so
 * the bottleneck ranks above the callers that merely wait for it. Ties: total time, calls, errors.
 */
export function timeBreakdown(diff: DiffCore, by: 'operation' | 'service'): BreakdownRow[] {
  const { totals, nameCount, nameService, nameOperation, services } = diff;
  const rows: BreakdownRow[] = [];
  if (by === 'operation') {
    for (let k = 0; k < nameCount; k++) {
      rows.push({
        focus: { kind: 'name', name: k },
        service: services[nameService[k] ?? 0] ?? '',
        operation: nameOperation[k] ?? '',
        total: (totals.totalB[k] ?? 0) - (totals.totalA[k] ?? 0),
        self: (totals.selfB[k] ?? 0) - (totals.selfA[k] ?? 0),
        calls: (totals.callsB[k] ?? 0) - (totals.callsA[k] ?? 0),
        errors: (totals.errorsB[k] ?? 0) - (totals.errorsA[k] ?? 0),
        selfA: totals.selfA[k] ?? 0,
        selfB: totals.selfB[k] ?? 0,
      });
    }
  } else {
    const sums = services.map(() => [0, 0, 0, 0, 0, 0]);
    for (let k = 0; k < nameCount; k++) {
      const sum = sums[nameService[k] ?? 0];
      if (!sum) continue;
      sum[0] = (sum[0] ?? 0) + (totals.totalB[k] ?? 0) - (totals.totalA[k] ?? 0);
      sum[1] = (sum[1] ?? 0) + (totals.selfB[k] ?? 0) - (totals.selfA[k] ?? 0);
      sum[2] = (sum[2] ?? 0) + (totals.callsB[k] ?? 0) - (totals.callsA[k] ?? 0);
      sum[3] = (sum[3] ?? 0) + (totals.errorsB[k] ?? 0) - (totals.errorsA[k] ?? 0);
      sum[4] = (sum[4] ?? 0) + (totals.selfA[k] ?? 0);
      sum[5] = (sum[5] ?? 0) + (totals.selfB[k] ?? 0);
    }
    sums.forEach(([total = 0, self = 0, calls = 0, errors = 0, selfA = 0, selfB = 0], s) =>
      rows.push({
        focus: { kind: 'service', service: s },
        service: services[s] ?? '',
        operation: '',
        total,
        self,
        calls,
        errors,
        selfA,
        selfB,
      }),
    );
  }
  const impact = (row: BreakdownRow) => [
    Math.abs(row.self),
    Math.abs(row.total),
    Math.abs(row.calls),
    Math.abs(row.errors),
  ];
  return rows.sort((x, y) => {
    const [ix, iy] = [impact(x), impact(y)];
    for (let k = 0; k < ix.length; k++) if (ix[k] !== iy[k]) return (iy[k] ?? 0) - (ix[k] ?? 0);
    return 0;
  });
}
