#!/usr/bin/env node
// Entry point of the `rights` command (package.json bin). The commands live in cli.ts.
import { runCli } from './cli.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
} catch (error) {
  // Never a stack trace for users; RIGHTS_DEBUG=1 shows it to developers.
  console.error(`[rights] internal error: ${(error as Error).message}`);
  if (process.env.RIGHTS_DEBUG) console.error(error);
  process.exitCode = 1;
}
