// Every catalog has the same keys in English, Spanish and French, so no language falls back silently.
import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGES } from '../../adapters/discord/messages.js';
import { SLACK_MESSAGES } from '../../adapters/slack/messages.js';
import type { Catalogs } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';

describe('message catalogs', () => {
  const catalogs: [string, Catalogs][] = [
    ['core', MESSAGES],
    ['slack', SLACK_MESSAGES],
    ['discord', DISCORD_MESSAGES],
  ];

  for (const [name, catalog] of catalogs) {
    it(`${name}: es and fr have exactly the English keys`, () => {
      const english = Object.keys(catalog.en).sort();
      expect(Object.keys(catalog.es).sort()).toEqual(english);
      expect(Object.keys(catalog.fr).sort()).toEqual(english);
    });
  }

  it('core: has the direct answer labels with their placeholder in every language', () => {
    for (const lang of ['en', 'es', 'fr'] as const) {
      expect(MESSAGES[lang]['direct.source']).toContain('{source}');
      expect(MESSAGES[lang]['direct.checked']).toContain('{source}');
    }
  });
});
