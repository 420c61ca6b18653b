import { it } from 'vitest';
import { realEngine } from '../helpers.js';
import { renderAnswer } from '../../adapters/slack/render.js';
import { allText } from './messages.js';
it('show', () => {
  const e = realEngine();
  for (const q of ['<!channel> treaties', 'help', 'show gfmd-2017-firewalls-public-services', 'treaties consular', 'speakers', 'xyzzy foo']) {
    const m = renderAnswer(e.ask(q), { buttons: 'private' });
    console.log('=== ' + q + '\nFALLBACK: ' + m.text + '\n' + allText(m.blocks));
  }
});
