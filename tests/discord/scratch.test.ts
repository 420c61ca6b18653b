import { it } from 'vitest';
import { realEngine, MINI } from '../helpers.js';
import { openEngine } from '../../src/open.js';
it('x', () => {
  try { const e = realEngine(); console.log('REAL', e.kb.records.length, e.kb.taxonomy.themes.length); console.log(JSON.stringify(e.ask('recommendations firewalls'), null, 1).slice(0,3000)); } catch (err) { console.log('fail', (err as Error).message.slice(0,300)); }
  const m = openEngine({ root: MINI, save: false }).engine;
  console.log(JSON.stringify(m.ask('recommendations firewalls'), null, 1).slice(0, 3000));
});
