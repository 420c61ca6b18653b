// Query latency of the full path (Engine.ask) against both baselines on the same queries, plus where the
// engine's time goes (parse, expand, lunr inside ask, and the rest: ranking, filters, presentation).
import type lunr from 'lunr';
import type { Engine } from '../src/engine.js';
import { parseQuery } from '../src/query/parse.js';
import { QueryExpander } from '../src/search/expand.js';
import { words as toWords } from '../src/search/text.js';
import { LinearScanBaseline, RawLunrBaseline } from './baselines.js';
import type { BenchQuery } from './queries.js';
import { measure, round, summarize, time, type MeasureOptions, type Summary } from './stats.js';

export const SYSTEMS = ['engine', 'rawLunr', 'linearScan'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface LatencyResult {
  queries: number;
  reps: number;
  /** False when the run was cut short by its time budget (then `systems[…].samples` says how many calls were timed). */
  complete: boolean;
  /** Per system: p50/p95/p99/max over every timed call. */
  systems: Partial<Record<SystemName, Summary>>;
  /** engine ÷ baseline, per percentile, from the same run. */
  ratios: Partial<Record<'engineVsRawLunr' | 'engineVsLinearScan', { p50: number; p95: number; p99: number; max: number }>>;
  /** Queries for which each system returned at least one result. */
  answered: Partial<Record<SystemName, number>>;
  byTag?: Record<string, { queries: number; engineP50: number; engineP99: number; rawLunrP99?: number }>;
  /** The engine's slowest queries by median. */
  slowest?: { text: string; tag: string; medianMs: number; maxMs: number }[];
}

export interface LatencyInput {
  engine?: Engine;
  index?: lunr.Index;
  records: Engine['kb']['records'];
}

export function runLatency(input: LatencyInput, queries: readonly BenchQuery[], options: MeasureOptions): LatencyResult {
  const systems: Partial<Record<SystemName, (text: string) => unknown>> = {};
  const { engine, index } = input;
  if (engine) systems.engine = (text) => engine.ask(text);
  if (index) {
    const raw = new RawLunrBaseline(index);
    systems.rawLunr = (text) => raw.search(text);
  }
  const scan = new LinearScanBaseline(input.records);
  systems.linearScan = (text) => scan.search(text);

  const texts = queries.map((q) => q.text);
  const run = measure(systems as Record<string, (t: string) => unknown>, texts, { ...options, count: hasResults });
  const summaries: Partial<Record<SystemName, Summary>> = {};
  for (const name of Object.keys(systems) as SystemName[]) summaries[name] = summarize(run.all[name] ?? []);

  const result: LatencyResult = { queries: texts.length, reps: run.reps, complete: run.complete, systems: summaries, ratios: {}, answered: run.counted };
  const e = summaries.engine;
  if (e && summaries.rawLunr) result.ratios.engineVsRawLunr = ratios(e, summaries.rawLunr);
  if (e && summaries.linearScan) result.ratios.engineVsLinearScan = ratios(e, summaries.linearScan);
  if (e) {
    result.byTag = {};
    for (const tag of [...new Set(queries.map((q) => q.tag))]) {
      const pick = (name: SystemName) => queries.flatMap((q, i) => (q.tag === tag ? (run.byQuery[name]?.[i] ?? []) : []));
      const engineTag = summarize(pick('engine'));
      const rawTag = summaries.rawLunr ? summarize(pick('rawLunr')) : undefined;
      result.byTag[tag] = { queries: queries.filter((q) => q.tag === tag).length, engineP50: engineTag.p50, engineP99: engineTag.p99, rawLunrP99: rawTag?.p99 };
    }
    result.slowest = queries
      .map((q, i) => {
        const s = summarize(run.byQuery.engine?.[i] ?? []);
        return { text: q.text.slice(0, 60), tag: q.tag, medianMs: s.p50, maxMs: s.max };
      })
      .sort((a, b) => b.medianMs - a.medianMs)
      .slice(0, 8);
  }
  return result;
}

function ratios(a: Summary, b: Summary) {
  const r = (x: number, y: number) => round(y > 0 ? x / y : Number.NaN, 2);
  return { p50: r(a.p50, b.p50), p95: r(a.p95, b.p95), p99: r(a.p99, b.p99), max: r(a.max, b.max) };
}

function hasResults(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  const answer = value as { type?: string; total?: number; item?: unknown };
  return (answer.type === 'results' && (answer.total ?? 0) > 0) || answer.type === 'record';
}

/** Mean ms per query of each stage of the search path, measured separately on the same queries. */
export interface PhaseBreakdown {
  parse: number;
  expand: number;
  lunrInAsk: number;
  /** Full ask minus the stages above: AND-first ranking, filters, presentation, empty-answer suggestions. */
  rankPresentAndRest: number;
  fullAsk: number;
}

export function phaseBreakdown(engine: Engine, queries: readonly BenchQuery[], reps: number): PhaseBreakdown {
  const expander = new QueryExpander(engine.kb, engine.index);
  // lunr's share is timed inside the real ask, by wrapping the index's query method for the duration.
  const index = engine.index;
  const query = index.query;
  let lunrMs = 0;
  index.query = (fn) => {
    const start = process.hrtime.bigint();
    const results = query.call(index, fn);
    lunrMs += Number(process.hrtime.bigint() - start) / 1e6;
    return results;
  };
  const totals = { parse: 0, expand: 0, lunrInAsk: 0, fullAsk: 0 };
  try {
    for (let rep = 0; rep <= reps; rep++) {
      const warm = rep === 0; // the first pass only warms up
      for (const { text } of queries) {
        const parsed = time(() => parseQuery(text));
        const p = parsed.value;
        const expandMs = p.command === 'search' ? time(() => expander.expand(toWords(p.words.join(' ')))).ms : 0;
        lunrMs = 0;
        const full = time(() => engine.ask(text)).ms;
        if (warm) continue;
        totals.parse += parsed.ms;
        totals.expand += expandMs;
        totals.lunrInAsk += lunrMs;
        totals.fullAsk += full;
      }
    }
  } finally {
    index.query = query;
  }
  const n = Math.max(1, reps * queries.length);
  const mean = (x: number) => round(x / n, 4);
  return {
    parse: mean(totals.parse),
    expand: mean(totals.expand),
    lunrInAsk: mean(totals.lunrInAsk),
    rankPresentAndRest: mean(Math.max(0, totals.fullAsk - totals.parse - totals.expand - totals.lunrInAsk)),
    fullAsk: mean(totals.fullAsk),
  };
}
