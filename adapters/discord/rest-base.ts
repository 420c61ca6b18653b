// Where discord.js's REST client sends requests: DISCORD_API_URL (a rate-limit proxy, the test stand-in)
// or Discord itself. Same form as discord.js's `rest.api` option: https://discord.js.org/docs/packages/rest/main/RESTOptions:Interface
import type { RESTOptions } from 'discord.js';
import type { DiscordConfig } from '../config.js';

/** `rest.api` without a trailing slash (discord.js appends "/v10/…"); empty to keep Discord's default. */
export function restBase(config: DiscordConfig): Partial<RESTOptions> {
  return config.apiUrl === undefined ? {} : { api: config.apiUrl.replace(/\/+$/, '') };
}
