// What every chat adapter shares: the plain request it builds from a platform event, the reply it
// renders, the handler that turns one into the other, the adapter lifecycle and the logger.
import type { Answer } from '../src/answer.js';
import { engineGetter, type EngineSource } from '../src/live.js';
import type { Digest } from '../src/digest/content.js';
import { langFromLocale, type Lang } from '../src/i18n/catalog.js';
import { createLogLine } from './logging.js';

/** A platform event reduced to plain data (user text is data here, never markup). */
export interface ChatRequest {
  /** What the user typed after `/rights` or after the mention, markup already removed. */
  text: string;
  platform: 'slack' | 'discord' | 'console';
  user: string;
  /** A display name for confirmations ("Ana turned on the digest"), never a live mention. */
  userName?: string;
  channel: string;
  /** Slack: the workspace (team id; enterprise id for an org-wide install), recorded on digest subscriptions. */
  team?: string;
  /** The platform's locale for the user, where it gives one (Discord: "es-ES"). */
  locale?: string;
  /** Result offset for "More results". */
  offset?: number;
  /** Whether the user may change channel settings (Discord: Manage Channels). */
  canManageChannel?: boolean;
  /**
   * Slack only, and only on digest commands that change settings (`digest on|off|theme|themes|lang`): whether
   * the user is a workspace admin or owner (users.info) and whether they created the channel
   * (conversations.info). Both false when Slack could not be asked in time.
   */
  slackRole?: { admin: boolean; channelCreator: boolean };
}

/** A reply: a core answer, or a short notice (catalog key + params) such as a settings confirmation. */
export type Reply =
  | { type: 'answer'; answer: Answer; request: ChatRequest }
  | { type: 'notice'; lang: Lang; key: string; params?: Record<string, string | number>; public?: boolean; request: ChatRequest }
  | { type: 'digest'; digest: Digest; request: ChatRequest };

export type RequestHandler = (request: ChatRequest) => Promise<Reply>;

/** The default handler: the query grammar, answered by the engine (a getter is read per request: reloads). */
export function createRequestHandler(engine: EngineSource): RequestHandler {
  const current = engineGetter(engine);
  return async (request) => ({
    type: 'answer',
    answer: current().ask(request.text, { offset: request.offset }, langFromLocale(request.locale) ?? 'en'),
    request,
  });
}

export interface ChatAdapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * The one place loggers are made. One line per event on stderr: `… info [slack] message {"key":"value"}` by
 * default, a JSON object through pino with LOG_FORMAT=json (adapters/logging.ts). `write` takes the lines
 * instead (tests). Secret fields and token-looking values are redacted, in the message and the context.
 */
export function createLogger(prefix: string, write?: (line: string) => void): Logger {
  const line = createLogLine(prefix, write);
  return {
    info: (m, c) => line('info', m, c),
    warn: (m, c) => line('warn', m, c),
    error: (m, c) => line('error', m, c),
  };
}
