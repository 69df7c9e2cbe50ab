// Vitest globalSetup: builds the starting points of test databases once per run (test-engine.ts):
// migrated, + the test city, + the areas' demo data. A file's database is then a copy
// (PGlite loadDataDir, PostgreSQL create database … template) instead of initdb + migrations + city.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEngine, type Engine } from '../db/engine.js';
import { migrate } from '../db/migrate.js';
import { generateCity, type CityResult } from '../demo/generate-city.js';
import { seedAreaDemos } from '../demo/seed-demo.js';
import { TEST_KEYS } from './test-app.js';
import { TEST_CITY, databaseUrl, waitUntilUnused, type PreparedDatabases, type TestStart } from './test-engine.js';

export default async function setup(project: TestProject) {
  const started = performance.now();
  const url = process.env.DATABASE_URL;
  let city: CityResult | undefined;
  // Each step works on the engine, then saves a starting point.
  const steps: [TestStart, (e: Engine) => Promise<void>][] = [
    ['migrated', async (e) => void (await migrate(e.db))],
    ['city', async (e) => void (city = await generateCity(e.db, TEST_CITY))],
    ['areaDemos', (e) => seedAreaDemos(e.db, city!, TEST_KEYS)],
  ];
  const starts = {} as Record<TestStart, string>;
  let teardown: () => Promise<void>;
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), 'zugong-test-db-'));
    const engine = await openEngine({ dataDir: 'memory://' });
    try {
      for (const [name, step] of steps) {
        await step(engine);
        starts[name] = path.join(dir, `${name}.tar`);
        await engine.dumpDataDir!(starts[name]);
        console.log(`test start '${name}': ${Math.round(statSync(starts[name]).size / 1e6)} MB`);
      }
    } finally {
      await engine.close();
    }
    teardown = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let from = `template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`;
    for (const [name, step] of steps) {
      const db = `zg_tpl_${process.pid}_${name.toLowerCase()}`;
      await admin.query(`drop database if exists ${db}`);
      await admin.query(`create database ${db} template ${from}`);
      starts[name] = db;
      const engine = await openEngine({ databaseUrl: databaseUrl(url, db), dataDir: '' });
      try {
        await step(engine);
      } finally {
        await engine.close();
      }
      await waitUntilUnused(admin, db);
      from = db;
    }
    teardown = async () => {
      for (const db of Object.values(starts)) await admin.query(`drop database if exists ${db}`);
      await admin.end();
    };
  }
  const prepared: PreparedDatabases = { kind: url ? 'postgres' : 'pglite', starts, city: city! };
  project.provide('preparedDatabases', prepared);
  console.log(`test databases prepared in ${Math.round(performance.now() - started)} ms (${prepared.kind})`);
  return teardown;
}
