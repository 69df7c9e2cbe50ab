// Generates the demo city into a PGlite folder or a PostgreSQL database and prints the counts
// and the time of each phase:
//   npx tsx server/demo/cli.ts --orgs 20000 --data-dir /tmp/x [--seed 1] [--members 5,40] [--no-accounts]
//   DATABASE_URL=postgres://... npx tsx server/demo/cli.ts --orgs 2000
import { parseArgs } from 'node:util';
import { openEngine } from '../db/engine.js';
import { migrate } from '../db/migrate.js';
import { generateCity } from './generate-city.js';

const { values } = parseArgs({
  options: {
    orgs: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    members: { type: 'string' },
    'data-dir': { type: 'string', default: 'memory://' },
    'city-name': { type: 'string' },
    'no-accounts': { type: 'boolean', default: false },
  },
});

function range(text: string | undefined): [number, number] | undefined {
  if (!text) return undefined;
  const [lo, hi] = text.split(',').map(Number);
  return [lo, hi];
}

const t0 = performance.now();
const engine = await openEngine({ dataDir: values['data-dir'], databaseUrl: process.env.DATABASE_URL });
try {
  await migrate(engine.db);
  console.log(`engine ${engine.kind} open and migrated in ${Math.round(performance.now() - t0)} ms`);
  const result = await generateCity(engine.db, {
    seed: Number(values.seed),
    orgCount: Number(values.orgs),
    membersPerBranch: range(values.members),
    demoAccounts: !values['no-accounts'],
    cityName: values['city-name'],
    onPhase: (phase, ms) => console.log(`  ${phase.padEnd(11)} ${Math.round(ms)} ms`),
  });
  console.log(JSON.stringify(result, null, 2));
} finally {
  await engine.close();
}
