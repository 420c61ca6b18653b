// Digest state on disk: subscriptions, what each channel was last sent, rotation, record fingerprints.
// One JSON file written atomically (temp file, fsync, rename). A corrupt file is kept aside, never overwritten.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../types.js';

export const targetSettingsSchema = z.object({
  platform: z.enum(['slack', 'discord']),
  channel: z.string().min(1),
  /** Local time of day, HH:MM (24 h). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timezone: z.string().min(1),
  themes: z.array(z.string()).default([]),
  lang: z.enum(['en', 'es', 'fr']).default('en'),
  enabled: z.boolean().default(true),
});
export type TargetSettings = z.infer<typeof targetSettingsSchema>;

const targetStateSchema = targetSettingsSchema.extend({
  /** "chat" when set from a chat command, "config" when declared in RIGHTS_CONFIG. */
  origin: z.enum(['chat', 'config']).default('chat'),
  changedBy: z.string().optional(),
  /** When the digest was (re)enabled: scheduled times before it are not caught up. */
  activeSince: z.string().optional(),
  /** Local date (YYYY-MM-DD) of the last digest the platform accepted. */
  lastSent: z.string().optional(),
  /** Local date of a post that started; if the process died mid-post we cannot know it failed, so no retry that day. */
  attempt: z.string().optional(),
  /** Local date on which posting failed for good (retried, then given up until tomorrow). */
  gaveUp: z.string().optional(),
  rotation: z.object({ shown: z.array(z.string()) }).default({ shown: [] }),
  fingerprints: z.record(z.string(), z.string()).optional(),
});
export type TargetState = z.infer<typeof targetStateSchema>;

const stateSchema = z.object({ version: z.literal(1), targets: z.record(z.string(), targetStateSchema) });
export type DigestState = z.infer<typeof stateSchema>;

export function targetKey(platform: string, channel: string): string {
  return `${platform}:${channel}`;
}

export class StateStore {
  readonly path: string;
  state: DigestState = { version: 1, targets: {} };

  constructor(readonly dir: string, private readonly logger: Logger, private readonly now: () => Date = () => new Date()) {
    this.path = join(dir, 'digest.json');
  }

  /** Reads the file; a missing file is a fresh start, a corrupt one is moved aside and reported. */
  load(): DigestState {
    if (!existsSync(this.path)) {
      this.logger.info('no digest state yet, starting fresh', { path: this.path });
      this.state = { version: 1, targets: {} };
      return this.state;
    }
    try {
      this.state = stateSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch (error) {
      const aside = `${this.path}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(this.path, aside);
      this.logger.error('digest state file is corrupt: kept aside, starting with no subscriptions', {
        path: this.path,
        keptAs: aside,
        problem: (error as Error).message.slice(0, 300),
      });
      this.state = { version: 1, targets: {} };
    }
    return this.state;
  }

  /** Atomic write: temp file, fsync, rename, so a crash leaves the old file or the new one, never half. */
  save(): void {
    mkdirSync(this.dir, { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, JSON.stringify(this.state, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }
}
