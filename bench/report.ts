// The benchmark's verdicts (targets met or missed, where lunr stops being adequate) and its stdout tables.
import type { ColdStartResult, IdleResult } from './cold-start.js';
import type { LatencyResult, PhaseBreakdown } from './latency.js';
import type { ScaleRow } from './scale.js';
import { round } from './stats.js';

export interface Target {
  id: string;
  description: string;
  target: string;
  value: string;
  /** null when the figure was not measured in this run (e.g. a size skipped by its budget). */
  met: boolean | null;
  fix?: string;
}

export interface Figures {
  latency: LatencyResult;
  coldStart: ColdStartResult;
  scale: ScaleRow[];
}

export function evaluateTargets({ latency, coldStart, scale }: Figures): Target[] {
  const engine = latency.systems.engine;
  const ratio = latency.ratios.engineVsRawLunr?.p99;
  const tenK = scale.find((r) => r.records === 10_000);
  const tenKp99 = tenK?.latency?.systems.engine?.p99;
  const load = tenK?.load?.loadMs;
  const t = (id: string, description: string, target: string, value: number | undefined, unit: string, ok: (v: number) => boolean, fix: string): Target => {
    const met = value === undefined || Number.isNaN(value) ? null : ok(value);
    return { id, description, target, value: value === undefined ? 'not measured' : `${value} ${unit}`.trim(), met, ...(met === false ? { fix } : {}) };
  };
  return [
    t('seed-p99-vs-lunr', 'Seed corpus: engine p99 ÷ raw lunr p99', '≤ 1.5×', ratio, '×', (v) => v <= 1.5,
      "The slow tail is lunr scoring very common words ('migrants', 'rights', 'human', 'workers') once per expanded variant: leave out of the lunr query the terms found in more than ~20% of records when the query has rarer ones (keep them for coverage), and query each distinct term once."),
    t('seed-p99', 'Seed corpus: engine p99', '< 2 ms', engine?.p99, 'ms', (v) => v < 2,
      'Most of ask is inside lunr (see the stage table): leave terms found in more than ~20% of records out of the lunr query when rarer ones are present; then find near words for empty answers with a TokenSet fuzzy intersection instead of editDistance over the whole vocabulary, and cache typo candidates per word.'),
    t('cold-start', 'Cold start to first answer, prebuilt index (median)', '< 300 ms', coldStart.prebuilt.medianMs, 'ms', (v) => v < 300,
      'See the in-process breakdown: import only what answering needs (no YAML parser, schema library or chat SDKs when data/index.json matches the seeds), and keep the validated records in data/index.json.'),
    t('10k-p99', '10,000 records: engine p99', '< 25 ms', tenKp99, 'ms', (v) => v < 25,
      'lunr scores every matching record and allocates match data for each (queries on common words match most of the corpus): leaving very common terms out of the lunr query cuts the tail most; past ~10,000 records use a search service with top-k retrieval.'),
    t('10k-load', '10,000 records: index load from the prebuilt file', '< 1 s', load === undefined ? undefined : round(load / 1000, 2), 's', (v) => v < 1,
      'Index.load rebuilds every posting list from JSON: index fewer fields (the long text without positions), or move to a search service with an on-disk index.'),
  ];
}

/** The first size at which lunr stops being adequate, and why; undefined if every measured size was fine. */
export function lunrLimit(scale: ScaleRow[]): string | undefined {
  for (const row of scale) {
    const reasons: string[] = [];
    if (row.status !== 'measured') reasons.push(row.skipped ?? row.error ?? row.status);
    if (row.build && row.build.buildMs > 60_000) reasons.push(`index build takes ${round(row.build.buildMs / 1000, 1)} s`);
    if (row.load?.loadMs !== undefined && row.load.loadMs > 1000) reasons.push(`index load takes ${round(row.load.loadMs / 1000, 2)} s`);
    if (row.load && row.load.heapLoadedMB > 1024) reasons.push(`heap after loading is ${row.load.heapLoadedMB} MB`);
    const e = row.latency?.systems.engine?.p99;
    if (e !== undefined && e > 100) reasons.push(`engine p99 is ${e} ms`);
    if (reasons.length > 0) return `lunr stops being adequate at ${row.records.toLocaleString('en')} records: ${reasons.join('; ')}.`;
  }
  return undefined;
}

/** The first size at which a naive linear scan answers faster (p99) than the engine. */
export function scanOvertakes(scale: ScaleRow[]): string | undefined {
  for (const row of scale) {
    const e = row.latency?.systems.engine?.p99;
    const scan = row.latency?.systems.linearScan?.p99;
    if (e !== undefined && scan !== undefined && e > scan) {
      return `From ${row.records.toLocaleString('en')} records a naive linear scan has a better p99 than the engine (${scan} ms vs ${e} ms).`;
    }
  }
  return undefined;
}

export function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === undefined ? '—' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(cells[0] ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printLatency(out: (s: string) => void, l: LatencyResult): void {
  const names = { engine: 'engine (ask)', rawLunr: 'raw lunr', linearScan: 'linear scan' } as const;
  const rows = (Object.keys(names) as (keyof typeof names)[]).flatMap((k) => {
    const s = l.systems[k];
    return s ? [[names[k], s.p50, s.p95, s.p99, s.max, s.mean, `${l.answered[k] ?? '—'}/${l.queries}`]] : [];
  });
  out(table(['system', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms', 'answered'], rows));
  const r = l.ratios;
  if (r.engineVsRawLunr) out(`engine ÷ raw lunr:    p50 ${r.engineVsRawLunr.p50}×  p95 ${r.engineVsRawLunr.p95}×  p99 ${r.engineVsRawLunr.p99}×  max ${r.engineVsRawLunr.max}×`);
  if (r.engineVsLinearScan) out(`engine ÷ linear scan: p50 ${r.engineVsLinearScan.p50}×  p95 ${r.engineVsLinearScan.p95}×  p99 ${r.engineVsLinearScan.p99}×  max ${r.engineVsLinearScan.max}×`);
}

export function printDetails(out: (s: string) => void, l: LatencyResult, phases?: PhaseBreakdown): void {
  if (l.byTag) {
    out('\nBy query kind (engine):');
    out(table(['tag', 'queries', 'p50 ms', 'p99 ms', 'raw lunr p99 ms'], Object.entries(l.byTag).map(([tag, s]) => [tag, s.queries, s.engineP50, s.engineP99, s.rawLunrP99])));
  }
  if (phases) {
    out('\nWhere the engine spends its time (mean per query):');
    out(table(['stage', 'ms'], [['parse', phases.parse], ['expand (synonyms, typos)', phases.expand], ['lunr (expanded terms, inside ask)', phases.lunrInAsk], ['rank, filters, present, suggestions', phases.rankPresentAndRest], ['full ask', phases.fullAsk]]));
  }
  if (l.slowest?.length) {
    out('\nSlowest queries (engine median):');
    out(table(['query', 'tag', 'median ms', 'max ms'], l.slowest.map((s) => [JSON.stringify(s.text), s.tag, s.medianMs, s.maxMs])));
  }
}

export function printColdStart(out: (s: string) => void, c: ColdStartResult, idle: IdleResult | undefined, heap?: { heapUsedMB: number; rssMB: number }): void {
  out(table(['process', 'first answer median ms', 'min', 'max', 'exit median ms'], [
    ['node -e console.log(1) (floor)', c.nodeBaseline.medianMs, c.nodeBaseline.minMs, c.nodeBaseline.maxMs, c.nodeBaseline.exitMedianMs],
    ['rights ask, prebuilt index', c.prebuilt.medianMs, c.prebuilt.minMs, c.prebuilt.maxMs, c.prebuilt.exitMedianMs],
    ['rights ask, rebuild from seeds', c.rebuild.medianMs, c.rebuild.minMs, c.rebuild.maxMs, c.rebuild.exitMedianMs],
  ]));
  out(`(${c.runs} run${c.runs === 1 ? '' : 's'} each, query "${c.query}"; the rebuild includes saving data/index.json; prebuilt index ${round(c.indexBytes / 1024, 1)} KB${c.prebuiltReused ? '' : '; WARNING: the prebuilt runs rewrote the index'})`);
  const b = c.breakdown as Record<string, number | string> | undefined;
  if (b && !('error' in b)) {
    out(`In one process: node boot ${b.bootMs} ms, core imports ${b.importMs} ms, seeds hash ${b.hashMs} ms, read index and records ${b.readIndexMs} ms, engine ${b.engineMs} ms, first ask ${b.firstAskMs} ms; the CLI's own imports add ${b.cliImportMs} ms.`);
  }
  const rb = (c.breakdownRebuild as { rebuild?: Record<string, number> } | undefined)?.rebuild;
  if (rb) out(`Rebuilding in-process: YAML and schema imports ${rb.importMs} ms, load and validate seeds ${rb.loadRecordsMs} ms, build the index ${rb.buildIndexMs} ms.`);
  if (heap) out(`Memory after loading (seed corpus, after GC): heap ${heap.heapUsedMB} MB, RSS ${heap.rssMB} MB.`);
  if (idle) out(`node dist/adapters/start.js (console adapter) idle ${idle.idleMs} ms after one answer: RSS ${idle.rssMB ?? '—'} MB (peak ${idle.peakRssMB ?? '—'} MB).`);
}

export function printScale(out: (s: string) => void, rows: ScaleRow[]): void {
  const mb = (bytes?: number) => (bytes === undefined ? undefined : round(bytes / 2 ** 20, 1));
  const s = (ms?: number) => (ms === undefined ? undefined : round(ms / 1000, 2));
  out(table(
    ['records', 'status', 'build s', 'index MB', 'load s', 'heap MB', 'RSS MB', 'queries', 'engine p50/p99 ms', 'raw lunr p50/p99 ms', 'scan p50/p99 ms', 'run s / budget'],
    rows.map((r) => {
      const l = r.latency?.systems;
      const pair = (x?: { p50: number; p99: number }) => (x ? `${x.p50} / ${x.p99}` : undefined);
      return [r.records.toLocaleString('en'), r.status, s(r.build?.buildMs), mb(r.build?.indexBytes), s(r.load?.loadMs), r.load?.heapLoadedMB, r.load?.rssLoadedMB, r.queries || undefined, pair(l?.engine), pair(l?.rawLunr), pair(l?.linearScan), `${r.seconds} / ${r.budgetSeconds}`];
    }),
  ));
  out('heap and RSS: after loading and GC (index, records and engine; the generated records only where no index was loaded). index MB includes the records saved with it.');
  for (const r of rows) {
    if (r.skipped) out(`${r.records.toLocaleString('en')} records: ${r.skipped}.`);
    if (r.error) out(`${r.records.toLocaleString('en')} records: ${r.error}.`);
  }
}

export function printTargets(out: (s: string) => void, targets: Target[]): void {
  out(table(['target', 'wanted', 'measured', 'verdict'], targets.map((t) => [t.description, t.target, t.value, t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED'])));
  for (const t of targets) if (t.fix) out(`  ${t.id} missed — what would fix it: ${t.fix}`);
}
