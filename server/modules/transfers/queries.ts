// SQL for transfer letters. Each side sees its own letters: the sender by the sending
// organization's path, the receiver by the receiving one's (SECURITY.md 13).
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/engine.js';
import type { Trx } from '../../audit/audit-log.js';
import type { TransferLettersTable } from '../../db/types-transfers.js';
import type { TransferKind, TransferStatus } from '../../../domain/rules/transfers.js';
import { scopeSql } from '../../scope/access.js';

export type LetterRow = Selectable<TransferLettersTable>;

export interface LetterFilter {
  box: 'out' | 'in' | 'overdue';
  status?: TransferStatus;
  kind?: TransferKind;
  q?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const inScope = (column: 'from_path' | 'to_path', scopePath: string) => scopeSql(column, scopePath);

/** A letter by id. Its scope (either side in the subtree) is checked by the route (resource `transfer`). */
export function findLetter(db: Db | Trx, id: number): Promise<LetterRow | undefined> {
  return db.selectFrom('transfer_letters').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listLetters(
  db: Db,
  scopePath: string,
  f: LetterFilter,
  today: string,
  afterId: number | null,
  limit: number,
): Promise<LetterRow[]> {
  let q = db.selectFrom('transfer_letters').selectAll();
  if (f.box === 'out') q = q.where(inScope('from_path', scopePath));
  else if (f.box === 'in') q = q.where(inScope('to_path', scopePath));
  else {
    // Overdue: open letters past their last valid day, on either side of the scope.
    q = q
      .where((eb) => eb.or([inScope('from_path', scopePath), inScope('to_path', scopePath)]))
      .where('status', 'in', ['issued', 'received'])
      .where('expires_on', '<', today);
  }
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('member_name', 'like', like), eb('letter_no', 'like', like)]));
  }
  if (afterId !== null) q = q.where('id', '<', afterId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Next serial of a letter number for an organization and year. */
export async function nextSerial(trx: Trx, prefix: string): Promise<number> {
  const r = await trx
    .selectFrom('transfer_letters')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('letter_no', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return r.n + 1;
}

export function openLetterOf(trx: Trx, memberId: number) {
  return trx
    .selectFrom('transfer_letters')
    .select(['id', 'letter_no'])
    .where('member_id', '=', memberId)
    .where('status', 'in', ['issued', 'received'])
    .executeTakeFirst();
}

/** Members of one organization who may be given a letter: still counted there, no letter in flight. */
export function candidates(db: Db, scopePath: string, orgId: number, q: string | undefined) {
  let s = db
    .selectFrom('members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.gender', 'm.category', 'm.status', 'o.name as orgName'])
    .where('m.org_id', '=', orgId)
    .where(scopeSql('m.org_path', scopePath))
    .where('m.status', 'in', ['normal', 'flowing'])
    // A member with a letter in flight cannot be given a second one.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('transfer_letters as l')
            .select('l.id')
            .whereRef('l.member_id', '=', 'm.id')
            .where('l.status', 'in', ['issued', 'received']),
        ),
      ),
    );
  if (q) s = s.where('m.name', 'like', `%${escapeLike(q)}%`);
  return s.orderBy('m.sort_key').orderBy('m.id').limit(500).execute();
}

/**
 * Receiving organizations for a within-city letter, searched city-wide: the sender must be able to
 * name any branch of the city, though it sees nothing else of it (names and parents only).
 */
export function searchTargets(db: Db, text: string, limit: number) {
  const like = `%${escapeLike(text)}%`;
  const initials = /^[a-z]+$/i.test(text) ? `%${text.toLowerCase()}%` : null;
  return db
    .selectFrom('orgs as o')
    .leftJoin('orgs as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'p.name as parentName'])
    .where('o.status', '=', 'active')
    .where((eb) => (initials ? eb.or([eb('o.name', 'like', like), eb('o.name_initials', 'like', initials)]) : eb('o.name', 'like', like)))
    .orderBy(sql`nlevel(o.path)`)
    .orderBy('o.sort_key')
    .limit(limit)
    .execute();
}
