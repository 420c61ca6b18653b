// The Slack adapter: a Bolt app in HTTP mode (signed requests on /slack/events) or Socket Mode, whose
// listeners turn Slack events into ChatRequests for the injected handler. https://docs.slack.dev/tools/bolt-js
import type { AddressInfo } from 'node:net';
import { App, type AppOptions } from '@slack/bolt';
import type { Digest } from '../../src/digest/content.js';
import type { Engine } from '../../src/engine.js';
import type { SlackConfig } from '../config.js';
import { createLogger, createRequestHandler, type ChatAdapter, type Logger, type RequestHandler } from '../types.js';
import { registerActions } from './actions.js';
import { registerRightsCommand } from './commands.js';
import { registerEvents } from './events.js';
import { boltLogger } from './logger.js';
import { renderDigest } from './render-digest.js';
import { describeError, slackErrorCode } from './reply.js';

export { RIGHTS_COMMAND } from './commands.js';
export { LIMITS, renderAnswer, renderReply } from './render.js';

type RetryOptions = NonNullable<NonNullable<AppOptions['clientOptions']>['retryConfig']>;

/** What the Slack adapter needs; give `handle` (e.g. with digest commands) or just the `engine`. */
export type SlackAdapterOptions = {
  config: SlackConfig;
  logger?: Logger;
  /** HTTP mode: interface to listen on (default: all, as a public endpoint needs). */
  host?: string;
  /**
   * HTTP mode: answer Slack's request only after the listener finished. Off in production, where ack()
   * must reach Slack within 3 seconds; tests turn it on to observe the listener's work.
   */
  processBeforeResponse?: boolean;
  /** Web API retries; the client's default (ten retries in about thirty minutes, honouring 429 Retry-After) otherwise. */
  retryConfig?: RetryOptions;
} & ({ handle: RequestHandler; engine?: undefined } | { engine: Engine; handle?: undefined });

export interface SlackAdapter extends ChatAdapter {
  /** The Bolt app (for tests and extra listeners). */
  readonly app: App;
  /** The port HTTP mode listens on once started (useful with PORT=0). */
  port(): number | undefined;
  /** Posts digests for the digest service. */
  readonly digestPoster: { platform: 'slack'; post(channel: string, digest: Digest): Promise<void> };
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger ?? createLogger('slack');
  const handle = options.handle ?? createRequestHandler(options.engine);
  const clientOptions = {
    ...(config.apiUrl !== undefined ? { slackApiUrl: config.apiUrl } : {}),
    ...(options.retryConfig !== undefined ? { retryConfig: options.retryConfig } : {}),
  };
  const common = {
    token: config.botToken,
    logger: boltLogger(logger),
    clientOptions,
    // start() runs init(), which checks the token with auth.test, so a bad token fails at start-up.
    deferInitialization: true,
  };
  const app =
    config.mode.type === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.mode.appToken })
      : new App({ ...common, signingSecret: config.mode.signingSecret, processBeforeResponse: options.processBeforeResponse ?? false });

  const deps = { handle, logger };
  registerRightsCommand(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  app.error(async (error) => {
    logger.error('unhandled error in a Slack listener', describeError(error));
  });

  let address: AddressInfo | undefined;
  let running = false;
  return {
    name: 'slack',
    app,
    async start() {
      await explain(() => app.init(), { failed: 'could not reach Slack', refused: 'Slack refused SLACK_BOT_TOKEN' });
      if (config.mode.type === 'socket') {
        await explain(() => app.start(), { failed: 'could not open Socket Mode', refused: 'Slack refused SLACK_APP_TOKEN (an xapp-… token with connections:write)' });
        running = true;
        logger.info('connected to Slack (Socket Mode)');
        return;
      }
      const { port } = config.mode;
      const listen = options.host !== undefined ? { port, host: options.host } : port;
      const server = await explain(() => app.start(listen), { failed: `could not listen on PORT ${port}` });
      const bound = server.address();
      address = bound !== null && typeof bound === 'object' ? bound : undefined;
      running = true;
      logger.info('listening for Slack requests', { port: address?.port ?? port, path: '/slack/events' });
    },
    async stop() {
      if (!running) return;
      running = false;
      address = undefined;
      await app.stop();
    },
    port: () => address?.port,
    digestPoster: {
      platform: 'slack',
      async post(channel, digest) {
        await app.client.chat.postMessage({ channel, ...renderDigest(digest), unfurl_links: false, unfurl_media: false });
      },
    },
  };
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Runs a start-up step; a failure becomes one readable `[slack]` error saying what to check. */
async function explain<T>(step: () => Promise<T>, say: { failed: string; refused?: string }): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const code = slackErrorCode(error);
    const summary = code !== undefined && AUTH_ERRORS.has(code) && say.refused ? say.refused : say.failed;
    throw new Error(`[slack] ${summary} (${code ?? (error as Error).message})`, { cause: error });
  }
}
