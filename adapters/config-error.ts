// The configuration error, apart from the schema (zod) so commands that only need to recognise it stay light.

/** A bad or missing setting: the message names the variable and what it expects, never a secret. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(`[config] ${message}`);
    this.name = 'ConfigError';
  }
}
