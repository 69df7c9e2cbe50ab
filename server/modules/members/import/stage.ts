// The import's staging tables: rows are staged as the file streams (validated, encrypted, hashed in
// the reading thread), checked set-wise (duplicate identity numbers within the file and against the
// records), and written to `members` in ONE transaction (ISSUE 16 point 1): on the embedded engine by
// one statement after the read (writeStaged), on PostgreSQL batch by batch while it goes on, on a
// second connection (BatchWriter). Rows arrive through COPY. A temporary table lives in one session:
// the job runs in bulk sessions (server/db/bulk.ts), on PostgreSQL one connection each for all of
// it; the embedded engine has one session only, so there the job's statements take turns with other
// requests'. Each job has tables of its own, named after it.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { Trx } from '../../../audit/audit-log.js';
import type { BulkSession } from '../../../db/bulk.js';

/** One staged row: its Excel row number, the hash of its identity number, and the record when the row is valid. */
export interface StagedRow {
  row: number;
  id_hash: string | null;
  valid: boolean;
  org_id?: number;
  name?: string;
  gender?: string;
  birth_date?: string | null;
  category?: string;
  ethnicity?: string;
  native_place?: string | null;
  edu_fulltime?: string | null;
  degree_fulltime?: string | null;
  occupation?: string | null;
  work_unit?: string | null;
  job_post?: string | null;
  phone?: string | null;
  address?: string | null;
  admitted_on?: string | null;
  full_on?: string | null;
  status_since?: string | null;
  id_cipher?: string | null;
  id_masked?: string | null;
  name_initials?: string;
  sort_key?: string;
}

/** The member columns written from a staged row (the others keep their defaults or are set by triggers). */
const MEMBER_COLUMNS = [
  'org_id',
  'name',
  'gender',
  'birth_date',
  'category',
  'ethnicity',
  'native_place',
  'edu_fulltime',
  'degree_fulltime',
  'occupation',
  'work_unit',
  'job_post',
  'phone',
  'address',
  'admitted_on',
  'full_on',
  'status_since',
  'id_cipher',
  'id_hash',
  'id_masked',
  'name_initials',
  'sort_key',
] as const;

/** What the history row keeps of a created member: the record as entered, the identity number masked. */
const HISTORY_FIELDS = MEMBER_COLUMNS.filter((c) => !['id_cipher', 'id_hash', 'name_initials', 'sort_key'].includes(c));

type Conn = Kysely<DB>;

/** The staging table's columns as COPY sends them: the Excel row, whether valid, the record (its hash included). */
export const STAGE_COLUMNS = ['row', 'valid', ...MEMBER_COLUMNS] as const;

/** The job's staging table (or its writer's), a temporary one named after the job (a job id is a UUID: its hex digits make a safe name). */
export function stagingTable(jobId: string, role: 'rows' | 'writer' = 'rows') {
  const name = `member_import_${jobId.replace(/[^0-9a-f]/g, '')}${role === 'writer' ? '_w' : ''}`;
  return { name: `pg_temp.${name}`, ref: sql.id('pg_temp', name) };
}
type Table = ReturnType<typeof stagingTable>;

export async function createStaging(conn: Conn, { ref: t }: Table): Promise<void> {
  await sql`drop table if exists ${t}`.execute(conn);
  await sql`create temp table ${t} (
    row integer not null, id_hash text, valid boolean not null,
    org_id bigint, name text, gender text, birth_date date, category text, ethnicity text, native_place text,
    edu_fulltime text, degree_fulltime text, occupation text, work_unit text, job_post text, phone text, address text,
    admitted_on date, full_on date, status_since date, id_cipher text, id_masked text, name_initials text, sort_key text
  )`.execute(conn);
}

export async function dropStaging(conn: Conn, { ref: t }: Table): Promise<void> {
  await sql`drop table if exists ${t}`.execute(conn);
}

/** Stages a batch, as COPY text of STAGE_COLUMNS in UTF-8 (server/db/copy-text.ts): one statement, nothing to bind or parse as JSON. */
export async function stageText(session: BulkSession, t: Table, rows: Uint8Array): Promise<void> {
  if (rows.byteLength) await session.copy(t.name, STAGE_COLUMNS, rows);
}

/** Rows repeating an identity number of an earlier row of the file, with that row's number (first `limit`, and the count). */
export async function duplicatesInFile(
  conn: Conn,
  { ref: t }: Table,
  limit: number,
): Promise<{ count: number; rows: { row: number; first: number }[] }> {
  const r = await sql<{ row: number; first: number; total: number }>`
    select row, first, count(*) over ()::int as total from (
      select row, min(row) over (partition by id_hash) as first from ${t} where id_hash is not null
    ) d where row <> first order by row limit ${limit}`.execute(conn);
  return { count: r.rows[0]?.total ?? 0, rows: r.rows.map(({ row, first }) => ({ row, first })) };
}

/** First occurrences in the file of identity numbers that already have a member record (first `limit`, and the count). */
export async function duplicatesOfRecords(conn: Conn, { ref: t }: Table, limit: number): Promise<{ count: number; rows: number[] }> {
  const r = await sql<{ row: number; total: number }>`
    select row, count(*) over ()::int as total from (
      select distinct on (s.id_hash) s.row from ${t} s
      where s.id_hash is not null and exists (select 1 from members m where m.id_hash = s.id_hash)
      order by s.id_hash, s.row
    ) d order by row limit ${limit}`.execute(conn);
  return { count: r.rows[0]?.total ?? 0, rows: r.rows.map((x) => x.row) };
}

/**
 * Writes every staged row to `members` and its history in ONE statement, in file order. The
 * statistics summaries follow from it set-based: migration 008's statement-level trigger turns the
 * whole set of new rows into grouped deltas once (per organization and value), not row by row. This
 * is the one place an import changes members, so any other summary kept of them is refreshed here,
 * from the same staged set. Each row's organization path is written with it, read once per batch
 * FOR SHARE, as the row trigger would read it (migrations 011 and 050): a move of one of these
 * organizations waits for the import, and then rewrites their paths too. Returns the number written.
 */
export async function writeStaged(trx: Trx, { ref: t }: Table, actorId: number | null, now: Date, action = 'import'): Promise<number> {
  await sql`select 1 from orgs where id in (select org_id from ${t} where valid) for share`.execute(trx);
  const cols = sql.join(MEMBER_COLUMNS.map((c) => sql.ref(c)));
  const values = sql.join(MEMBER_COLUMNS.map((c) => sql.ref(`s.${c}`)));
  const after = sql.join(HISTORY_FIELDS.flatMap((c) => [sql.lit(c), sql.ref(`a.${c}`)]));
  const history = sql.join(HISTORY_FIELDS.map((c) => sql.ref(c)));
  const r = await sql<{ n: number }>`
    with added as (
      insert into members (${cols}, org_path, updated_at)
      select ${values}, o.path, ${now.toISOString()}::timestamptz from ${t} s join orgs o on o.id = s.org_id
      where s.valid order by s.row
      returning id, ${history}
    ), logged as (
      insert into member_history (member_id, action, actor_id, at, before, after)
      select a.id, ${action}, ${actorId}::bigint, ${now.toISOString()}::timestamptz, null, jsonb_build_object(${after})
      from added a order by a.id
      returning 1
    )
    select count(*)::int as n from logged`.execute(trx);
  return r.rows[0].n;
}

/**
 * Database work one batch at a time, while the next batch is read: a new task waits for the one in
 * flight. The first failure is kept, and no task starts after it.
 */
export class OneAtATime {
  private last: Promise<void> = Promise.resolve();
  failure: unknown = null;

  /** Waits for the task in flight, then starts this one; false (not started) once a task has failed. */
  async start(task: () => Promise<void>): Promise<boolean> {
    await this.last;
    if (this.failure) return false;
    this.last = task().catch((e: unknown) => {
      this.failure = e;
    });
    return true;
  }

  /** Resolves when no task is in flight, whether it failed or not. */
  settled(): Promise<void> {
    return this.last;
  }

  /** Waits for the task in flight, then throws the first failure if there was one. */
  async done(): Promise<void> {
    await this.last;
    if (this.failure) throw this.failure;
  }
}

/**
 * Writes batches of valid rows while the file is still being read (PostgreSQL: the bulk session's
 * second connection, issue 16 point 1): each batch goes through COPY into the writer's own staging
 * table, then to `members` by writeStaged, inside ONE transaction that commits only when the whole
 * file passed. One batch is in flight at a time, so memory holds at most two. A failed batch (a
 * duplicate identity number reaching the unique index, say) stops the writing; the transaction is
 * then only rolled back.
 */
export class BatchWriter {
  private readonly batches = new OneAtATime();
  private written = 0;
  constructor(
    private readonly session: BulkSession,
    private readonly trx: Trx,
    private readonly table: Table,
    private readonly actorId: number | null,
    private readonly now: Date,
  ) {}

  /**
   * Waits for the batch in flight, then starts this one (COPY text of STAGE_COLUMNS), unless a batch
   * has failed; `written` is called once the rows are in the database.
   */
  async write(rows: Uint8Array, written?: () => void): Promise<void> {
    await this.batches.start(async () => {
      if (rows.byteLength) await this.run(rows);
      written?.();
    });
  }

  /** Resolves when no batch is in flight, whether it failed or not. */
  settled(): Promise<void> {
    return this.batches.settled();
  }

  /** The batch in flight is done: the number written, or the first failure. */
  async finish(): Promise<number> {
    await this.batches.done();
    return this.written;
  }

  private async run(rows: Uint8Array): Promise<void> {
    await stageText(this.session, this.table, rows);
    this.written += await writeStaged(this.trx, this.table, this.actorId, this.now);
    await sql`truncate ${this.table.ref}`.execute(this.trx);
  }
}
