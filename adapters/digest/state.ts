// What the digest keeps per channel: its settings, what it was last sent, the claim on today's post, the
// last failure, its rotation and record fingerprints. Validated per channel when a store loads it.
import { z } from 'zod';

export const targetSettingsSchema = z.object({
  platform: z.enum(['slack', 'discord']),
  channel: z.string().min(1),
  /** Local time of day, HH:MM (24 h). */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timezone: z.string().min(1),
  themes: z.array(z.string()).default([]),
  lang: z.enum(['en', 'es', 'fr']).default('en'),
  enabled: z.boolean().default(true),
  /**
   * Slack: the workspace the channel is in, as its installation is keyed (team id; enterprise id for an
   * org-wide install). OAuth mode posts with that workspace's token and drops the subscription on uninstall.
   */
  team: z.string().min(1).optional(),
});
export type TargetSettings = z.infer<typeof targetSettingsSchema>;

/** The claim on a channel's post for one local day (see adapters/store/port.ts). */
const claimSchema = z.object({ date: z.string(), owner: z.string(), expires: z.number() });

/** The last failed attempt of a day: permanent ones stop the channel until fixed; transient ones wait for retryAt. */
const failureSchema = z.object({
  date: z.string(),
  permanent: z.boolean(),
  error: z.string(),
  attempts: z.number().int().min(1).default(1),
  retryAt: z.number().optional(),
});

export const targetStateSchema = targetSettingsSchema.extend({
  /** "chat" when set from a chat command, "config" when declared in RIGHTS_CONFIG. */
  origin: z.enum(['chat', 'config']).default('chat'),
  /** Display name of who last changed the settings (for confirmations; never a live mention). */
  changedBy: z.string().optional(),
  /** Platform user id of who turned the digest on: they may change it (Slack; see adapters/digest/commands.ts). */
  enabledBy: z.string().optional(),
  /** When the digest was (re)enabled: scheduled times before it are not caught up. */
  activeSince: z.string().optional(),
  /** Local date (YYYY-MM-DD) of the last digest the platform acknowledged: never posted again that day. */
  lastSent: z.string().optional(),
  claim: claimSchema.optional(),
  failure: failureSchema.optional(),
  rotation: z.object({ shown: z.array(z.string()) }).default({ shown: [] }),
  fingerprints: z.record(z.string(), z.string()).optional(),
});
export type TargetState = z.infer<typeof targetStateSchema>;

/** Fields only deliveries change (claim, complete, release), never a settings update. */
export const DELIVERY_FIELDS = ['lastSent', 'claim', 'failure', 'rotation', 'fingerprints'] as const;

export function targetKey(platform: string, channel: string): string {
  return `${platform}:${channel}`;
}
