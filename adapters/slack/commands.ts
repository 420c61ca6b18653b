// The `/rights …` slash command: acknowledged at once (Slack allows 3 seconds), then answered privately
// through response_url with Share / More / Details buttons. https://docs.slack.dev/interactivity/implementing-slash-commands
import type { App } from '@slack/bolt';
import type { ChatRequest } from '../types.js';
import { plainFromSlack } from './escape.js';
import { workspaceId } from './installations.js';
import { answerRequest, respondSafely, type SlackDeps } from './reply.js';

/** The command as declared in manifest.yaml. */
export const RIGHTS_COMMAND = {
  command: '/rights',
  description: 'Sourced answers on the human rights of migrants',
  usageHint: 'recommendations firewalls · treaties consular · help',
} as const;

export function registerRightsCommand(app: App, deps: SlackDeps): void {
  app.command(RIGHTS_COMMAND.command, async ({ command, ack, respond, client, context }) => {
    await ack();
    const request: ChatRequest = {
      text: plainFromSlack(command.text ?? ''),
      platform: 'slack',
      user: command.user_id,
      userName: command.user_name,
      channel: command.channel_id,
      team: workspaceId(context),
    };
    const answer = await answerRequest(deps, client, request, { buttons: 'private' });
    await respondSafely(
      deps,
      respond,
      { response_type: answer.public ? 'in_channel' : 'ephemeral', ...answer.message },
      { client, request, lang: answer.lang },
    );
  });
}
