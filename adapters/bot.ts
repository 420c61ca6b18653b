// Assembles the bot from the configuration: chat adapters, the digest service posting through them,
// and the request handler (query grammar + digest commands) they share.
import { join } from 'node:path';
import type { Engine } from '../src/engine.js';
import type { Config } from './config.js';
import { createLogger, createRequestHandler, type ChatAdapter } from './types.js';
import { createSlackAdapter } from './slack/index.js';
import { createDiscordAdapter } from './discord/index.js';
import { withDigestCommands } from './digest/commands.js';
import { DigestService, type DigestPoster } from './digest/service.js';
import { StateStore } from './digest/state.js';
import { readDigestConfigFile } from './digest/targets.js';

/** The chat adapters the configuration asks for, and the digest service posting through them. */
export function createBot(engine: Engine, config: Config, root: string): { adapters: ChatAdapter[]; digest: DigestService } {
  const digestFile = config.configFile ? readDigestConfigFile(config.configFile) : undefined;
  const posters: DigestPoster[] = [];
  const digestLogger = createLogger('digest');
  const digest = new DigestService({
    engine,
    store: new StateStore(config.stateDir ?? join(root, 'data', 'state'), digestLogger),
    posters,
    logger: digestLogger,
    configTargets: digestFile?.targets,
    catchUpHours: digestFile?.catchUpHours,
  });
  const handle = withDigestCommands(createRequestHandler(engine), digest);
  const adapters: ChatAdapter[] = [];
  if (config.slack) {
    const slack = createSlackAdapter({ config: config.slack, handle, logger: createLogger('slack') });
    adapters.push(slack);
    posters.push(slack.digestPoster);
  }
  if (config.discord) {
    const discord = createDiscordAdapter({ config: config.discord, engine, handle, logger: createLogger('discord') });
    adapters.push(discord);
    posters.push(discord.digestPoster);
  }
  return { adapters, digest };
}

