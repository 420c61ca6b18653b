// Starts the real Slack adapter (real Bolt, HTTP mode on 127.0.0.1, free port) against the stand-in,
// with a logger that keeps its lines for assertions.
import { readSlackConfig } from '../../adapters/config.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { createRequestHandler, type Logger, type RequestHandler } from '../../adapters/types.js';
import { realEngine } from '../helpers.js';
import { SIGNING_SECRET } from './payloads.js';
import { SlackStandIn } from './stand-in.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  context?: Record<string, unknown>;
}

export interface Harness {
  api: SlackStandIn;
  adapter: SlackAdapter;
  /** http://127.0.0.1:PORT, where /slack/events lives. */
  base: string;
  logs: LogLine[];
  close(): Promise<void>;
}

export function recordingLogger(lines: LogLine[]): Logger {
  return {
    info: (message, context) => lines.push({ level: 'info', message, context }),
    warn: (message, context) => lines.push({ level: 'warn', message, context }),
    error: (message, context) => lines.push({ level: 'error', message, context }),
  };
}

export async function startHarness(options: { handle?: RequestHandler; retries?: number } = {}): Promise<Harness> {
  const api = await new SlackStandIn().start();
  const logs: LogLine[] = [];
  const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', SLACK_API_URL: api.apiUrl });
  if (!config) throw new Error('no Slack config');
  const adapter = createSlackAdapter({
    config,
    handle: options.handle ?? createRequestHandler(realEngine()),
    logger: recordingLogger(logs),
    host: '127.0.0.1',
    processBeforeResponse: true,
    retryConfig: { retries: options.retries ?? 0, minTimeout: 10, maxTimeout: 20 },
  });
  await adapter.start();
  return {
    api,
    adapter,
    base: `http://127.0.0.1:${adapter.port()}`,
    logs,
    async close() {
      await adapter.stop();
      await api.stop();
    },
  };
}
