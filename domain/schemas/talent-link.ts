// The talent form's look-up of a Party member or a cadre to link (issue 15 point 1: nothing typed twice). The
// officer searches by name or pinyin initials; a chosen record's id goes into the talent's memberId or cadreId,
// and the registry's writer takes name, sex, birth and the identity number from that record.
import { z } from 'zod';

export const LINK_KINDS = ['member', 'cadre'] as const;

export const ZLinkCandidateQuery = z.strictObject({
  q: z.string().trim().min(1, '请输入姓名或拼音首字母').max(30, '检索词不超过 30 字'),
});
export type TLinkCandidateQuery = z.infer<typeof ZLinkCandidateQuery>;

export const ZLinkCandidateSchema = z.object({
  kind: z.enum(LINK_KINDS),
  id: z.number().int().positive(),
  name: z.string(),
  sex: z.string(),
  /** Year and month only: enough to tell two people of one name apart. */
  born: z.string().nullable(),
  /** The member's organization, or the cadre's unit (or managing organization) and title. */
  place: z.string(),
  /** The talent record already linked to this person, if any (a second one is refused). */
  talentId: z.number().int().positive().nullable(),
});
export type TLinkCandidate = z.infer<typeof ZLinkCandidateSchema>;
export const ZLinkCandidatesSchema = z.object({ items: z.array(ZLinkCandidateSchema) });
