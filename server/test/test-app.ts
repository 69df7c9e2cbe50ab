// The test-server helper: a migrated throw-away database with a small generated city and its
// demo accounts, the app on top of it, a clock the tests move, and a login helper.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { Clock } from '../auth/actor.js';
import type { Db } from '../db/engine.js';
import { generateCity, type CityResult } from '../demo/generate-city.js';
import { TEST_CITY, openTestEngine, preparedDatabases, type TestEngine } from './test-engine.js';
import { deriveKeys } from '../crypto/keys.js';
import { seedAreaDemos } from '../demo/seed-demo.js';
import { currentCode } from '../auth/totp.js';
import type { CodeSender } from '../modules/talent-portal/sender.js';

/** A fixed key for tests: ciphertexts and hashes are reproducible across test files. */
export const TEST_KEYS = deriveKeys('zugong-test-secret');

export const DEMO_PASSWORD = 'Demo@2026';

export class TestClock implements Clock {
  private t = Date.now();
  now(): Date {
    return new Date(this.t);
  }
  advanceMinutes(m: number): void {
    this.t += m * 60_000;
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  te: TestEngine;
  clock: TestClock;
  city: CityResult;
  /**
   * Logs in and returns the session cookie. An account that needs the second factor (SECURITY.md 6) is
   * enrolled on its first login and given its code, as an authenticator app would; a code is accepted
   * once per 30-second step, so a second login in the same step moves the clock on by 30 seconds.
   */
  login(username: string, password?: string): Promise<string>;
  /** The TOTP secret the login helper enrolled for an account. */
  totpSecret(username: string): string | undefined;
  call(cookie: string | null, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { orgCount?: number; loginRateLimit?: number; areaDemos?: boolean; webDist?: string; demo?: boolean; codeSender?: CodeSender } = {},
): Promise<TestApp> {
  const orgCount = opts.orgCount ?? TEST_CITY.orgCount;
  const prepared = preparedDatabases();
  let te: TestEngine;
  let city: CityResult;
  if (prepared && orgCount === TEST_CITY.orgCount) {
    // The usual city, copied from the starting point global-setup.ts built once for the run.
    te = await openTestEngine(opts.areaDemos ? 'areaDemos' : 'city');
    city = structuredClone(prepared.city);
  } else {
    te = await openTestEngine();
    city = await generateCity(te.engine.db, { ...TEST_CITY, orgCount });
    // The areas' demo data (members' details, development, transfers, dues) only where a test asks.
    if (opts.areaDemos) await seedAreaDemos(te.engine.db, city, TEST_KEYS);
  }
  const clock = new TestClock();
  const app = await buildApp({
    engine: te.engine,
    keys: TEST_KEYS,
    clock,
    demo: opts.demo ?? true,
    logLevel: 'silent',
    loginRateLimit: opts.loginRateLimit ?? 10_000,
    webDist: opts.webDist,
    codeSender: opts.codeSender,
  });
  await app.ready();
  const secrets = new Map<string, string>();
  const lastStep = new Map<string, number>();
  const call = (cookie: string | null, method: string, url: string, payload?: unknown) =>
    app.inject({ method: method as 'GET', url, payload: payload as object, headers: cookie ? { cookie } : {} });
  return {
    app,
    db: te.engine.db,
    te,
    clock,
    city,
    call,
    async login(username, password = DEMO_PASSWORD) {
      let res = await call(null, 'POST', '/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const step = (res.json() as { secondFactor?: 'totp' | 'enrol' }).secondFactor;
      if (step) {
        const pending = `zg_pending=${res.cookies.find((k) => k.name === 'zg_pending')!.value}`;
        if (step === 'enrol') secrets.set(username, (await call(pending, 'POST', '/api/auth/totp/enrol')).json().secret);
        const secret = secrets.get(username);
        if (!secret) throw new Error(`login ${username}: enrolled outside the helper, no secret known`);
        const now = Math.floor(clock.now().getTime() / 30_000);
        if ((lastStep.get(username) ?? -1) >= now) clock.advanceMinutes(0.5);
        lastStep.set(username, Math.floor(clock.now().getTime() / 30_000));
        res = await call(pending, 'POST', '/api/auth/totp', { code: currentCode(secret, clock.now()) });
        if (res.statusCode !== 200) throw new Error(`second factor of ${username} failed: ${res.statusCode} ${res.body}`);
      }
      const c = res.cookies.find((k) => k.name === 'zg_session');
      return `zg_session=${c!.value}`;
    },
    totpSecret: (username) => secrets.get(username),
    async close() {
      await app.close();
      await te.dispose();
    },
  };
}

export const json = (res: LightMyRequestResponse) => res.json() as any;

/** A multipart/form-data body with one file in the field `file`, as the web app uploads it. */
export function multipartFile(file: Buffer, fileName: string): { payload: Buffer; contentType: string } {
  const boundary = '----zugong-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
