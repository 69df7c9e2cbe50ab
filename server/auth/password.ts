// Password hashing (argon2id) and the policy check wired to the common-password list.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword } from '../../domain/security/password-policy.js';
import { AppError } from '../errors.js';

const COMMON = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

// OWASP's argon2id baseline (19 MiB, 2 iterations); ~30 ms here.
// algorithm 2 = Argon2id (a const enum in the typings, not importable under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** Throws a 400 naming the field when the password breaks the policy (SECURITY.md 1). */
export function assertPasswordPolicy(pw: string, username: string, field = 'password'): void {
  const problem = checkPassword(pw, username, (p) => COMMON.has(p));
  if (problem) throw new AppError('WEAK_PASSWORD', problem.message, 400, field);
}

// A fixed hash verified when the user does not exist, so both paths cost the same (SECURITY.md 4).
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-Zz9!');
  return dummy;
}
