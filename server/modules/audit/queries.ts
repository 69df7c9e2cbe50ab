// Reading the audit log with filters, newest first, paged by its chain position.
import type { Db } from '../../db/engine.js';
import type { TAuditRow } from '../../../domain/schemas/audit.js';

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
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.result) q = q.where('result', '=', f.result);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  return q;
}

type Row = Awaited<ReturnType<ReturnType<typeof filtered>['executeTakeFirstOrThrow']>>;
export const presentAudit = (r: Row): TAuditRow => ({
  id: r.id, seq: r.seq, at: new Date(r.at).toISOString(), actorName: r.actor_name, role: r.role, ip: r.ip, action: r.action,
  objectType: r.object_type, objectId: r.object_id, result: r.result, requestId: r.request_id, detail: r.detail,
});

export async function listAudit(db: Db, f: AuditFilter, cursor: string | undefined, limit: number) {
  let q = filtered(db, f);
  if (cursor) q = q.where('seq', '<', Number(cursor) || 0);
  const rows = await q.orderBy('seq', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return { items: page.map(presentAudit), nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null };
}
