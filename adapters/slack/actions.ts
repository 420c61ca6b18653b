// Button clicks (block_actions): Share in channel, More results, Details. Each click carries its query or
// record id in the button value and is answered from scratch. https://docs.slack.dev/interactivity/handling-user-interaction
import type { App, BlockAction, ButtonAction, RespondFn, SlackActionMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';
import type { ChatRequest } from '../types.js';
import { workspaceId } from './installations.js';
import { renderNotice } from './render.js';
import { answerRequest, describeError, requestContext, respondSafely, slackErrorCode, type SlackDeps } from './reply.js';
import { ACTION, decodeQueryValue, decodeRecordId, DETAILS_ACTION } from './values.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Errors meaning the bot is not a member of the channel it was asked to post in. */
const NOT_IN_CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.share, (args) => share(args, deps));
  app.action<BlockAction<ButtonAction>>(ACTION.more, (args) => more(args, deps));
  app.action<BlockAction<ButtonAction>>(DETAILS_ACTION, (args) => details(args, deps));
}

/** Posts the same answer in the channel for everyone, saying who shared it, and removes the private copy. */
async function share({ ack, body, action, client, respond, context }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = decodeQueryValue(action.value);
  const request = clickRequest(body, context, value?.query ?? '', value?.offset);
  if (!value || !request.channel) return expired(deps, respond, request);

  const answer = await answerRequest(deps, client, request, { buttons: 'none', sharedBy: request.user });
  if (answer.failed) return respondSafely(deps, respond, { response_type: 'ephemeral', replace_original: false, ...answer.message }, { client, request, lang: answer.lang });
  try {
    await client.chat.postMessage({ channel: request.channel, ...answer.message, unfurl_links: false, unfurl_media: false });
  } catch (error) {
    deps.logger.error('sharing in the channel failed', { ...requestContext(request), ...describeError(error) });
    const code = slackErrorCode(error);
    const sorry = renderNotice(answer.lang, code !== undefined && NOT_IN_CHANNEL.has(code) ? 'slack.shareFailed' : 'error.sorry');
    return respondSafely(deps, respond, { response_type: 'ephemeral', replace_original: false, ...sorry }, { client, request, lang: answer.lang });
  }
  try {
    await respond({ delete_original: true });
  } catch (error) {
    // The answer is already in the channel; a leftover private copy is harmless.
    deps.logger.warn('could not remove the private copy after sharing', { ...requestContext(request), ...describeError(error) });
  }
}

/** The next page, privately to whoever clicked. */
async function more({ ack, body, action, client, respond, context }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const value = decodeQueryValue(action.value);
  const request = clickRequest(body, context, value?.query ?? '', value?.offset);
  if (!value) return expired(deps, respond, request);
  const answer = await answerRequest(deps, client, request, { buttons: 'private' });
  await respondSafely(deps, respond, { response_type: 'ephemeral', replace_original: false, ...answer.message }, { client, request, lang: answer.lang });
}

/** The full record, privately to whoever clicked. */
async function details({ ack, body, action, client, respond, context }: ButtonArgs, deps: SlackDeps): Promise<void> {
  await ack();
  const id = decodeRecordId(action.value);
  const request = clickRequest(body, context, id ? `show ${id}` : '');
  if (!id) return expired(deps, respond, request);
  const answer = await answerRequest(deps, client, request, { buttons: 'private' });
  await respondSafely(deps, respond, { response_type: 'ephemeral', replace_original: false, ...answer.message }, { client, request, lang: answer.lang });
}

function clickRequest(body: BlockAction, context: ButtonArgs['context'], text: string, offset?: number): ChatRequest {
  return {
    text,
    platform: 'slack',
    user: body.user.id,
    userName: body.user.username ?? body.user.name,
    channel: body.channel?.id ?? body.container?.channel_id ?? '',
    team: workspaceId(context),
    ...(offset ? { offset } : {}),
  };
}

/** A button whose value we cannot read (an old message, or a forged click). */
async function expired(deps: SlackDeps, respond: RespondFn, request: ChatRequest): Promise<void> {
  deps.logger.warn('unreadable button value', requestContext(request));
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, ...renderNotice('en', 'slack.expired') });
  } catch (error) {
    deps.logger.error('response_url refused the notice', { ...requestContext(request), ...describeError(error) });
  }
}
