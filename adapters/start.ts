// `npm start`: every chat adapter whose credentials are configured, side by side, with the daily digest;
// the console chat when none is. Configuration is read once, here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfig } from './config.js';
import { projectRoot } from './paths.js';
import { openEngine } from '../src/open.js';
import { RecordsError } from '../src/records/errors.js';
import { runConsoleChat } from './console/chat.js';

async function main(): Promise<void> {
  const root = projectRoot();
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readConfig(process.env);
  const { engine } = await openEngine({ root });
  if (!config.slack && !config.discord) {
    await runConsoleChat({ engine, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    return;
  }
  // The chat SDKs (Bolt, discord.js) are loaded only when a chat adapter is configured.
  const { createBot } = await import('./bot.js');
  const { adapters, digest } = createBot(engine, config, root);
  for (const adapter of adapters) await adapter.start();
  await digest.start();
  const stop = () => {
    digest.stop();
    void Promise.allSettled(adapters.map((a) => a.stop())).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof RecordsError) console.error(`[records] invalid seeds:\n${error.message}`);
  else {
    console.error(`[rights] could not start: ${(error as Error).message}`);
    if (process.env.RIGHTS_DEBUG) console.error(error);
  }
  process.exit(1);
});
