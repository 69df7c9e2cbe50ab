import { describe, expect, it } from 'vitest';
import { deriveKeys } from './keys.js';
import { IdCrypto } from './id-crypto.js';

const crypto = new IdCrypto(deriveKeys('test-secret'));

describe('IdCrypto (SM4 + keyed SM3 hash)', () => {
  it('round-trips and never stores the clear number', () => {
    const stored = crypto.encrypt('11010519491231002X');
    expect(stored).not.toContain('11010519491231002X');
    expect(Buffer.from(stored, 'base64').toString('latin1')).not.toContain('1949');
    expect(crypto.decrypt(stored)).toBe('11010519491231002X');
  });

  it('encrypts the same number differently each time but hashes it the same way', () => {
    expect(crypto.encrypt('11010519491231002X')).not.toBe(crypto.encrypt('11010519491231002X'));
    expect(crypto.hash('11010519491231002x')).toBe(crypto.hash('11010519491231002X'));
  });

  it('never reuses an IV, across refills of its pool', () => {
    const stored = Array.from({ length: 600 }, () => crypto.encrypt('11010519491231002X'));
    const ivs = new Set(stored.map((s) => Buffer.from(s, 'base64').subarray(0, 16).toString('hex')));
    expect(ivs.size).toBe(600);
    expect(stored.every((s) => crypto.decrypt(s) === '11010519491231002X')).toBe(true);
  });

  it('depends on the key: another secret gives another hash and cannot decrypt', () => {
    const other = new IdCrypto(deriveKeys('other-secret'));
    expect(other.hash('11010519491231002X')).not.toBe(crypto.hash('11010519491231002X'));
    // A wrong key either fails the padding check or yields garbage; never the number.
    let out: string | null = null;
    try {
      out = other.decrypt(crypto.encrypt('11010519491231002X'));
    } catch {
      out = null;
    }
    expect(out).not.toBe('11010519491231002X');
  });
});
