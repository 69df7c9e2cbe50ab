// A throw-away database on the PostgreSQL server of DATABASE_URL for one bench part: created
// empty (C collation, as CI), its URL, and a drop that closes what is still connected.
import pg from 'pg';

export async function createBenchDatabase(url: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await run(`drop database if exists ${name}`);
  await run(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
