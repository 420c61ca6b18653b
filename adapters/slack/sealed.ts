// Secrets at rest, sealed: AES-256-GCM (node:crypto) with a random 12-byte IV per write, authenticated, and
// bound to the id it is stored under, so a sealed value copied to another workspace's row does not open.
// Key rotation: open() also accepts the previous key (RIGHTS_ENCRYPTION_KEY_PREVIOUS) and says so (`stale`);
// the caller then seals it again with the current key. https://nodejs.org/api/crypto.html#class-cipher
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** AES-256: a key is 32 bytes (RIGHTS_ENCRYPTION_KEY is them written as base64). */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Format version, first field of every sealed value: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url). */
const VERSION = 'v1';

/** A sealed value that cannot be opened: unknown format, a key this process does not hold, or tampered with. */
export class SealError extends Error {
  constructor(
    readonly code: 'SEAL_FORMAT' | 'SEAL_UNKNOWN_KEY' | 'SEAL_TAMPERED',
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

export interface Sealer {
  /** Encrypts `plaintext` with the current key, bound to `id` (what it is stored under). */
  seal(plaintext: string, id: string): string;
  /** Decrypts; `stale` when it was sealed with a previous key (seal it again). Throws SealError. */
  open(sealed: string, id: string): { plaintext: string; stale: boolean };
}

/**
 * A short public name for a key (not the key: a hash of it), stored beside each sealed value so that the right
 * key is picked among the current and previous ones.
 */
function keyId(key: Buffer): string {
  return createHash('sha256').update('rights-bot sealed key id\0').update(key).digest('base64url').slice(0, 11);
}

/** Seals with `key`; opens what `key` or one of `previous` sealed. */
export function createSealer(key: Buffer, previous: readonly Buffer[] = []): Sealer {
  for (const k of [key, ...previous]) if (k.length !== KEY_BYTES) throw new Error(`a sealing key must be ${KEY_BYTES} bytes`);
  const current = { id: keyId(key), key };
  const keys = new Map([current, ...previous.map((k) => ({ id: keyId(k), key: k }))].reverse().map((k) => [k.id, k.key]));
  // Authenticated with the format, the key id and the id it is stored under.
  const aad = (kid: string, id: string) => Buffer.from(`${VERSION}.${kid}.${id}`, 'utf8');

  return {
    seal(plaintext, id) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(current.id, id));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(sealed, id) {
      const parts = sealed.split('.');
      const [version, kid, iv64, tag64, data64] = parts;
      if (parts.length !== 5 || version !== VERSION || !kid || !iv64 || !tag64 || data64 === undefined) {
        throw new SealError('SEAL_FORMAT', 'not a sealed value this version can read');
      }
      const key = keys.get(kid);
      if (!key) throw new SealError('SEAL_UNKNOWN_KEY', 'sealed with a key that is neither the current nor the previous one');
      const iv = Buffer.from(iv64, 'base64url');
      const tag = Buffer.from(tag64, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealError('SEAL_FORMAT', 'not a sealed value this version can read');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(kid, id));
        decipher.setAuthTag(tag);
        const plaintext = Buffer.concat([decipher.update(Buffer.from(data64, 'base64url')), decipher.final()]).toString('utf8');
        return { plaintext, stale: kid !== current.id };
      } catch {
        throw new SealError('SEAL_TAMPERED', 'failed authentication: altered, or stored under another id');
      }
    },
  };
}
