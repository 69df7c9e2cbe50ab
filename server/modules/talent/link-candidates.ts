// The talent form's look-up of a Party member or a cadre (issue 15 point 1): by name or pinyin initials, within
// the officer's scope, through the members' and cadres' own list queries (an aggregator reads other areas through
// their queries, not their tables). The talent office holds talent.write, not member.read: it sees only what it
// needs to pick the right person (name, sex, year and month of birth, where they are), never the member file.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Ctx } from '../../context.js';
import { ctxOf } from '../../context.js';
import { listPage as memberPage } from '../members/queries.js';
import { listPage as cadrePage } from '../cadres/queries.js';
import { COUNTED_STATUSES } from '../../../domain/member-status.js';
import { ZLinkCandidateQuery, ZLinkCandidatesSchema, type TLinkCandidate } from '../../../domain/schemas/talent-link.js';

const PER_KIND = 10;

/** Latin letters are pinyin initials, anything else a name infix (the members' and cadres' search box). */
const searchOf = (q: string) =>
  /^[A-Za-z]+$/.test(q) ? { kind: 'initials' as const, prefix: q.toLowerCase() } : { kind: 'name' as const, infix: q };

export async function linkCandidates(ctx: Ctx, q: string): Promise<TLinkCandidate[]> {
  const search = searchOf(q);
  const path = ctx.actor.scopePath;
  const [members, cadres] = await Promise.all([
    memberPage(ctx.db, { path, statuses: COUNTED_STATUSES, search }, null, PER_KIND),
    cadrePage(ctx.db, { path, search, status: 'active' }, null, PER_KIND),
  ]);
  const memberIds = members.map((m) => m.id);
  const cadreIds = cadres.map((c) => c.id);
  const linked =
    memberIds.length + cadreIds.length
      ? await ctx.db
          .selectFrom('talent_people')
          .select(['id', 'member_id', 'cadre_id'])
          .where((eb) =>
            eb.or([
              ...(memberIds.length ? [eb('member_id', 'in', memberIds)] : []),
              ...(cadreIds.length ? [eb('cadre_id', 'in', cadreIds)] : []),
            ]),
          )
          .execute()
      : [];
  // A cadre who is also a member is offered once, as the cadre (the richer record, which keeps the member link).
  const viaCadre = new Set(cadres.map((c) => c.member_id).filter((x): x is number => x !== null));
  const born = (d: string | null) => (d ? d.slice(0, 7) : null);
  return [
    ...cadres.map((c) => ({
      kind: 'cadre' as const,
      id: c.id,
      name: c.name,
      sex: c.sex,
      born: born(c.birth),
      place: [c.unit_name ?? c.manager_org_name, c.current_title].filter(Boolean).join(' · '),
      talentId: linked.find((l) => l.cadre_id === c.id)?.id ?? null,
    })),
    ...members
      .filter((m) => !viaCadre.has(m.id))
      .map((m) => ({
        kind: 'member' as const,
        id: m.id,
        name: m.name,
        sex: m.gender,
        born: born(m.birth_date),
        place: m.org_name,
        talentId: linked.find((l) => l.member_id === m.id)?.id ?? null,
      })),
  ];
}

export const linkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/link-candidates',
    {
      config: { action: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: '登记人才时检索可关联的党员或干部（姓名或拼音首字母，本辖区）',
        querystring: ZLinkCandidateQuery,
        response: { 200: ZLinkCandidatesSchema },
      },
    },
    async (req) => ({ items: await linkCandidates(ctxOf(req), req.query.q) }),
  );
};
