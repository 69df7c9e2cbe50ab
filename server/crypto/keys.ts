// Keys for personal data: from ZUGONG_SECRET when set, otherwise a random key kept in
// DATA_DIR/secret.key (created once, mode 600), never in the database it protects.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';

export interface Keys {
  /** SM4 key (128-bit) for identity numbers. */
  sm4: Buffer;
  /** HMAC key for the exact-match search hash. */
  hmac: Buffer;
  /** AES-256-GCM key sealing TOTP secrets (issue 11.4). */
  totp: Buffer;
  /** Pepper of the recovery-code hashes. */
  recoveryPepper: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const ikm = Buffer.from(secret, 'utf8');
  return {
    sm4: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'id-number-encryption', 16)),
    hmac: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'id-number-search', 32)),
    totp: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'totp-secret-seal', 32)),
    recoveryPepper: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'totp-recovery-pepper', 32)),
  };
}

export function loadKeys(secret: string | undefined, dataDir: string): Keys {
  if (secret) return deriveKeys(secret);
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return deriveKeys(readFileSync(file, 'utf8').trim());
}
