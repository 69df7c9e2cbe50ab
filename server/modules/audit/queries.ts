// Reading the audit log with filters, newest first, paged by its chain position.
import type { Db } from '../../db/engine.js';
import type { TAuditRow } from '../../../domain/schemas/audit.js';
import { auditActionLabel, auditObjectLabel } from '../../../domain/audit-actions.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  result?: 'success' | 'failure' | 'denied';
  objectType?: string;
  objectId?: string;
}

// A bare date as `to` means the whole of that day.
const endOf = (s: string) => (s.length === 10 ? new Date(`${s}T23:59:59.999+08:00`) : new Date(s));
const startOf = (s: string) => (s.length === 10 ? new Date(`${s}T00:00:00+08:00`) : new Date(s));

export function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.from) q = q.where('at', '>=', startOf(f.from));
  if (f.to) q = q.where('at', '<=', endOf(f.to));
  if (f.actor) q = q.where('actor_name', 'like', `%${f.actor}%`);
  // One code, chosen from the labelled list: 'dues.pay' is not 'dues.pay.bulk'.
  if (f.action) q = q.where('action', '=', f.action);
  if (f.result) q = q.where('result', '=', f.result);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  return q;
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['executeTakeFirstOrThrow']>>;
export type ObjectNames = Map<string, string>;

export const presentAudit = (r: Row, names: ObjectNames = new Map()): TAuditRow => ({
  id: r.id,
  seq: r.seq,
  at: new Date(r.at).toISOString(),
  actorName: r.actor_name,
  role: r.role,
  ip: r.ip,
  action: r.action,
  actionLabel: auditActionLabel(r.action),
  objectType: r.object_type,
  objectLabel: r.object_type ? auditObjectLabel(r.object_type) : null,
  objectId: r.object_id,
  objectName: (r.object_type && r.object_id && names.get(`${r.object_type}:${r.object_id}`)) || null,
  result: r.result,
  requestId: r.request_id,
  detail: r.detail,
});

/** The objects whose names the log can show, and where the name is: one query per kind for a whole page. */
const NAMED = {
  org: (db: Db, ids: number[]) => db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute(),
  member: (db: Db, ids: number[]) => db.selectFrom('members').select(['id', 'name']).where('id', 'in', ids).execute(),
  dev_person: (db: Db, ids: number[]) => db.selectFrom('dev_people').select(['id', 'name']).where('id', 'in', ids).execute(),
  user: async (db: Db, ids: number[]) =>
    (await db.selectFrom('users').select(['id', 'display_name', 'username']).where('id', 'in', ids).execute()).map((u) => ({
      id: u.id,
      name: u.display_name && u.display_name !== u.username ? `${u.display_name}（${u.username}）` : u.username,
    })),
} satisfies Record<string, (db: Db, ids: number[]) => Promise<{ id: number; name: string }[]>>;

export async function objectNames(db: Db, rows: readonly Row[]): Promise<ObjectNames> {
  const names: ObjectNames = new Map();
  for (const [type, find] of Object.entries(NAMED)) {
    const ids = [
      ...new Set(rows.filter((r) => r.object_type === type && /^\d{1,15}$/.test(r.object_id ?? '')).map((r) => Number(r.object_id))),
    ];
    // Batches keep the IN list short on a large export.
    for (let i = 0; i < ids.length; i += 5000) {
      for (const o of await find(db, ids.slice(i, i + 5000))) names.set(`${type}:${o.id}`, o.name);
    }
  }
  return names;
}

export async function listAudit(db: Db, f: AuditFilter, cursor: string | undefined, limit: number) {
  let q = filtered(db, f);
  if (cursor) q = q.where('seq', '<', Number(cursor) || 0);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const names = await objectNames(db, page);
  return { items: page.map((r) => presentAudit(r, names)), nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null };
}
