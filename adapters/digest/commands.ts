// Chat commands for the digest: `digest` (preview), `digest on [HH:MM] [Zone]`, `digest off`,
// `digest themes a,b`, `digest lang es`, `digest status`. Wraps the query handler of an adapter.
import { fold } from '../../src/search/text.js';
import { resolveVocabulary } from '../../src/search/filters.js';
import { isLang, langFromLocale, type Lang } from '../../src/i18n/catalog.js';
import type { ChatRequest, Reply, RequestHandler } from '../types.js';
import type { DigestService } from './service.js';
import type { TargetState } from './state.js';
import { isTimeZone } from './targets.js';

const DIGEST_WORDS = new Set(['digest', 'resumen', 'resume']);

export function withDigestCommands(handle: RequestHandler, service: DigestService): RequestHandler {
  return async (request) => {
    const words = request.text.trim().split(/\s+/).filter(Boolean);
    if (!DIGEST_WORDS.has(fold(words[0] ?? '')) || request.platform === 'console') return handle(request);
    return digestCommand(words.slice(1), request, service);
  };
}

/**
 * Who may change a channel's digest. Discord: members who can manage the channel. Slack: the member who
 * turned it on, the channel's creator, and workspace admins or owners (users.info, conversations.info);
 * anyone in the channel may turn on a digest nobody has turned on.
 */
function mayChange(request: ChatRequest, target: TargetState | undefined): 'yes' | 'forbidden' | 'forbiddenSlack' {
  if (request.canManageChannel === false) return 'forbidden';
  const role = request.slackRole;
  if (request.platform !== 'slack' || !role) return 'yes';
  if (role.admin || role.channelCreator) return 'yes';
  if (!target?.enabled && !target?.enabledBy) return 'yes';
  return target.enabledBy === request.user ? 'yes' : 'forbiddenSlack';
}

async function digestCommand(args: string[], request: ChatRequest, service: DigestService): Promise<Reply> {
  const lang: Lang = langFromLocale(request.locale) ?? (service.status(platformOf(request), request.channel)?.lang as Lang | undefined) ?? 'en';
  const notice = (key: string, params: Record<string, string | number> = {}, isPublic = false): Reply => ({ type: 'notice', lang, key, params, public: isPublic, request });
  const platform = platformOf(request);
  const sub = fold(args[0] ?? '');
  const who = request.userName ?? request.user;

  if (sub === '' || sub === 'preview') return { type: 'digest', digest: service.preview(platform, request.channel, lang), request };
  if (sub === 'status') {
    const t = service.status(platform, request.channel);
    if (!t?.enabled) return notice('digest.status.off');
    return notice('digest.status.on', { time: t.time, timezone: t.timezone, themes: t.themes.join(', ') || '—', lang: t.lang, last: t.lastSent ?? '—' });
  }
  if (!['on', 'off', 'themes', 'theme', 'lang'].includes(sub)) return notice('digest.usage');
  const allowed = mayChange(request, service.status(platform, request.channel));
  if (allowed !== 'yes') return notice(`digest.${allowed}`);
  if (service.status(platform, request.channel)?.origin === 'config') return notice('digest.pinned');
  const by = { name: who, id: request.user };
  // Slack's workspace goes with every change: OAuth mode posts with its token and drops it on uninstall.
  const team = request.team !== undefined ? { team: request.team } : {};

  switch (sub) {
    case 'on': {
      let time = '09:00';
      let timezone = 'UTC';
      for (const arg of args.slice(1)) {
        if (/^\d{1,2}:\d{2}$/.test(arg)) {
          const [h, m] = arg.split(':').map(Number);
          if ((h ?? 99) > 23 || (m ?? 99) > 59) return notice('digest.badTime', { value: arg });
          time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        } else if (isTimeZone(arg)) timezone = arg;
        else return notice('digest.badArg', { value: arg });
      }
      await service.update(platform, request.channel, { enabled: true, time, timezone, ...team }, by);
      return notice('digest.confirm.on', { user: who, time, timezone }, true);
    }
    case 'off':
      await service.update(platform, request.channel, { enabled: false, ...team }, by);
      return notice('digest.confirm.off', { user: who }, true);
    case 'theme':
    case 'themes': {
      const values = args.slice(1).join(' ').split(',').map((v) => v.trim()).filter(Boolean);
      const clear = values.length === 0 || ['none', 'all', 'clear'].includes(fold(values[0] ?? ''));
      const themes: string[] = [];
      if (!clear) {
        for (const value of values) {
          const theme = resolveVocabulary(value, service.themes());
          if (!theme) return notice('digest.badTheme', { value });
          themes.push(theme.id);
        }
      }
      await service.update(platform, request.channel, { themes, ...team }, by);
      return notice(clear ? 'digest.confirm.themesCleared' : 'digest.confirm.themes', { user: who, themes: themes.join(', ') }, true);
    }
    default: {
      const value = fold(args[1] ?? '');
      if (!isLang(value)) return notice('digest.badLang', { value: args[1] ?? '' });
      await service.update(platform, request.channel, { lang: value, ...team }, by);
      return notice('digest.confirm.lang', { user: who, lang: value }, true);
    }
  }
}

function platformOf(request: ChatRequest): 'slack' | 'discord' {
  return request.platform === 'discord' ? 'discord' : 'slack';
}
