/** Markdown table of bench results, with the budgets beside the numbers. */
/** Issue 14's budgets, set for the realistic profile (~700+ bytes a span). */
const BUDGETS = {
  '10k': { firstRows: 300, longTask: 50, p95: 17, collapse: 50, heapMb: 100 },
  '100k': { firstRows: 600, longTask: 50, p95: 17, collapse: 100, heapMb: 300 },
  '1m': { firstRows: 3_500, longTask: 50, p95: 17, collapse: 300, heapMb: 1536 },
};
const DETAILS_BUDGET_MS = 50;

const ms = (value) => `${Math.round(value)} ms`;
const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;
const mark = (value, budget) => (value <= budget ? '✅' : '❌');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Median over the loads, with the range when there were several. */
function overLoads(loads, pick) {
  const values = loads.map(pick);
  const mid = median(values);
  return {
    mid,
    text:
      values.length > 1
        ? `${ms(mid)} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}, ${values.length} loads)`
        : ms(mid),
  };
}

/**
 * Bytes per span of the OTLP body, and the engine's throughput: body bytes over the time from
 * `cairn:trace-load-start` to `cairn:trace-loaded` (download, parse and build), median of loads.
 */
function throughput(r, loads) {
  if (!r.bodyBytes) return '?';
  const rates = loads
    .filter((l) => l.loadedMs > l.loadStartMs)
    .map((l) => r.bodyBytes / 1e6 / ((l.loadedMs - l.loadStartMs) / 1000));
  const perSpan = Math.round(r.bodyBytes / r.spanCount);
  return `${perSpan} B/span, ${(r.bodyBytes / 1e6).toFixed(1)} MB, ${median(rates).toFixed(0)} MB/s`;
}

/** Find timings (debounce excluded) against issue 14's budgets: names 100 ms, attributes 1 s. */
function findText(find) {
  if (!find) return '?';
  const { names, attributes, nothing, fieldWord, keyValue } = find;
  const worst = Math.max(attributes.ms, nothing.ms, fieldWord?.ms ?? 0);
  const more = (f) => (f ? ` / ${ms(f.ms)} (${f.status})` : '');
  return (
    `${ms(names.ms)} ${mark(names.ms, 100)} / ${ms(attributes.ms)} (${attributes.status}) / ` +
    `${ms(nothing.ms)}${more(fieldWord)} ${mark(worst, 1000)}${more(keyValue)}`
  );
}

export function formatTable(machine, results) {
  const lines = [
    `Machine: ${machine.cpus}, ${machine.memoryGb} GB RAM, Node ${machine.node}, Chromium ${machine.chromium} (headless), ` +
      `load average ${machine.loadAverage?.before ?? '?'} → ${machine.loadAverage?.after ?? '?'}; profile ${machine.profile ?? '?'}`,
    '',
    '| spans | body, engine throughput | first rows (median) | longest task (load, median / after first rows) | scroll p50 / p95 / max | collapse + expand all | details | find: names / attributes / no match / `error` / `db.system=redis` | JS heap page + worker |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const b = BUDGETS[r.label] ?? BUDGETS['1m'];
    const heap = r.heapEnd.total;
    const collapse = r.collapseAllMs + r.expandAllMs;
    const loads = r.loads ?? [r];
    const first = overLoads(loads, (l) => l.firstRowsMs);
    const loadTask = overLoads(loads, (l) => l.longestTaskMs);
    // Typical load (median over the loads) and everything after the first rows.
    const worstTask = Math.max(loadTask.mid, r.interactionTaskMs ?? r.longestTaskOverallMs);
    lines.push(
      `| ${r.spanCount.toLocaleString('en')} | ${throughput(r, loads)} ` +
        `| ${first.text} ${mark(first.mid, b.firstRows)} (${ms(r.load.firstRowsMs)} under Playwright) ` +
        `| ${loadTask.text} / ${ms(r.interactionTaskMs ?? r.longestTaskOverallMs)} ${mark(worstTask, b.longTask)} ` +
        `| ${r.scroll.p50.toFixed(1)} / ${r.scroll.p95.toFixed(1)} / ${r.scroll.max.toFixed(1)} ms ${mark(r.scroll.p95, b.p95)}${r.scroll.reachedEnd ? '' : ' (did not reach end)'} ` +
        `| ${ms(r.collapseAllMs)} + ${ms(r.expandAllMs)} ${mark(collapse, b.collapse)} ` +
        `| ${ms(r.detailsMs)} ${mark(r.detailsMs, DETAILS_BUDGET_MS)}${r.detailsShown ? '' : ' (not shown)'} ` +
        `| ${findText(r.find)} ` +
        `| ${mb(r.heapEnd.page)} + ${mb(r.heapEnd.workers)} = ${mb(heap)} ${mark(heap / 2 ** 20, b.heapMb)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Where first rows' time goes, median over the loads, from the page's `cairn:*` marks and the
 * worker's (src/worker/load-timings.ts). The download overlaps the parse: "parser during the
 * download" is the parser's own time inside the download's span.
 */
export function formatBreakdown(results) {
  const steps = [
    ['load start (after navigation)', (l) => l.loadStartMs],
    ['→ the worker has the request', (l, m) => m['cairn:worker-requested'] - l.loadStartMs],
    ['→ response headers', (l, m) => m['cairn:worker-headers'] - m['cairn:worker-requested']],
    ['→ first body chunk', (l, m) => m['cairn:worker-firstChunk'] - m['cairn:worker-headers']],
    [
      '→ last chunk (download)',
      (l, m) => m['cairn:worker-lastChunk'] - m['cairn:worker-firstChunk'],
    ],
    ['  parser during the download (CPU)', (l) => l.parseMs],
    ['  body chunks (count)', (l) => l.chunks],
    [
      '→ parse finished (last chunk, tree build)',
      (l, m) => m['cairn:worker-built'] - m['cairn:worker-lastChunk'],
    ],
    ['→ columns copied, posted', (l, m) => m['cairn:worker-posted'] - m['cairn:worker-built']],
    ['→ page has them (`cairn:trace-loaded`)', (l, m) => l.loadedMs - m['cairn:worker-posted']],
    ['→ first rows painted', (l) => l.firstRowsMs - l.loadedMs],
  ];
  const lines = [
    `| step (median over the loads, ms) | ${results.map((r) => r.label).join(' | ')} |`,
    `|---|${results.map(() => '---|').join('')}`,
  ];
  for (const [name, pick] of steps) {
    const cells = results.map((r) => {
      const loads = (r.loads ?? [r]).filter((l) => l.marks?.['cairn:worker-posted'] !== undefined);
      return loads.length === 0 ? '?' : Math.round(median(loads.map((l) => pick(l, l.marks))));
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
