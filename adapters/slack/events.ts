// Events API listeners: `app_mention` answers in a thread under the message, `message.im` answers in the DM.
// Bots, edits and other message subtypes are ignored. https://docs.slack.dev/reference/events/app_mention
import type { App } from '@slack/bolt';
import type { ChatRequest } from '../types.js';
import { plainFromSlack, stripLeadingMention } from './escape.js';
import { workspaceId } from './installations.js';
import { answerRequest, postSafely, type SlackDeps } from './reply.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id !== undefined || event.subtype !== undefined) return;
    // A mention inside a DM also arrives as message.im, which answers it.
    if (event.channel.startsWith('D')) return;
    const request: ChatRequest = {
      text: plainFromSlack(stripLeadingMention(event.text), { botUserId: context.botUserId }),
      platform: 'slack',
      user: event.user ?? '',
      channel: event.channel,
      team: workspaceId(context),
    };
    const answer = await answerRequest(deps, client, request, { buttons: 'public' });
    await postSafely(deps, client, { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...answer.message }, request, answer.lang);
  });

  app.message(async ({ message, client, context }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
    const request: ChatRequest = {
      text: plainFromSlack(message.text ?? '', { botUserId: context.botUserId }),
      platform: 'slack',
      user: message.user,
      channel: message.channel,
      team: workspaceId(context),
    };
    const answer = await answerRequest(deps, client, request, { buttons: 'public' });
    await postSafely(deps, client, { channel: message.channel, thread_ts: message.thread_ts, ...answer.message }, request, answer.lang);
  });
}
