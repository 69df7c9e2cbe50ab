// Scoped access to member records: a member is visible when their organization is in the
// actor's subtree; anything else is 404 (and audited as a refusal when the record exists).
import type { FastifyRequest } from 'fastify';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { MembersTable } from '../../db/types.js';
import { recordDenied } from '../../audit/record.js';
import { notFound } from '../../errors.js';

export type MemberRow = Selectable<MembersTable>;

export function findMemberInScope(db: Db, scopePath: string, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).where(sql<boolean>`org_path <@ ${scopePath}::ltree`).executeTakeFirst();
}

export async function requireMember(req: FastifyRequest, id: number, action: string): Promise<MemberRow> {
  const { db } = req.server.deps;
  const m = await findMemberInScope(db, req.actor!.scopePath, id);
  if (m) return m;
  if (await db.selectFrom('members').select('id').where('id', '=', id).executeTakeFirst()) await recordDenied(req, action, 'member', id, 'scope');
  throw notFound('党员');
}
