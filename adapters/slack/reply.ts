// What every Slack listener shares: ask the injected handler, render, deliver, and when anything fails,
// log it with context and tell the user with a short apology instead of staying silent.
import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import { langFromLocale, type Lang } from '../../src/i18n/catalog.js';
import type { ChatRequest, Logger, RequestHandler } from '../types.js';
import { renderNotice, renderReply, replyLang, type RenderOptions, type SlackMessage } from './render.js';
import { askSlackRole, changesDigest, ROLE_TIMEOUT_MS } from './role.js';

type WebClient = webApi.WebClient;

/** What the listeners need from the adapter. */
export interface SlackDeps {
  handle: RequestHandler;
  logger: Logger;
  /** How long users.info and conversations.info may take on a digest change; ROLE_TIMEOUT_MS otherwise. */
  roleTimeoutMs?: number;
}

/** A rendered reply, or the apology when the handler or the renderer failed. */
export interface Rendered {
  message: SlackMessage;
  lang: Lang;
  /** The reply asks to be seen by the whole channel (e.g. a settings confirmation). */
  public: boolean;
  failed: boolean;
}

export async function answerRequest(deps: SlackDeps, client: WebClient, request: ChatRequest, options: RenderOptions): Promise<Rendered> {
  const fallbackLang = langFromLocale(request.locale) ?? 'en';
  try {
    const reply = await deps.handle(await withRole(deps, client, request));
    const isPublic = reply.type === 'notice' && reply.public === true;
    return { message: renderReply(reply, options), lang: replyLang(reply), public: isPublic, failed: false };
  } catch (error) {
    deps.logger.error('could not answer', { ...requestContext(request), ...describeError(error) });
    return { message: renderNotice(fallbackLang, 'error.sorry'), lang: fallbackLang, public: false, failed: true };
  }
}

/**
 * A digest change carries who asks (`slackRole`) for the digest commands to decide; when Slack cannot tell
 * in time, the user counts as a plain member. Other requests go as they are, with no API call.
 */
async function withRole(deps: SlackDeps, client: WebClient, request: ChatRequest): Promise<ChatRequest> {
  if (!changesDigest(request.text)) return request;
  try {
    return { ...request, slackRole: await askSlackRole(client, request, deps.roleTimeoutMs ?? ROLE_TIMEOUT_MS) };
  } catch (error) {
    deps.logger.warn('could not ask Slack who changes the digest; they count as a member', { ...requestContext(request), ...describeError(error) });
    return { ...request, slackRole: { admin: false, channelCreator: false } };
  }
}

/**
 * Answers through `response_url`; if Slack refuses it, tries a bare apology there, then as an ephemeral
 * message through the Web API. Never throws.
 */
export async function respondSafely(
  deps: SlackDeps,
  respond: RespondFn,
  message: RespondArguments,
  fallback: { client: WebClient; request: ChatRequest; lang: Lang },
): Promise<void> {
  try {
    await respond(message);
    return;
  } catch (error) {
    deps.logger.error('response_url refused the answer', { ...requestContext(fallback.request), ...describeError(error) });
  }
  const sorry = renderNotice(fallback.lang, 'error.sorry');
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, ...sorry });
    return;
  } catch (error) {
    deps.logger.warn('response_url refused the apology', { ...requestContext(fallback.request), ...describeError(error) });
  }
  try {
    await fallback.client.chat.postEphemeral({ channel: fallback.request.channel, user: fallback.request.user, ...sorry });
  } catch (error) {
    deps.logger.error('could not apologize to the user', { ...requestContext(fallback.request), ...describeError(error) });
  }
}

/** Posts a message (thread and DM replies); on failure logs and tries a text-only apology. Never throws. */
export async function postSafely(
  deps: SlackDeps,
  client: WebClient,
  message: SlackMessage & { channel: string; thread_ts?: string },
  request: ChatRequest,
  lang: Lang,
): Promise<void> {
  try {
    await client.chat.postMessage({ ...message, unfurl_links: false, unfurl_media: false });
    return;
  } catch (error) {
    deps.logger.error('chat.postMessage failed', { ...requestContext(request), ...describeError(error) });
  }
  try {
    const sorry = renderNotice(lang, 'error.sorry');
    await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, text: sorry.text });
  } catch (error) {
    deps.logger.error('could not apologize to the user', { ...requestContext(request), ...describeError(error) });
  }
}

/** Who asked what where, for log lines (no tokens, the query cut short). */
export function requestContext(request: ChatRequest): Record<string, unknown> {
  return { user: request.user, channel: request.channel, text: request.text.slice(0, 200), offset: request.offset };
}

/** The useful part of an error: Slack's error code (`not_in_channel`, `ratelimited`…) or HTTP status. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const e = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  return {
    error: e.message,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(e.data?.error !== undefined ? { slackError: e.data.error } : {}),
    ...(e.statusCode !== undefined ? { status: e.statusCode } : {}),
  };
}

/** Slack's error code from a Web API error, if any (`not_in_channel`). */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
