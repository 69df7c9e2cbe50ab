// Audit helpers for services: a business change and its audit row commit together or not at all
// (SECURITY.md 19); refused access is recorded in a transaction of its own. They take the service
// context (context.ts); a route that has not built one yet may still pass its request.
import type { FastifyRequest } from 'fastify';
import type { Trx, AuditEntry } from './audit-log.js';
import { appendAudit } from './audit-log.js';
import { anyCtxOf, type AnyCtx } from '../context.js';

export type AuditSource = AnyCtx | FastifyRequest;

const asCtx = (src: AuditSource): AnyCtx => ('server' in src ? anyCtxOf(src) : src);

export function auditBase(src: AuditSource): Pick<AuditEntry, 'at' | 'actorId' | 'actorName' | 'role' | 'ip' | 'requestId'> {
  const c = asCtx(src);
  const a = c.actor;
  return {
    at: c.clock.now(),
    actorId: a?.userId ?? null,
    actorName: a?.username ?? null,
    role: a?.roles.join(',') ?? null,
    ip: c.origin.ip,
    requestId: c.origin.requestId,
  };
}

export interface AuditSpec<T> {
  action: string;
  objectType: string;
  objectId?: (result: T) => string | number | null;
  detail?: (result: T) => Record<string, unknown> | null;
}

/**
 * Runs a change in one transaction with its audit row; any failure (the audit write included) rolls
 * it all back. When the context is already bound to a transaction, the change joins it.
 */
export async function audited<T>(src: AuditSource, spec: AuditSpec<NoInfer<T>>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  const c = asCtx(src);
  const run = async (trx: Trx) => {
    const result = await fn(trx);
    await appendAudit(trx, {
      ...auditBase(c),
      action: spec.action,
      objectType: spec.objectType,
      objectId: spec.objectId?.(result) ?? null,
      result: 'success',
      detail: spec.detail?.(result) ?? null,
    });
    return result;
  };
  return c.db.isTransaction ? run(c.db as Trx) : c.db.transaction().execute(run);
}

/** Records a refused access (SECURITY.md 16): wrong role (403) or an object outside the scope (404). */
export async function recordDenied(
  src: AuditSource,
  action: string,
  objectType?: string,
  objectId?: string | number,
  reason?: string,
): Promise<void> {
  const c = asCtx(src);
  // In a transaction of its own, unless the context is already bound to one: on the embedded engine
  // a second transaction would wait for the one connection the first holds. Scope is checked before
  // a change opens its transaction (http/scope-hook.ts), so a refusal is not rolled back with it.
  const write = (trx: Trx) =>
    appendAudit(trx, {
      ...auditBase(c),
      action,
      objectType: objectType ?? null,
      objectId: objectId ?? null,
      result: 'denied',
      detail: { ...(c.origin.url ? { url: c.origin.url } : {}), ...(reason ? { reason } : {}) },
    });
  await (c.db.isTransaction ? write(c.db as Trx) : c.db.transaction().execute(write));
}

/** Records a read of sensitive data or an export in its own transaction. */
export async function recordRead(src: AuditSource, action: string, objectType: string, detail: Record<string, unknown>): Promise<void> {
  const c = asCtx(src);
  await (c.db.isTransaction
    ? appendAudit(c.db as Trx, { ...auditBase(c), action, objectType, objectId: null, result: 'success', detail })
    : c.db
        .transaction()
        .execute((trx) => appendAudit(trx, { ...auditBase(c), action, objectType, objectId: null, result: 'success', detail })));
}
