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
  /** HMAC key of the 民主测评 voting codes: only their keyed hashes are stored. */
  ballotCode: Buffer;
}

export function deriveKeys(secret: string): Keys {
  const ikm = Buffer.from(secret, 'utf8');
  return {
    sm4: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'id-number-encryption', 16)),
    hmac: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'id-number-search', 32)),
    totp: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'totp-secret-seal', 32)),
    recoveryPepper: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'totp-recovery-pepper', 32)),
    ballotCode: Buffer.from(hkdfSync('sha256', ikm, 'zugong', 'evaluation-voting-code', 32)),
  };
}

/**
 * The instance secret: ZUGONG_SECRET, or DATA_DIR/secret.key (created on first use unless
 * `create` is false: a restore must use the original instance's secret, never a new one).
 */
export function loadSecret(secret: string | undefined, dataDir: string, create = true): string {
  if (secret) return secret;
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    if (!create) throw new Error(`没有实例密钥：请设置 ZUGONG_SECRET 或放回原实例的 ${file}`);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

export function loadKeys(secret: string | undefined, dataDir: string): Keys {
  return deriveKeys(loadSecret(secret, dataDir));
}

/** AES-256-GCM key for backups, derived from the instance secret (server/backup). */
export function deriveBackupKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'zugong', 'backup-encryption', 32));
}
