// Digest content on the real records: anniversaries, rotation, "new", JSON shape.
import { describe, expect, it } from 'vitest';
import { buildDigest, fingerprints, nextRecommendation, rotationOrder } from '../../src/digest/content.js';
import { digestToJson } from '../../src/json.js';
import { realEngine } from '../helpers.js';

describe('digest content', () => {
  const engine = realEngine();

  it('18 December marks the Migrant Workers Convention and International Migrants Day', () => {
    const { digest } = buildDigest(engine, { date: '2026-12-18' });
    const entries = digest.onThisDay.map((d) => [d.item.record.id, d.reason, d.years]);
    expect(entries).toContainEqual(['icrmw', 'adopted', 36]);
    expect(entries).toContainEqual(['international-migrants-day', 'observance', undefined]);
  });

  it('marks entry into force and sessions by their date', () => {
    const july = buildDigest(engine, { date: '2027-07-01' }).digest.onThisDay.map((d) => [d.item.record.id, d.reason, d.years]);
    expect(july).toContainEqual(['icrmw', 'in_force', 24]);
    const sept = buildDigest(engine, { date: '2027-09-06' }).digest.onThisDay.map((d) => [d.item.record.id, d.reason, d.years]);
    expect(sept).toContainEqual(['gfmd-2017-working-session', 'session', 10]);
  });

  it('marks a session whose year is unknown without inventing years', () => {
    const nov = buildDigest(engine, { date: '2026-11-16' }).digest.onThisDay;
    const uclg = nov.find((d) => d.item.record.id === 'uclg-breakout-session');
    expect(uclg).toMatchObject({ reason: 'session', years: undefined });
  });

  it('has nothing on a day without anniversaries, and still a recommendation', () => {
    const { digest } = buildDigest(engine, { date: '2026-02-11' });
    expect(digest.onThisDay).toEqual([]);
    expect(digest.recommendation?.record.kind).toBe('recommendation');
  });

  it('is deterministic for a date and settings', () => {
    const a = digestToJson(buildDigest(engine, { date: '2026-03-21', themes: ['children'] }).digest);
    const b = digestToJson(buildDigest(engine, { date: '2026-03-21', themes: ['children'] }).digest);
    expect(a).toEqual(b);
  });

  it.each([[[] as string[]], [['children', 'detention']]])('rotates through every recommendation without repeats (themes %j)', (themes) => {
    const order = rotationOrder(engine.kb.records, themes);
    const eligible = engine.kb.records.filter((r) => r.kind === 'recommendation' && (themes.length === 0 || r.themes.some((t) => themes.includes(t))));
    expect(order).toHaveLength(eligible.length);
    let rotation = { shown: [] as string[] };
    const seen: string[] = [];
    for (let day = 0; day < order.length; day++) {
      const { digest, rotation: next } = buildDigest(engine, { date: '2026-01-01', themes, rotation });
      seen.push(digest.recommendation?.record.id ?? '');
      rotation = next;
    }
    expect(new Set(seen).size).toBe(order.length);
    // The next cycle starts again from the same, stable order.
    expect(nextRecommendation(order, rotation).id).toBe(order[0]);
    for (const id of seen) expect(eligible.find((r) => r.id === id)?.themes.some((t) => themes.length === 0 || themes.includes(t))).toBe(true);
  });

  it('lists records added or changed since the previous digest', () => {
    const previous = fingerprints(engine.kb.records);
    delete previous['vccr'];
    previous['crc'] = 'changed';
    const { digest } = buildDigest(engine, { date: '2026-05-05', previousFingerprints: previous });
    expect(digest.newRecords.map((i) => i.record.id).sort()).toEqual(['crc', 'vccr']);
    expect(buildDigest(engine, { date: '2026-05-05', previousFingerprints: fingerprints(engine.kb.records) }).digest.newRecords).toEqual([]);
  });

  it('gives JSON in the documented shape', () => {
    const json = digestToJson(buildDigest(engine, { date: '2026-12-18' }).digest) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['date', 'on_this_day', 'recommendation', 'new_records']));
    expect(json.recommendation).toMatchObject({ kind: 'recommendation', source: { document: expect.any(String) } });
  });
});
