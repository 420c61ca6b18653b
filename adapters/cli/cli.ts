// The `rights` commands: same grammar as the chat; --json gives the stable JSON contract.
import { DEFAULT_PAGE_SIZE, type Engine, type PageOptions } from '../../src/engine.js';
import type { Answer } from '../../src/answer.js';
import { RecordsError } from '../../src/records/errors.js';
import { buildIndex, writeIndex } from '../../src/search/build-index.js';
import { openEngine } from '../../src/open.js';
import { answerToJson, digestToJson, itemToJson } from '../../src/json.js';
import { buildDigest, isDate } from '../../src/digest/content.js';
import { isLang, translator } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';
import { resolveVocabulary } from '../../src/search/filters.js';
import { renderDigestText } from '../console/render-digest.js';
import { ConfigError } from '../config-error.js';
import { KINDS, type Kind } from '../../src/records/kinds.js';
import { kindFromWord } from '../../src/query/parse.js';
import { projectRoot } from '../paths.js';
import { renderText } from '../console/render.js';
import { join } from 'node:path';

export const USAGE = `Usage:
  rights ask [--json] [--offset N] [--limit N] <words…>
                                    search, e.g. rights ask recommendations firewalls;
                                    --offset skips the first N results (default 0),
                                    --limit shows up to N results, 1–100 (default ${DEFAULT_PAGE_SIZE})
  rights show [--json] <id>         one record in full
  rights list [--json] <kind>       every record of a kind (recommendations, treaties, sessions, speakers, observances)
  rights themes [--json]            the theme taxonomy
  rights check                      validate seeds/ (file:line errors, non-zero exit)
  rights build-index                rebuild data/index.json from seeds/
  rights draft [--json] <file> [--title T --date D --place P --organizer O] [--id ID] [--out DIR] [--force]
                                    register a report in data/sources/ and propose draft records in seeds/<id>/
  rights review <folder> [--accept-all]
                                    accept, retitle or drop a folder's draft records (marks them reviewed)
  rights import <file.csv|.json|.yaml> --map <mapping.yaml> [--out <file>]
                                    bulk recommendations as drafts (docs/records.md)
  rights reload                     ask the running bot (npm start) to reload seeds/ now
  rights digest [--date YYYY-MM-DD] [--themes a,b] [--lang en|es|fr] [--json]
                                    preview the daily digest a channel would get that day
  rights digest --send              post the digest to every configured target now
Query grammar: [kind] words… [theme:x] [year:2006] [by:gfmd] [for:local-governments]`;

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export async function runCli(argv: string[], io: Io, root = projectRoot(), env: Record<string, string | undefined> = process.env): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  // Options are taken out of `rest` by the command that knows them.
  const printJson = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  try {
    switch (command) {
      case 'ask': {
        const page = takePage(rest);
        const { engine } = await openEngine({ root });
        const answer = engine.ask(rest.join(' '), page);
        if (!json) {
          io.out(renderAskText(answer, page));
          return answer.type === 'help' ? 2 : 0;
        }
        const out = answerToJson(answer, USAGE);
        printJson(out);
        return 'error' in out ? 2 : 0;
      }
      case 'show': {
        if (rest.length !== 1) throw new UsageError('show takes exactly one record id');
        const answer = (await openEngine({ root })).engine.show(rest[0] ?? '');
        if (json) printJson(answerToJson(answer, USAGE));
        else io.out(renderText(answer));
        return answer.type === 'record' ? 0 : 2;
      }
      case 'list': {
        const kind = rest[0] ? kindFromWord(rest[0]) : undefined;
        if (rest.length > 1 || (rest[0] && !kind)) throw new UsageError(`list takes one kind: ${KINDS.join(', ')}`);
        const { engine } = await openEngine({ root });
        const records = engine.list(kind as Kind | undefined);
        if (json) {
          printJson({ kind: kind ?? null, total: records.length, results: records.map((r) => itemToJson(presentFor(engine, r.id))) });
        } else {
          io.out(records.map((r) => `${r.id.padEnd(52)} ${r.title}`).join('\n'));
          io.out(translator('en', MESSAGES)(`count.${kind ?? 'all'}`, { n: records.length }));
        }
        return 0;
      }
      case 'themes': {
        const answer = (await openEngine({ root })).engine.themes();
        if (json && answer.type === 'themes') printJson(answer.themes);
        else io.out(renderText(answer));
        return 0;
      }
      case 'check': {
        const { loadKnowledgeBase } = await import('../../src/records/load.js');
        const kb = loadKnowledgeBase({ root });
        const t = translator('en', MESSAGES);
        const counts = KINDS.map((k) => t(`count.${k}`, { n: kb.records.filter((r) => r.kind === k).length })).join(', ');
        const drafts = kb.drafts?.length ? `, ${kb.drafts.length} draft${kb.drafts.length === 1 ? '' : 's'} awaiting review (not shown in answers)` : '';
        io.out(`seeds OK: ${t('count.all', { n: kb.records.length })} (${counts}), ${kb.taxonomy.themes.length} themes${drafts}`);
        // The glossary's reach over the records' own words (language/glossary/), per language.
        const { glossaryCoverage, COVERAGE_TARGET } = await import('../../src/qa/coverage.js');
        const { prepare, compileLanguage } = await import('../../src/qa/grammar.js');
        const c = glossaryCoverage(kb.records, prepare(compileLanguage()));
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
        io.out(`glossary: ${c.words} record words; es ${pct(c.es)}, fr ${pct(c.fr)} with equivalents (target ${pct(COVERAGE_TARGET)})`);
        for (const lang of ['es', 'fr'] as const) {
          if (c[lang] < COVERAGE_TARGET) io.out(`  ${lang} lacks, most used first: ${c.missing[lang].join(', ')} (add them to language/glossary/${lang}.yaml)`);
        }
        return 0;
      }
      case 'digest': {
        const date = takeOption(rest, '--date') ?? new Date().toISOString().slice(0, 10);
        const themesOption = takeOption(rest, '--themes');
        const lang = takeOption(rest, '--lang') ?? 'en';
        if (rest.includes('--send')) return await sendDigests(root, env, io);
        if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
        if (!isDate(date)) throw new UsageError(`--date expects a date like 2026-12-18, got "${date}"`);
        if (!isLang(lang)) throw new UsageError(`--lang expects en, es or fr, got "${lang}"`);
        const { engine } = await openEngine({ root });
        const themes: string[] = [];
        for (const value of (themesOption ?? '').split(',').map((v) => v.trim()).filter(Boolean)) {
          const theme = resolveVocabulary(value, engine.kb.taxonomy.themes);
          if (!theme) throw new UsageError(`unknown theme "${value}" (see rights themes)`);
          themes.push(theme.id);
        }
        const { digest } = buildDigest(engine, { date, themes, lang });
        if (json) printJson(digestToJson(digest));
        else io.out(renderDigestText(digest));
        return 0;
      }
      case 'import':
        return (await import('../import/import.js')).runImport(rest, io, root);
      case 'draft':
        return await (await import('../authoring/draft.js')).runDraft(rest, { json, io, root });
      case 'review':
        return await (await import('../authoring/review.js')).runReview(rest, { io, root });
      case 'build-index': {
        const { loadKnowledgeBase } = await import('../../src/records/load.js');
        const kb = loadKnowledgeBase({ root });
        const path = join(root, 'data', 'index.json');
        writeIndex(path, kb, buildIndex(kb));
        // The question grammar and glossary, compiled so that start-up reads JSON, not YAML.
        const { writeCompiledLanguage } = await import('../../src/qa/grammar.js');
        writeCompiledLanguage(root);
        io.out(`index built: ${kb.records.length} records → data/index.json; language/ → data/language.json`);
        return 0;
      }
      case 'reload': {
        // The running bot watches data/reload.request; it logs the outcome (records, or file:line problems).
        const { requestReload } = await import('../reload.js');
        requestReload(root);
        io.out('reload requested: the running bot rebuilds in the background and logs the outcome (check with rights check)');
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      if (json) printJson({ error: error.message, usage: USAGE });
      else io.err(`rights: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      if (json) printJson({ error: error.message, usage: USAGE });
      else io.err(error.message);
      return 1;
    }
    if (error instanceof RecordsError) {
      if (json) printJson({ error: 'invalid records', problems: error.message.split('\n') });
      else io.err(`[records] ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in seeds/:\n${error.message}`);
      return 1;
    }
    throw error;
  }
}

/** `rights digest --send`: posts to every configured target now (once per local day, as the scheduler). */
async function sendDigests(root: string, env: Record<string, string | undefined>, io: Io): Promise<number> {
  // The environment schema (zod) is loaded only by the command that reads the configuration.
  const { readConfig } = await import('../config.js');
  const config = readConfig(env);
  if (!config.slack && !config.discord) {
    io.err('rights: digest --send needs Slack or Discord credentials (see README → Configuration)');
    return 2;
  }
  const { engine } = await openEngine({ root });
  // The chat SDKs are heavy: load them only when posting, so every other command starts fast.
  const { createBot } = await import('../bot.js');
  const { openStore } = await import('../store/open.js');
  // The same store and claims as the running bot: a channel the bot already posted to today is skipped.
  const store = await openStore({ databaseUrl: config.databaseUrl, stateDir: config.stateDir, root });
  const { digest } = createBot(engine, config, store);
  let results: Awaited<ReturnType<typeof digest.sendAll>>;
  try {
    await digest.load();
    results = await digest.sendAll();
  } finally {
    await store.close();
  }
  if (results.length === 0) io.out('No digest targets: turn one on from chat (digest on) or declare them in RIGHTS_CONFIG.');
  for (const { target, outcome } of results) io.out(`${target}: ${outcome}`);
  return results.some((r) => r.outcome === 'failed') ? 1 : 0;
}

/** Removes `--name value` from args and returns the value. */
function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  if (args.includes(name)) throw new UsageError(`${name} given twice`);
  return value;
}

const MAX_LIMIT = 100;

/** Removes `--offset N` and `--limit N` (or `--offset=N`) from the words of `ask`, validated. */
function takePage(args: string[]): PageOptions {
  args.splice(0, args.length, ...args.flatMap((a) => (/^--(offset|limit)=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a])));
  const offset = takeOption(args, '--offset');
  const limit = takeOption(args, '--limit');
  const page: PageOptions = {};
  if (offset !== undefined) {
    if (!/^\d+$/.test(offset)) throw new UsageError(`--offset expects a whole number of results to skip (0 or more), got "${offset}"`);
    page.offset = Number(offset);
  }
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) throw new UsageError(`--limit expects a whole number from 1 to ${MAX_LIMIT}, got "${limit}"`);
    page.limit = Number(limit);
  }
  return page;
}

/**
 * An answer to `rights ask` as text. renderText ends a page with the chat's hints ("more", "show <id>");
 * the command line has no `more`, so its hint gives the command for the next page instead.
 */
function renderAskText(answer: Answer, page: PageOptions): string {
  const text = renderText(answer);
  if (answer.type !== 'results') return text;
  const t = translator(answer.lang, MESSAGES);
  const next = answer.offset + answer.items.length;
  if (answer.items.length === 0) return t('results.pastEnd', { total: answer.total, from: answer.offset + 1 });
  const more = next < answer.total;
  const chatHint = t(more ? 'results.more' : 'results.details');
  const command = ['rights ask', `--offset ${next}`, ...(page.limit !== undefined ? [`--limit ${page.limit}`] : []), shellQuote(answer.query.text)].join(' ');
  const cliHint = more ? t('results.moreCli', { command }) : t('results.detailsCli');
  return text.endsWith(chatHint) ? text.slice(0, -chatHint.length) + cliHint : text;
}

/** Quotes a query so that it can be pasted into a POSIX shell as one argument. */
function shellQuote(text: string): string {
  return /[$`\\"!]/.test(text) ? `'${text.replace(/'/g, `'\\''`)}'` : `"${text}"`;
}

function presentFor(engine: Engine, id: string) {
  const answer = engine.show(id);
  if (answer.type !== 'record') throw new Error(`record ${id} vanished`);
  return answer.item;
}

