// The Slack adapter: a Bolt app in HTTP mode (signed requests on /slack/events, plus /healthz and /readyz) or
// Socket Mode, whose listeners turn Slack events into ChatRequests for the injected handler; every Web API
// call is bounded in time and retries. One workspace (SLACK_BOT_TOKEN), or any through OAuth (./oauth.ts).
// https://docs.slack.dev/tools/bolt-js
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, webApi, type AppOptions } from '@slack/bolt';
import type { Digest } from '../../src/digest/content.js';
import type { Engine } from '../../src/engine.js';
import type { SlackConfig } from '../config.js';
import type { Store } from '../store/port.js';
import { alwaysReady, checkReadiness, healthRoutes, type HealthCheck } from '../health.js';
import { createLogger, createRequestHandler, type ChatAdapter, type Logger, type RequestHandler } from '../types.js';
import { registerActions } from './actions.js';
import { registerRightsCommand } from './commands.js';
import { registerEvents } from './events.js';
import { NotInstalledError } from './installations.js';
import { boltLogger } from './logger.js';
import { createSlackOAuth, INSTALL_PATH, registerUninstall, type SlackOAuth } from './oauth.js';
import { renderDigest } from './render-digest.js';
import { describeError, slackErrorCode } from './reply.js';

export { RIGHTS_COMMAND } from './commands.js';
export { LIMITS, renderAnswer, renderReply } from './render.js';

type RetryOptions = NonNullable<NonNullable<AppOptions['clientOptions']>['retryConfig']>;

/** How long one Web API request may take before it is abandoned (the client's default is never). */
export const REQUEST_TIMEOUT_MS = 10_000;
/**
 * Web API retries of 5xx, network errors and 429 (after Retry-After): three, over about 7–15 s. The digest
 * service retries across the day itself. A timed-out request is not retried: Slack may have done it.
 */
export const RETRY_POLICY: RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 8_000, maxRetryTime: 30_000, randomize: true };
/** The start-up check of SLACK_BOT_TOKEN fails within seconds when Slack is unreachable. */
const STARTUP_TIMEOUT_MS = 5_000;
const STARTUP_RETRY_POLICY: RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 1_000 };
/** How long stop() lets requests in progress finish. */
export const DRAIN_TIMEOUT_MS = 10_000;

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
  /** Web API retries (p-retry options); RETRY_POLICY otherwise. Timed-out requests are never retried. */
  retryConfig?: RetryOptions;
  /** Timeout of one Web API request, in ms; REQUEST_TIMEOUT_MS otherwise. */
  requestTimeoutMs?: number;
  /** HTTP mode: what GET /readyz reports beside the adapter's own state (default: always ready). */
  health?: HealthCheck;
  /** How long stop() waits for requests in progress, in ms; DRAIN_TIMEOUT_MS otherwise. */
  drainTimeoutMs?: number;
  /** OAuth mode (required there): where each workspace's installation is kept, sealed. */
  store?: Store;
} & ({ handle: RequestHandler; engine?: undefined } | { engine: Engine; handle?: undefined });

export interface SlackAdapter extends ChatAdapter {
  /** The Bolt app (for tests and extra listeners). */
  readonly app: App;
  /** The port HTTP mode listens on once started (useful with PORT=0). */
  port(): number | undefined;
  /** "ok" once started and until stop() begins; "starting", "stopping" or "stopped" otherwise. */
  status(): 'ok' | 'starting' | 'stopping' | 'stopped';
  /** Posts digests for the digest service; rejects with a DigestPostError. */
  readonly digestPoster: { platform: 'slack'; post(channel: string, digest: Digest, target?: { team?: string }): Promise<void> };
}

/** Why a digest post failed: `permanent` when retrying cannot help (no such channel, not a member, token refused). */
export type DigestPostError = Error & { platform: 'slack' | 'discord'; code: string; permanent: boolean };

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger ?? createLogger('slack');
  const handle = options.handle ?? createRequestHandler(options.engine);
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const apiUrl = { ...(config.apiUrl !== undefined ? { slackApiUrl: config.apiUrl } : {}) };
  const clientOptions = { ...apiUrl, timeout, retryConfig: withoutUselessRetries(options.retryConfig ?? RETRY_POLICY), fetch: fetchWithTimeout(timeout) };
  let state: ReturnType<SlackAdapter['status']> = 'starting';
  const readiness: HealthCheck = async () => {
    const own = state === 'ok';
    const injected = await checkReadiness(options.health ?? alwaysReady);
    return { ready: own && injected.ready, checks: { slack: state, ...injected.checks } };
  };
  let oauth: SlackOAuth | undefined;
  if (config.oauth) {
    if (!options.store) throw new Error('[slack] OAuth mode needs a store for the installations');
    oauth = createSlackOAuth(config, options.store, logger);
  }
  const common = {
    // One workspace: its token. OAuth: none here; Bolt authorizes each request from its installation.
    ...(config.botToken !== undefined ? { token: config.botToken } : oauth?.appOptions),
    logger: boltLogger(logger),
    clientOptions,
    // start() checks the token with auth.test (then init() does too), so a bad token fails at start-up.
    deferInitialization: true,
  };
  const app =
    config.mode.type === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.mode.appToken })
      : new App({
          ...common,
          signingSecret: config.mode.signingSecret,
          processBeforeResponse: options.processBeforeResponse ?? false,
          customRoutes: healthRoutes(readiness),
        });

  // Counts requests in progress (the listener's work goes on after the ack), so stop() can let them finish.
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });

  const deps = { handle, logger };
  registerRightsCommand(app, deps);
  registerActions(app, deps);
  registerEvents(app, deps);
  if (oauth && options.store) registerUninstall(app, { installations: oauth.installations, store: options.store, logger });
  app.error(async (error) => {
    logger.error('unhandled error in a Slack listener', describeError(error));
  });

  let address: AddressInfo | undefined;
  let server: Server | undefined;
  let running = false;
  const reachable = `could not reach Slack at ${config.apiUrl ?? 'https://slack.com/api/'}`;
  return {
    name: 'slack',
    app,
    async start() {
      state = 'starting';
      // A check of its own, with a short timeout and few retries, so an unreachable Slack fails start-up fast.
      // OAuth mode has no token to check (each workspace brings its own): api.test only says Slack answers.
      const check = new webApi.WebClient(config.botToken, { ...apiUrl, logger: boltLogger(logger), timeout: STARTUP_TIMEOUT_MS, retryConfig: withoutUselessRetries(STARTUP_RETRY_POLICY) });
      const unreachable = { failed: reachable, refused: 'Slack refused SLACK_BOT_TOKEN', hint: 'check the network, any proxy, and SLACK_API_URL' };
      await explain(() => (config.botToken !== undefined ? check.auth.test() : check.api.test()), { ...unreachable, timeoutMs: STARTUP_TIMEOUT_MS });
      await explain(() => app.init(), { ...unreachable, timeoutMs: timeout });
      if (config.mode.type === 'socket') {
        await explain(() => app.start(), { failed: 'could not open Socket Mode', refused: 'Slack refused SLACK_APP_TOKEN (an xapp-… token with connections:write)' });
        running = true;
        state = 'ok';
        logger.info('connected to Slack (Socket Mode)');
        return;
      }
      const { port } = config.mode;
      const listen = options.host !== undefined ? { port, host: options.host } : port;
      server = await explain(() => app.start(listen), { failed: `could not listen on PORT ${port}` });
      const bound = server.address();
      address = bound !== null && typeof bound === 'object' ? bound : undefined;
      running = true;
      state = 'ok';
      logger.info('listening for Slack requests', { port: address?.port ?? port, path: '/slack/events', ...(oauth ? { install: INSTALL_PATH } : {}) });
    },
    async stop() {
      if (!running) return;
      running = false;
      state = 'stopping';
      const deadline = Date.now() + (options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS);
      // Stop taking work (close the port or the Socket Mode connection), then let requests in progress finish.
      const stopped = app.stop().catch((error: unknown) => logger.warn('could not stop cleanly', describeError(error)));
      await until(stopped, deadline);
      if (!(await until(Promise.allSettled([...inFlight]), deadline))) {
        logger.warn('stopped with requests still in progress', { requests: inFlight.size });
      }
      server?.closeAllConnections();
      server = undefined;
      address = undefined;
      state = 'stopped';
    },
    port: () => address?.port,
    status: () => state,
    digestPoster: {
      platform: 'slack',
      async post(channel, digest, target) {
        try {
          // OAuth: with the token of the channel's workspace, as recorded on its subscription.
          const token = oauth ? { token: await oauth.botToken(target?.team) } : {};
          await app.client.chat.postMessage({ channel, ...renderDigest(digest), unfurl_links: false, unfurl_media: false, ...token });
        } catch (error) {
          const { code, permanent } = error instanceof NotInstalledError ? { code: error.code, permanent: true } : classifySlackError(error, timeout);
          const hint = permanent ? ': retrying will not help (check the channel, the bot’s membership, its token and scopes)' : '';
          throw Object.assign(new Error(`[slack] could not post the digest to ${channel} (${code})${hint}`, { cause: error }), {
            platform: 'slack' as const,
            code,
            permanent,
          }) satisfies DigestPostError;
        }
      },
    },
  };
}

/** Whether `work` settled before `deadline` (epoch ms); it keeps running either way. */
async function until(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** fetch with a timeout for the calls that bring no signal of their own: Bolt's respond() to a response_url. */
function fetchWithTimeout(ms: number): webApi.FetchFunction {
  return (url, init) => fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(ms) });
}

/**
 * The retry policy without retries that cannot help or may post twice: an HTTP 4xx (403, 404…) will be
 * refused again; a timed-out post may have reached Slack already. The Web API client hands `retryConfig`
 * to p-retry, whose `onFailedAttempt` stops the retries by throwing.
 */
function withoutUselessRetries(policy: RetryOptions): RetryOptions {
  const onFailedAttempt = (error: Error) => {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (isTimeout(error) || (typeof status === 'number' && status >= 400 && status < 500 && status !== 408)) throw error;
  };
  const withHook: RetryOptions & { onFailedAttempt: typeof onFailedAttempt } = { ...policy, onFailedAttempt };
  return withHook;
}

function isTimeout(error: unknown): boolean {
  const e = error as { name?: unknown; original?: { name?: unknown }; cause?: { name?: unknown } } | undefined;
  return e?.name === 'TimeoutError' || e?.original?.name === 'TimeoutError' || e?.cause?.name === 'TimeoutError';
}

/** Slack errors after which a retry cannot succeed: the channel is gone or closed to the bot, or the token refused. */
const PERMANENT_SLACK_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope', 'restricted_action', 'ekm_access_denied']);
const PERMANENT_HTTP_STATUSES = new Set([401, 403, 404, 410]);

/** A short code for a Web API failure and whether it is permanent; timeouts, 429, 5xx and network errors are not. */
export function classifySlackError(error: unknown, timeoutMs: number): { code: string; permanent: boolean } {
  if (isTimeout(error)) return { code: `timed out after ${timeoutMs} ms`, permanent: false };
  const platform = slackErrorCode(error);
  if (platform !== undefined) return { code: platform, permanent: PERMANENT_SLACK_ERRORS.has(platform) || AUTH_ERRORS.has(platform) };
  const e = error as { code?: unknown; statusCode?: unknown; original?: { cause?: unknown } } | undefined;
  if (typeof e?.statusCode === 'number') return { code: `HTTP ${e.statusCode}`, permanent: PERMANENT_HTTP_STATUSES.has(e.statusCode) };
  // A 429 after the client's own waits and retries (the client throws a plain Error then).
  if (e?.code === webApi.ErrorCode.RateLimitedError || /rate limit/i.test((error as Error | undefined)?.message ?? '')) return { code: 'ratelimited', permanent: false };
  const cause = e?.original?.cause as { code?: unknown; message?: unknown } | undefined;
  const network = cause?.code ?? cause?.message;
  if (typeof network === 'string') return { code: network, permanent: false };
  return { code: error instanceof Error ? error.message : String(error), permanent: false };
}

const AUTH_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Runs a start-up step; a failure becomes one readable `[slack]` error saying what to check. */
async function explain<T>(step: () => Promise<T>, say: { failed: string; refused?: string; timeoutMs?: number; hint?: string }): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && AUTH_ERRORS.has(code) && say.refused) throw new Error(`[slack] ${say.refused} (${code})`, { cause: error });
    const reason = say.timeoutMs !== undefined ? classifySlackError(error, say.timeoutMs).code : (code ?? (error as Error).message);
    throw new Error(`[slack] ${say.failed} (${reason})${say.hint ? `: ${say.hint}` : ''}`, { cause: error });
  }
}
