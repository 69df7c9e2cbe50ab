// The audit trail (SECURITY.md 16–19): one append-only table, each row hashed together with
// the previous row's hash, so an edited or removed row breaks the chain and the verifier names it.
import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';

export type Trx = Transaction<DB>;

export interface AuditEntry {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  result: 'success' | 'failure' | 'denied';
  requestId: string | null;
  /** Never a password, token or full ID number (SECURITY.md 20). */
  detail?: Record<string, unknown> | null;
}

// Any 64-bit constant: the lock that puts audit rows in one order across concurrent transactions.
const CHAIN_LOCK = 7_283_001;
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  request_id: string | null;
  detail: unknown;
}

/** sha-256 over the previous hash and a canonical form of the row (jsonb reorders keys, so keys are sorted). */
export function rowHash(prevHash: string, r: HashedFields): string {
  const canonical = stableStringify([
    r.seq,
    r.at.toISOString(),
    r.actor_id,
    r.actor_name,
    r.role,
    r.ip,
    r.action,
    r.object_type,
    r.object_id,
    r.result,
    r.request_id,
    r.detail ?? null,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Appends one row inside the caller's transaction: if the business change rolls back, so does this. */
export async function appendAudit(trx: Trx, e: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  // After a purge of every row (audit/retention.ts) the chain continues from the last anchor.
  const last =
    (await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()) ??
    (await trx.selectFrom('audit_anchors').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst());
  const fields: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    // Millisecond precision survives the round trip through timestamptz exactly.
    at: new Date(Math.floor(e.at.getTime())),
    actor_id: e.actorId,
    actor_name: e.actorName,
    role: e.role,
    ip: e.ip,
    action: e.action,
    object_type: e.objectType ?? null,
    object_id: e.objectId == null ? null : String(e.objectId),
    result: e.result,
    request_id: e.requestId,
    detail: e.detail ? JSON.parse(JSON.stringify(e.detail)) : null,
  };
  const prev = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({
      ...fields,
      result: e.result,
      detail: fields.detail == null ? null : JSON.stringify(fields.detail),
      prev_hash: prev,
      hash: rowHash(prev, fields),
    })
    .execute();
}
