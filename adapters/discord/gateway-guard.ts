// Keeps one malformed gateway packet from ending the process. discord.js reads each packet into its
// structures (Message, Interaction…) before any listener of ours runs; a throw there escapes every listener.
// https://discord.com/developers/docs/events/gateway-events#receive-events
import type { Client } from 'discord.js';
import type { Logger } from '../types.js';
import { errorContext } from './errors.js';

/** The part of discord.js's WebSocketManager that turns each gateway packet into structures and events. */
interface PacketHandling {
  handlePacket?: (packet?: { t?: string | null }, shard?: { id?: number }) => boolean;
}

/**
 * discord.js reads each gateway packet into its structures before any listener runs, inside its WebSocket's
 * event emitter: a malformed packet (a MESSAGE_CREATE without an author, an INTERACTION_CREATE without a
 * member or user) throws there, and the rejection would end the process, Slack with it. Each packet's
 * handling is contained: the packet is dropped and logged (its type only: an interaction carries a token).
 */
export function containPacketErrors(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as PacketHandling;
  const handlePacket = manager.handlePacket;
  if (typeof handlePacket !== 'function') {
    logger.warn('this discord.js has no WebSocketManager.handlePacket: malformed gateway events are left to the process-level handler');
    return;
  }
  manager.handlePacket = function containedHandlePacket(this: unknown, packet, shard) {
    try {
      return handlePacket.call(this, packet, shard);
    } catch (error) {
      logger.error('dropped a gateway event that could not be read', { event: packet?.t ?? null, shard: shard?.id ?? null, ...errorContext(error) });
      return true;
    }
  };
}
