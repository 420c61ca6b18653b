// The built reload path (npm test builds first): validation and indexing run in a worker thread, so the bot
// keeps answering during a rebuild of the real knowledge base; problems still come back file:line.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const RECORD = `- id: extra-meeting
  kind: session
  title: Extra meeting added while the bot runs
  text: A meeting added to the seeds while the bot was running.
  themes: [governance-cooperation]
  date: "2026-11-29"
  source: { document: unitar-2006, section: Report }
`;

describe('reload in a worker thread', () => {
  it('rebuilds the real knowledge base without blocking the event loop, then swaps', async () => {
    const { LiveEngine } = (await import(join(ROOT, 'dist', 'src', 'live.js'))) as typeof import('../../src/live.js');
    const { openEngine } = (await import(join(ROOT, 'dist', 'src', 'open.js'))) as typeof import('../../src/open.js');
    const root = mkdtempSync(join(tmpdir(), 'rights-reload-'));
    cpSync(join(ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
    cpSync(join(ROOT, 'data', 'sources'), join(root, 'data', 'sources'), { recursive: true });
    const { engine } = await openEngine({ root });
    const live = new LiveEngine(engine, { root });
    writeFileSync(join(root, 'seeds', 'extra.yaml'), RECORD);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const result = await live.reload();
    clearInterval(timer);
    expect(result).toEqual({ ok: true, records: 232 });
    expect(live.current().kb.byId.has('extra-meeting')).toBe(true);
    expect(ticks).toBeGreaterThan(10); // the loop kept turning while seconds of indexing ran elsewhere
    writeFileSync(join(root, 'seeds', 'extra.yaml'), '- id: bad\n  kind: nonsense\n');
    const bad = await live.reload();
    expect(bad).toMatchObject({ ok: false, problems: expect.stringMatching(/^seeds\/extra\.yaml:2: .*kind: must be one of/) });
    expect(live.current().kb.byId.has('extra-meeting')).toBe(true);
  }, 60_000);
});
