// Runtime configuration from the environment. Everything has a safe default so that
// `npm start` works on a fresh machine with nothing set.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Demo mode seeds 示范市 and its demo accounts; never on by default against a real server. */
  demo: boolean;
  /** Secret for keyed hashes and session pepper; a random one per data folder when unset (see secrets.ts). */
  secret?: string;
  webDist: string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    demo: env.ZUGONG_DEMO ? env.ZUGONG_DEMO === '1' : !databaseUrl,
    secret: env.ZUGONG_SECRET || undefined,
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
