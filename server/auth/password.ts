// Password hashing (argon2id) and the policy check wired to the common-password list.
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { pinyin } from 'pinyin-pro';
import { checkPassword } from '../../domain/security/password-policy.js';
import { CHINESE_PASSWORD_WORDS } from '../../domain/security/password-words.js';
import { AppError } from '../errors.js';

const COMMON = new Set<string>((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

// The maintained estimator (issue 11.6): zxcvbn-ts with the common dictionaries and keyboard graphs,
// plus the Chinese words people build passwords from. Levenshtein matching stays off: it costs
// ~0.6 s of blocked event loop per check for no difference on the passwords tested.
const estimator = new ZxcvbnFactory({
  dictionary: { ...dictionary, zhCommon: CHINESE_PASSWORD_WORDS },
  graphs: adjacencyGraphs,
});

/** The words about the account a guesser would try first: the username and its parts, the name and its pinyin. */
export function personalWords(username: string, displayName?: string): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 2) words.add(w.toLowerCase());
  };
  add(username);
  for (const part of username.split(/[^A-Za-z0-9]+/)) add(part);
  if (displayName) {
    add(displayName);
    const syllables = pinyin(displayName, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) =>
      s.toLowerCase().replace(/[^a-z0-9]/g, ''),
    );
    add(syllables.join(''));
    for (const s of syllables) add(s);
    // 张三丰 → zhangsanfeng, sanfeng, zsf
    if (syllables.length > 1) add(syllables.slice(1).join(''));
    add(syllables.map((s) => s[0] ?? '').join(''));
  }
  return [...words];
}

/** zxcvbn-ts's score (0–4) of a password for this account. */
export function passwordScore(pw: string, username: string, displayName?: string): number {
  return estimator.check(pw, personalWords(username, displayName)).score;
}

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
export function assertPasswordPolicy(pw: string, username: string, field = 'password', displayName?: string): void {
  const problem = checkPassword(
    pw,
    username,
    (p) => COMMON.has(p),
    (p) => passwordScore(p, username, displayName),
  );
  if (problem) throw new AppError('WEAK_PASSWORD', problem.message, 400, field);
}

// A fixed hash verified when the user does not exist, so both paths cost the same (SECURITY.md 4).
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-Zz9!');
  return dummy;
}
