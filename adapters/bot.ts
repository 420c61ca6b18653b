// Assembles the bot from the configuration: chat adapters, the digest service posting through them,
// and the request handler (query grammar + digest commands) they share.
import type { EngineSource } from '../src/live.js';
import type { Config } from './config.js';
import { createLogger, createRequestHandler, type ChatAdapter } from './types.js';
import { createSlackAdapter } from './slack/index.js';
import { createDiscordAdapter } from './discord/index.js';
import { withDigestCommands } from './digest/commands.js';
import { DigestService, type DigestPoster } from './digest/service.js';
import type { Store } from './store/port.js';
import type { HealthCheck } from './health.js';
import { readDigestConfigFile } from './digest/targets.js';

/** The chat adapters the configuration asks for, and the digest service posting through them, on one store. */
export function createBot(engine: EngineSource, config: Config, store: Store, options: { health?: HealthCheck } = {}): { adapters: ChatAdapter[]; digest: DigestService } {
  const digestFile = config.configFile ? readDigestConfigFile(config.configFile) : undefined;
  const posters: DigestPoster[] = [];
  const digestLogger = createLogger('digest');
  const digest = new DigestService({
    engine,
    store,
    posters,
    logger: digestLogger,
    configTargets: digestFile?.targets,
    catchUpHours: digestFile?.catchUpHours,
  });
  const handle = withDigestCommands(createRequestHandler(engine), digest);
  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    // In OAuth mode the store keeps each workspace's installation (sealed with RIGHTS_ENCRYPTION_KEY).
    const slack = createSlackAdapter({ config: config.slack, handle, logger: createLogger('slack'), store, ...(options.health ? { health: options.health } : {}) });
    adapters.push(slack);
    posters.push(slack.digestPoster);
  }
  if (config.discord) {
    // Long button queries live in the store, so buttons work after a restart and on every replica.
    const discord = createDiscordAdapter({ config: config.discord, engine, handle, logger: createLogger('discord'), store });
    adapters.push(discord);
    posters.push(discord.digestPoster);
  }
  return { adapters, digest };
}

