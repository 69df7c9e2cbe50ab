// 人才分类认定 filed by the applicant (issue 15 point 2): the recognitions the applicant lists (the talent themself,
// talent_people.user_id; an employer, its staff's; each id is checked by talent-policies/access.ts requireOwn),
// and the bounded evidence uploads (content checked by file type, ≤ 10 MB, ≤ 20 per recognition, sha256 kept,
// audited) while it is editable.
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { checkedUpload } from '../meetings/file-check.js';
import { ownEmployerIds, type Side } from '../talent-policies/access.js';

export const MAX_EVIDENCE = 20;
/** The statuses in which the applicant may change the evidence: before submitting, or after a return. */
export const EDITABLE = ['draft', 'returned'] as const;
const EDIT_REFUSED = '申请已提交审核，不能再上传或删除佐证材料（仅草稿或退回修改的申请可以）';

/** The recognition ids the applicant may list: their own (self) or their staff's (employer). */
export async function ownRecognitionIds(ctx: Ctx, side: Side): Promise<number[]> {
  let q = ctx.db.selectFrom('talent_recognitions as r').innerJoin('talent_people as p', 'p.id', 'r.person_id').select('r.id');
  if (side === 'self') q = q.where('p.user_id', '=', ctx.actor.userId);
  else {
    const employers = await ownEmployerIds(ctx);
    if (!employers.length) return [];
    q = q.where('p.employer_id', 'in', employers);
  }
  return (await q.execute()).map((r) => r.id);
}

async function editable(trx: Trx, id: number) {
  const r = await trx
    .selectFrom('talent_recognitions')
    .select(['status', 'person_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!(EDITABLE as readonly string[]).includes(r.status)) throw conflict(EDIT_REFUSED, 'file');
  return r;
}

/** Stores one evidence file on an editable recognition, with its audit row (name, size, sha256). */
export async function storeEvidence(ctx: Ctx, id: number, kind: string, name: string, content: Buffer): Promise<number> {
  const { type, fileName, sha256 } = checkedUpload(name, content);
  return audited(
    ctx,
    {
      action: 'talent.recognition.evidence',
      objectType: 'talent_recognition',
      objectId: () => id,
      detail: (r) => ({ documentId: r, kind, fileName, sha256, sizeBytes: content.length }),
    },
    async (trx: Trx) => {
      const r = await editable(trx, id);
      const n = await trx.selectFrom('talent_documents').select('id').where('recognition_id', '=', id).execute();
      if (n.length >= MAX_EVIDENCE) throw conflict(`每份认定申请最多上传 ${MAX_EVIDENCE} 个佐证材料`, 'file');
      const row = await trx
        .insertInto('talent_documents')
        .values({
          person_id: r.person_id,
          recognition_id: id,
          kind,
          file_name: fileName,
          mime: type.mime,
          size_bytes: content.length,
          sha256,
          content,
          uploaded_by: ctx.actor.userId,
          uploaded_at: ctx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  );
}

/** Removes one evidence file of an editable recognition (audited with its hash). */
export async function deleteEvidence(ctx: Ctx, id: number, documentId: number): Promise<void> {
  const d = await ctx.db
    .selectFrom('talent_documents')
    .select(['id', 'file_name', 'sha256'])
    .where('id', '=', documentId)
    .where('recognition_id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('佐证材料');
  await audited(
    ctx,
    {
      action: 'talent.recognition.evidence_delete',
      objectType: 'talent_recognition',
      objectId: () => id,
      detail: () => ({ documentId, fileName: d.file_name, sha256: d.sha256 }),
    },
    async (trx: Trx) => {
      await editable(trx, id);
      await trx.deleteFrom('talent_documents').where('id', '=', documentId).execute();
    },
  );
}
