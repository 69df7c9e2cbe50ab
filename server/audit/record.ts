// Audit helpers for routes: a business change and its audit row commit together or not at all
// (SECURITY.md 19); refused access is recorded in a transaction of its own.
import type { FastifyRequest } from 'fastify';
import type { Trx, AuditEntry } from './audit-log.js';
import { appendAudit } from './audit-log.js';

export function auditBase(req: FastifyRequest): Pick<AuditEntry, 'at' | 'actorId' | 'actorName' | 'role' | 'ip' | 'requestId'> {
  const a = req.actor;
  return {
    at: req.server.deps.clock.now(),
    actorId: a?.userId ?? null,
    actorName: a?.username ?? null,
    role: a?.roles.join(',') ?? null,
    ip: req.ip,
    requestId: req.id,
  };
}

export interface AuditSpec<T> {
  action: string;
  objectType: string;
  objectId?: (result: T) => string | number | null;
  detail?: (result: T) => Record<string, unknown> | null;
}

/** Runs a change in one transaction with its audit row; any failure (the audit write included) rolls it all back. */
export async function audited<T>(req: FastifyRequest, spec: AuditSpec<NoInfer<T>>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return req.server.deps.db.transaction().execute(async (trx) => {
    const result = await fn(trx);
    await appendAudit(trx, {
      ...auditBase(req),
      action: spec.action,
      objectType: spec.objectType,
      objectId: spec.objectId?.(result) ?? null,
      result: 'success',
      detail: spec.detail?.(result) ?? null,
    });
    return result;
  });
}

/** Records a refused access (SECURITY.md 16): wrong role (403) or an object outside the scope (404). */
export async function recordDenied(req: FastifyRequest, action: string, objectType?: string, objectId?: string | number, reason?: string): Promise<void> {
  await req.server.deps.db.transaction().execute((trx) =>
    appendAudit(trx, { ...auditBase(req), action, objectType: objectType ?? null, objectId: objectId ?? null, result: 'denied', detail: { url: req.url.split('?')[0], ...(reason ? { reason } : {}) } }),
  );
}

/** Records a read of sensitive data or an export in its own transaction. */
export async function recordRead(req: FastifyRequest, action: string, objectType: string, detail: Record<string, unknown>): Promise<void> {
  await req.server.deps.db.transaction().execute((trx) =>
    appendAudit(trx, { ...auditBase(req), action, objectType, objectId: null, result: 'success', detail }),
  );
}
