// Slack for any workspace (OAuth): Bolt serves /slack/install (an "Add to Slack" page) and /slack/oauth_redirect
// (its installer, with the state cookie), keeps each installation sealed in the store, and answers each request
// with its own workspace's token. Uninstalling forgets the workspace: its installation and digest subscriptions.
// https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth · https://docs.slack.dev/reference/events/app_uninstalled
import type { App, AppOptions } from '@slack/bolt';
import type { Store } from '../store/port.js';
import type { Logger } from '../types.js';
import { createInstallationStore, NotInstalledError, workspaceId, type SealedInstallationStore } from './installations.js';
import { REDIRECT_PATH, type SlackOAuthConfig } from './oauth-config.js';
import { describeError } from './reply.js';
import { createSealer } from './sealed.js';

/** The bot scopes an install asks for: those of manifest.yaml (a test keeps the two equal). */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read', 'channels:read', 'groups:read'];
export const INSTALL_PATH = '/slack/install';

export interface SlackOAuth {
  installations: SealedInstallationStore;
  /** What the Bolt App needs for OAuth mode (beside signingSecret, logger and clientOptions). */
  appOptions: AppOptions;
  /** The bot token of a workspace (a digest subscription's `team`); NotInstalledError when it has none. */
  botToken(team: string | undefined): Promise<string>;
}

export function createSlackOAuth(config: SlackOAuthConfig, store: Store, logger: Logger): SlackOAuth {
  const { oauth } = config;
  const sealer = createSealer(oauth.encryptionKey, oauth.previousEncryptionKey ? [oauth.previousEncryptionKey] : []);
  const installations = createInstallationStore(store, sealer, logger);
  const authorizationUrl = authorizeUrlFor(config.apiUrl);
  return {
    installations,
    appOptions: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: BOT_SCOPES,
      installationStore: installations,
      ...(oauth.redirectUri !== undefined ? { redirectUri: oauth.redirectUri } : {}),
      installerOptions: {
        installPath: INSTALL_PATH,
        redirectUriPath: REDIRECT_PATH,
        // The "Add to Slack" page sets the state cookie; the redirect checks it against `state` (CSRF).
        directInstall: false,
        stateVerification: true,
        ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
      },
    },
    async botToken(team) {
      if (team === undefined) throw new NotInstalledError('[slack] this subscription names no workspace: turn the digest on again from the channel');
      const token = (await installations.fetchById(team)).bot?.token;
      if (!token) throw new NotInstalledError(`[slack] the installation of workspace ${team} holds no bot token`);
      return token;
    },
  };
}

/**
 * Slack's authorize page sits beside its Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize,
 * and likewise for GovSlack (slack-gov.com) or a stand-in. Bolt's default when SLACK_API_URL is unset or does
 * not end with /api/.
 */
export function authorizeUrlFor(apiUrl: string | undefined): string | undefined {
  if (apiUrl === undefined || !new URL(apiUrl).pathname.endsWith('/api/')) return undefined;
  return new URL('../oauth/v2/authorize', apiUrl).toString();
}

/**
 * `app_uninstalled`, and `tokens_revoked` for the bot token, forget the workspace: its installation and the digest
 * subscriptions recorded with it. Bolt delivers both events without authorizing them (the token is gone).
 */
export function registerUninstall(app: App, deps: { installations: SealedInstallationStore; store: Store; logger: Logger }): void {
  const forget = async (id: string | undefined, reason: string): Promise<void> => {
    if (!id) return;
    await deps.installations.deleteById(id);
    const { targets } = await deps.store.loadTargets();
    const keys = [...targets].filter(([, target]) => target.platform === 'slack' && target.team === id).map(([key]) => key);
    const failed: string[] = [];
    for (const key of keys) {
      // One subscription that cannot be deleted does not keep the others.
      await deps.store.deleteTarget(key).catch((error: unknown) => {
        failed.push(key);
        deps.logger.error('could not delete a digest subscription of an uninstalled workspace', { workspace: id, target: key, ...describeError(error) });
      });
    }
    deps.logger.info('forgot a workspace: its installation and digest subscriptions are deleted', { workspace: id, reason, subscriptions: keys.length - failed.length });
  };
  app.event('app_uninstalled', async ({ context }) => forget(workspaceId(context), 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only user tokens revoked: the bot keeps working (this app asks for none, but an install may carry one).
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(workspaceId(context), 'tokens_revoked');
  });
}
