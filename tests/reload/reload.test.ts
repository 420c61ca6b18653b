// Reload without restart: the live engine swaps in a rebuilt index, keeps the last good one on invalid
// seeds, runs one reload at a time, and the watcher reloads once per burst of writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject } from '../helpers.js';
import { openBuilt } from '../../src/open.js';
import { loadKnowledgeBase } from '../../src/records/load.js';
import { LiveEngine } from '../../src/live.js';
import type { Engine } from '../../src/engine.js';
import { RELOAD_REQUEST, requestReload, watchForReload } from '../../adapters/reload.js';
import { createRequestHandler } from '../../adapters/types.js';
import { DigestService } from '../../adapters/digest/service.js';
import { FileStore } from '../../adapters/store/files.js';

const record = (id: string, word: string) => `- id: ${id}
  kind: recommendation
  title: Clinics for everyone ${word}
  text: Clinics should treat every patient, whatever their status, ${word}.
  themes: [firewalls]
  by: { speakers: [ada-test] }
  session: doc-a-meeting
  addressed_to: [states]
  source: { document: doc-a, section: Report, paragraph: 1 }
`;

function live(root: string): LiveEngine {
  const options = { root, save: false };
  return new LiveEngine(openBuilt(loadKnowledgeBase(options), options).engine, options);
}

function ids(engine: Engine, text: string): string[] {
  const answer = engine.ask(text);
  return answer.type === 'results' ? answer.items.map((item) => item.record.id) : [];
}

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

describe('LiveEngine', () => {
  it('answers a record added to the seeds after a reload, through a handler made with a getter', async () => {
    const root = makeProject();
    const engine = live(root);
    const handle = createRequestHandler(engine.current);
    expect(ids(engine.current(), 'zanzibar')).not.toContain('doc-a-clinics');
    writeFileSync(join(root, 'seeds', 'extra.yaml'), record('doc-a-clinics', 'zanzibar'));
    const result = await engine.reload();
    expect(result).toEqual({ ok: true, records: engine.current().kb.records.length });
    expect(ids(engine.current(), 'zanzibar')).toContain('doc-a-clinics');
    const reply = await handle({ text: 'zanzibar', platform: 'console', user: 'u', channel: 'c' });
    expect(reply.type === 'answer' && reply.answer.type === 'results' && reply.answer.items[0]?.record.id).toBe('doc-a-clinics');
  });

  it('reports an invalid change with file:line and keeps answering from the previous engine', async () => {
    const root = makeProject();
    const engine = live(root);
    const before = engine.current();
    writeFileSync(join(root, 'seeds', 'extra.yaml'), record('doc-a-clinics', 'zanzibar').replace('kind: recommendation', 'kind: nonsense'));
    const result = await engine.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toMatch(/seeds\/extra\.yaml:\d+/);
    expect(engine.current()).toBe(before);
    expect(ids(engine.current(), 'firewalls schools')).toContain('doc-a-firewalls');
  });

  it('runs one reload at a time; changes during one lead to a single follow-up with the latest files', async () => {
    const root = makeProject();
    let opens = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const options = { root, save: false };
    const engine = new LiveEngine(openBuilt(loadKnowledgeBase(options), options).engine, {
      ...options,
      open: async (o) => {
        opens += 1;
        if (opens === 1) await gate; // the first reload is slow
        return openBuilt(loadKnowledgeBase(o), o).engine;
      },
    });
    const first = engine.reload();
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(join(root, 'seeds', 'extra.yaml'), record('doc-a-clinics', 'zanzibar'));
    const second = engine.reload();
    writeFileSync(join(root, 'seeds', 'extra.yaml'), record('doc-a-clinics-two', 'timbuktu'));
    const third = engine.reload();
    expect(third).toBe(second);
    release();
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    expect(opens).toBe(2);
    expect(ids(engine.current(), 'timbuktu')).toContain('doc-a-clinics-two');
    expect(ids(engine.current(), 'zanzibar')).not.toContain('doc-a-clinics');
  });

  it('lists a reloaded record as new in the digest (the service reads the current engine)', async () => {
    const root = makeProject();
    const engine = live(root);
    const service = new DigestService({ engine: engine.current, store: new FileStore(join(root, 'state')), posters: [], logger: { info() {}, warn() {}, error() {} }, timers: false });
    await service.update('slack', 'C1', { enabled: true }, { name: 'Ana' }); // fingerprints of the engine now
    expect(service.preview('slack', 'C1').newRecords).toEqual([]);
    writeFileSync(join(root, 'seeds', 'extra.yaml'), record('doc-a-clinics', 'zanzibar'));
    expect((await engine.reload()).ok).toBe(true);
    expect(service.preview('slack', 'C1').newRecords.map((item) => item.record.id)).toContain('doc-a-clinics');
  });
});

describe('watchForReload', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reloads once for a burst of writes, after the debounce', async () => {
    const root = makeProject();
    let calls = 0;
    const watcher = watchForReload({ root, debounceMs: 150, onChange: () => (calls += 1) });
    closers.push(() => watcher.close());
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(root, 'seeds', 'extra.yaml'), record(`doc-a-r${i}`, 'zanzibar'));
      await wait(20);
    }
    expect(calls).toBe(0);
    await wait(600);
    expect(calls).toBe(1);
  });

  it('sees `rights reload` (data/reload.request) and changed sources', async () => {
    const root = makeProject();
    let calls = 0;
    const watcher = watchForReload({ root, debounceMs: 50, onChange: () => (calls += 1) });
    closers.push(() => watcher.close());
    expect(requestReload(root)).toBe(join(root, 'data', RELOAD_REQUEST));
    await wait(400);
    expect(calls).toBe(1);
    writeFileSync(join(root, 'data', 'sources', 'doc-a.txt'), '---\nid: doc-a\ntitle: "Test meeting report"\n---\n1. Changed.\n');
    await wait(400);
    expect(calls).toBe(2);
  });
});
