// Digest targets declared in the optional RIGHTS_CONFIG YAML file (see rights.example.yaml).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { targetSettingsSchema, type TargetSettings } from './state.js';

const fileSchema = z.strictObject({
  digest: z.strictObject({
    targets: z.array(targetSettingsSchema.extend({ time: targetSettingsSchema.shape.time.default('09:00'), timezone: z.string().default('UTC') })).default([]),
    catch_up_hours: z.number().min(0).max(24).optional(),
  }),
});

export interface DigestFileConfig {
  targets: TargetSettings[];
  catchUpHours?: number;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads RIGHTS_CONFIG; every problem names the file, line and field. */
export function readDigestConfigFile(path: string): DigestFileConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`RIGHTS_CONFIG points at ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(`${path}:${e?.linePos?.[0].line ?? 1}: invalid YAML: ${e?.message.split('\n')[0]}`);
  }
  const parsed = fileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const node = issue ? (doc.getIn(issue.path as (string | number)[], true) as { range?: [number] } | undefined) : undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : 1;
    throw new ConfigError(`${path}:${line}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  for (const [i, target] of parsed.data.digest.targets.entries()) {
    if (!isTimeZone(target.timezone)) throw new ConfigError(`${path}: digest.targets.${i}.timezone: unknown IANA time zone "${target.timezone}"`);
  }
  return { targets: parsed.data.digest.targets, catchUpHours: parsed.data.digest.catch_up_hours };
}
