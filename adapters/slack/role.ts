// Who asks to change a channel's digest, as Slack tells it: a workspace admin or owner (users.info) and the
// channel's creator (conversations.info). Asked only for digest commands that change settings, so ordinary
// queries cost no extra API call. The decision itself is the digest commands'.
// https://docs.slack.dev/reference/methods/users.info · https://docs.slack.dev/reference/methods/conversations.info
import type { webApi } from '@slack/bolt';
import { fold } from '../../src/search/text.js';
import type { ChatRequest } from '../types.js';

type WebClient = webApi.WebClient;
export type SlackRole = NonNullable<ChatRequest['slackRole']>;

/** The digest's words in each language (folded: "Résumé" → "resume"), and its sub-commands that change settings. */
const DIGEST_WORDS = new Set(['digest', 'resumen', 'resume']);
const CHANGING = new Set(['on', 'off', 'theme', 'themes', 'lang']);

/** Without an answer by then, the user counts as a member: Slack's 3-second clock is not running, but the asker is waiting. */
export const ROLE_TIMEOUT_MS = 2500;

/** Whether a request's text is a digest command that changes the channel's settings ("digest off", "Résumé ON"). */
export function changesDigest(text: string): boolean {
  const [word = '', sub = ''] = text.trim().split(/\s+/);
  return DIGEST_WORDS.has(fold(word)) && CHANGING.has(fold(sub));
}

/** The user's role on Slack; rejects when a call fails or does not answer within `timeoutMs`. */
export async function askSlackRole(client: WebClient, request: ChatRequest, timeoutMs: number): Promise<SlackRole> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Slack did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const [{ user }, { channel }] = await Promise.race([
      Promise.all([client.users.info({ user: request.user }), client.conversations.info({ channel: request.channel })]),
      late,
    ]);
    return {
      admin: user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true,
      channelCreator: channel?.creator !== undefined && channel.creator === request.user,
    };
  } finally {
    clearTimeout(timer);
  }
}
