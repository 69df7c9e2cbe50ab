// Identity numbers at rest (SECURITY.md 21): SM4-CBC with a random IV per value, and an
// HMAC-SM3 of the normalized number so an exact search needs no decryption.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keys } from './keys.js';

// An IV drawn per call cost more than the encryption itself (an import encrypts 100,000 numbers at
// once): IVs come from a pool filled 256 at a time from the CSPRNG, each handed out once.
const IV_POOL = 16 * 256;

/** Identity numbers alone (SM4 and the keyed hash): what a worker thread preparing an import's rows holds. */
export class IdNumberCipher {
  private ivs = Buffer.alloc(0);
  private ivAt = 0;
  constructor(protected readonly keys: Pick<Keys, 'sm4' | 'hmac'>) {}

  /** A fresh random IV (each handed out once; the pool is refilled from the CSPRNG). */
  private iv(): Buffer {
    if (this.ivAt + 16 > this.ivs.length) {
      this.ivs = randomBytes(IV_POOL);
      this.ivAt = 0;
    }
    this.ivAt += 16;
    return this.ivs.subarray(this.ivAt - 16, this.ivAt);
  }

  encrypt(id: string): string {
    const iv = this.iv();
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

export class IdCrypto extends IdNumberCipher {
  constructor(protected override readonly keys: Keys) {
    super(keys);
  }

  /** The identity-number keys, for the import's worker thread (import/read-worker.ts). */
  identityKeys(): Pick<Keys, 'sm4' | 'hmac'> {
    return { sm4: this.keys.sm4, hmac: this.keys.hmac };
  }

  /** Seals a short secret (a TOTP key) with AES-256-GCM under the instance key: iv | tag | ciphertext. */
  seal(secret: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.keys.totp, iv);
    const body = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  unseal(stored: string): string {
    const buf = Buffer.from(stored, 'base64');
    const d = createDecipheriv('aes-256-gcm', this.keys.totp, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  }

  /** Keyed hash of a 民主测评 voting code (the code itself is never stored). */
  ballotCodeHash(code: string): string {
    return createHmac('sha256', this.keys.ballotCode).update(code).digest('hex');
  }

  /** Keyed hash of a recovery code (peppered with a key that is not in the database). */
  recoveryHash(code: string): string {
    return createHmac('sha256', this.keys.recoveryPepper).update(code).digest('hex');
  }
}
