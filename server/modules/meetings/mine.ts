// 我的组织生活: the meetings the signed-in member was on the roster of (present or absent, with the
// reason recorded), and the planned meetings of their organization still ahead.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { MeetingKind } from '../../../domain/meeting-kinds.js';
import { ZMyMeetingsQuery, ZMyMeetingsSchema } from '../../../domain/schemas/meetings.js';
import { ctxOf } from '../../context.js';
import { notFound } from '../../errors.js';
import { myMemberId } from '../members/service.js';

export const mineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mine',
    {
      config: { action: 'member.self' },
      schema: {
        tags: ['meetings'],
        summary: '我的组织生活（本人参加的会议与出席情况）',
        querystring: ZMyMeetingsQuery,
        response: { 200: ZMyMeetingsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const { db } = ctx;
      const memberId = await myMemberId(ctx);
      const me = await db
        .selectFrom('members as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'o.kind', 'o.parent_id'])
        .where('m.id', '=', memberId)
        .executeTakeFirst();
      if (!me) throw notFound('本人党员档案');
      const today = ctx.today();
      const year = req.query.year ?? Number(today.slice(0, 4));
      const items = await db
        .selectFrom('meeting_attendance as a')
        .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select([
          'm.id',
          'o.name as org_name',
          'm.kinds',
          'm.held_on',
          'm.start_time',
          'm.place',
          'm.topic',
          'a.present',
          'a.absence_reason',
        ])
        .where('a.member_id', '=', memberId)
        .where('m.status', '=', 'held')
        .where('m.held_on', '>=', `${year}-01-01`)
        .where('m.held_on', '<=', `${year}-12-31`)
        .orderBy('m.held_on', 'desc')
        .orderBy('m.id', 'desc')
        .limit(500)
        .execute();
      // A member of a 党小组 also attends the meetings of the branch above it.
      const orgIds = me.kind === 'party_group' && me.parent_id ? [me.org_id, me.parent_id] : [me.org_id];
      const upcoming = await db
        .selectFrom('meetings as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'o.name as org_name', 'm.kinds', 'm.planned_on', 'm.start_time', 'm.place', 'm.topic'])
        .where('m.org_id', 'in', orgIds)
        .where('m.status', '=', 'planned')
        .where(sql<boolean>`m.planned_on >= ${today}::date`)
        .orderBy('m.planned_on')
        .orderBy('m.id')
        .limit(50)
        .execute();
      return {
        member: { id: me.id, name: me.name, orgName: me.org_name },
        year,
        counts: { attended: items.filter((i) => i.present).length, absent: items.filter((i) => !i.present).length },
        items: items.map((i) => ({
          id: i.id,
          orgName: i.org_name,
          kinds: i.kinds as MeetingKind[],
          heldOn: i.held_on,
          startTime: i.start_time,
          place: i.place,
          topic: i.topic,
          present: i.present,
          absenceReason: i.absence_reason,
        })),
        upcoming: upcoming.map((u) => ({
          id: u.id,
          orgName: u.org_name,
          kinds: u.kinds as MeetingKind[],
          plannedOn: u.planned_on,
          startTime: u.start_time,
          place: u.place,
          topic: u.topic,
        })),
      };
    },
  );
};
