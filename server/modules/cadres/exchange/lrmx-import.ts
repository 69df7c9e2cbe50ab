// Batch import of .lrmx files (PILLARS.md §1): each file is read on its own, matched to a cadre of the
// actor's scope (or to none: a new cadre), previewed, and on commit written in its own transaction, so
// a bad file imports nothing of itself and does not stop the others. The per-file report names each
// file with what happened or why not.
import { sql } from 'kysely';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import type { TLrmxFileResult } from '../../../../domain/schemas/cadre-exchange.js';
import { checkIdNumber } from '../../../../domain/rules/id-number.js';
import { AppError } from '../../../errors.js';
import { audited } from '../../../audit/record.js';
import { inTrx, type Ctx } from '../../../context.js';
import { scopeSql } from '../../../scope/access.js';
import { readLrmxBatch } from '../lrmx/read-batch.js';
import { applySheet } from '../sheet.js';

export interface LrmxUpload {
  name: string;
  data: Buffer;
}

type Match = { kind: 'create' } | { kind: 'update'; cadreId: number } | { kind: 'error'; code: string; message: string };

const compact = (s: string) => s.replace(/\s+/g, '');
const month = (d: string | null) => (d ? d.slice(0, 7) : null);

/**
 * The cadre a sheet describes, within the actor's scope: by ID number when the file has one (a number
 * held by a cadre another organization manages is refused, never overwritten), else by name without
 * blanks + birth month; two candidates → refused with the reason (PILLARS.md §1, "How importers behave").
 */
export async function matchSheet(ctx: Ctx, sheet: TCadreSheet): Promise<Match> {
  if (sheet.idNumber) {
    const checked = checkIdNumber(sheet.idNumber);
    if (!checked.ok) return { kind: 'error', code: 'ID_NUMBER', message: `身份证号（ShenFenZheng）无效：${checked.message}` };
    const rows = await ctx.db
      .selectFrom('cadres')
      .select(['id', sql<boolean>`manager_path <@ ${ctx.actor.scopePath}::ltree`.as('inScope')])
      .where('id_hash', '=', ctx.crypto.hash(checked.normalized))
      .execute();
    if (rows.length > 1) return { kind: 'error', code: 'AMBIGUOUS', message: '身份证号对应多名干部，请先合并重复记录' };
    if (rows.length === 1) {
      if (!rows[0].inScope) return { kind: 'error', code: 'OUT_OF_SCOPE', message: '该身份证号的干部不在您的管理范围内，未导入' };
      return { kind: 'update', cadreId: rows[0].id };
    }
  }
  const birthMonth = month(sheet.birth);
  if (!birthMonth) {
    if (sheet.idNumber) return { kind: 'create' };
    return { kind: 'error', code: 'NO_KEY', message: '文件既无身份证号也无出生年月，无法确定是哪一名干部' };
  }
  const candidates = await ctx.db
    .selectFrom('cadres')
    .select(['id', 'id_hash'])
    .where(scopeSql('manager_path', ctx.actor.scopePath))
    .where(sql<boolean>`regexp_replace(name, '\\s', '', 'g') = ${compact(sheet.name)}`)
    .where(sql<boolean>`left(birth, 7) = ${birthMonth}`)
    .execute();
  // A file with an ID number matches no one whose record holds another number.
  const usable = sheet.idNumber ? candidates.filter((c) => c.id_hash === null) : candidates;
  if (usable.length > 1)
    return { kind: 'error', code: 'AMBIGUOUS', message: `有 ${usable.length} 名干部同名且出生年月相同，请在文件中填写身份证号以区分` };
  if (usable.length === 1) return { kind: 'update', cadreId: usable[0].id };
  return { kind: 'create' };
}

/** A new cadre who is a Party member of the caller's scope (same ID number, no cadre file yet): linked, so the
 * identity comes from the member record. */
async function unlinkedMember(ctx: Ctx, sheet: TCadreSheet): Promise<number | null> {
  if (!sheet.idNumber) return null;
  const checked = checkIdNumber(sheet.idNumber);
  if (!checked.ok) return null;
  const m = await ctx.db
    .selectFrom('members')
    .select('id')
    .where('id_hash', '=', ctx.crypto.hash(checked.normalized))
    .where(scopeSql('org_path', ctx.actor.scopePath))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cadres').select('id').whereRef('cadres.member_id', '=', 'members.id'))))
    .executeTakeFirst();
  return m?.id ?? null;
}

/**
 * Reads, matches and (unless `dryRun`) writes every file. `managerOrgId`: the managing organization of
 * the cadres the batch creates (the actor's own when not given; checked to lie in scope by the route).
 */
export async function importLrmx(
  ctx: Ctx,
  uploads: LrmxUpload[],
  opts: { dryRun: boolean; managerOrgId: number; log?: (e: unknown, file: string) => void },
): Promise<TLrmxFileResult[]> {
  const read = readLrmxBatch(uploads);
  const results: TLrmxFileResult[] = [];
  const seen = new Map<number, string>();
  for (const f of read) {
    if (!f.sheet) {
      results.push({
        file: f.name,
        status: f.error?.code === 'LRMX_SKIPPED' ? 'skipped' : 'error',
        name: null,
        cadreId: null,
        message: f.error?.message ?? '',
      });
      continue;
    }
    const sheet = f.sheet;
    const match = await matchSheet(ctx, sheet);
    if (match.kind === 'error') {
      results.push({ file: f.name, status: 'error', name: sheet.name, cadreId: null, message: match.message });
      continue;
    }
    if (match.kind === 'update') {
      const earlier = seen.get(match.cadreId);
      if (earlier) {
        results.push({
          file: f.name,
          status: 'error',
          name: sheet.name,
          cadreId: match.cadreId,
          message: `与本批文件“${earlier}”是同一名干部，未重复导入`,
        });
        continue;
      }
      seen.set(match.cadreId, f.name);
    }
    if (opts.dryRun) {
      results.push({
        file: f.name,
        status: match.kind === 'update' ? 'update' : 'create',
        name: sheet.name,
        cadreId: match.kind === 'update' ? match.cadreId : null,
        message: '',
      });
      continue;
    }
    try {
      const cadreId = await audited<number>(
        ctx,
        {
          action: 'cadre.lrmx_import',
          objectType: 'cadre',
          objectId: (id) => String(id),
          detail: () => ({ file: f.name, kind: match.kind }),
        },
        async (trx) => {
          const w = inTrx(ctx, trx);
          const memberId = match.kind === 'create' ? await unlinkedMember(w, sheet) : null;
          const r = await applySheet(w, match.kind === 'update' ? match.cadreId : null, sheet, {
            managerOrgId: opts.managerOrgId,
            memberId,
            action: 'import',
            reason: `导入任免审批表文件 ${f.name}`,
          });
          return r.id;
        },
      );
      if (match.kind === 'create') seen.set(cadreId, f.name);
      results.push({ file: f.name, status: match.kind === 'update' ? 'updated' : 'created', name: sheet.name, cadreId, message: '' });
    } catch (e) {
      // The file's transaction rolled back: nothing of it was written; the others go on.
      const message = e instanceof AppError && e.status < 500 ? e.message : '写入失败，本文件未导入（已记录错误）';
      if (!(e instanceof AppError)) opts.log?.(e, f.name);
      results.push({ file: f.name, status: 'error', name: sheet.name, cadreId: null, message });
    }
  }
  return results;
}
