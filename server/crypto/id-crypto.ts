// Identity numbers at rest (SECURITY.md 21): SM4-CBC with a random IV per value, and an
// HMAC-SM3 of the normalized number so an exact search needs no decryption.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keys } from './keys.js';

export class IdCrypto {
  constructor(private readonly keys: Keys) {}

  encrypt(id: string): string {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', this.keys.sm4, iv);
    return Buffer.concat([iv, c.update(id, 'utf8'), c.final()]).toString('base64');
  }

  decrypt(stored: string): string {
    const buf = Buffer.from(stored, 'base64');
    const d = createDecipheriv('sm4-cbc', this.keys.sm4, buf.subarray(0, 16));
    return Buffer.concat([d.update(buf.subarray(16)), d.final()]).toString('utf8');
  }

  hash(id: string): string {
    return createHmac('sm3', this.keys.hmac).update(id.trim().toUpperCase()).digest('hex');
  }
}
