// Meetings (组织生活) endpoints under /api/meetings: parse, authorize (route `action`), scope, then
// call the service. Attachments, 民主评议党员, the member's own page and the export are sub-plugins.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZMeetingCreateSchema,
  ZMeetingDetailSchema,
  ZMeetingListQuery,
  ZMeetingListSchema,
  ZMeetingSettingsSchema,
  ZMeetingUpdateSchema,
  ZRosterQuery,
  ZRosterSchema,
} from '../../../domain/schemas/meetings.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { forbidden } from '../../errors.js';
import { loadOrg } from '../orgs/service.js';
import { createMeeting, updateMeeting, type WriteResult } from './changes.js';
import { rosterOf } from './queries.js';
import { listMeetings, loadMeeting, meetingDetail, resolveFilter } from './service.js';
import { getMeetingSettings, putMeetingSettings } from './settings.js';
import { attachmentRoutes } from './attachments.js';
import { appraisalRoutes } from './appraisal-routes.js';
import { mineRoutes } from './mine.js';
import { exportRoutes } from './export.js';

const tags = ['meetings'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const auditDetail = (body: object) => (r: WriteResult) => ({
    ...body,
    status: r.status,
    late: r.late,
    ...(r.changed.length ? { changed: r.changed } : {}),
  });

  app.get(
    '/',
    {
      config: { action: 'life.read' },
      schema: {
        tags,
        summary: '会议记录列表（按组织或含下级，按类型、状态、日期、补录筛选；新的在前，键集分页）',
        querystring: ZMeetingListQuery,
        response: { 200: ZMeetingListSchema },
      },
    },
    async (req) => {
      const { cursor, limit, ...f } = req.query;
      const ctx = ctxOf(req);
      return listMeetings(ctx, await resolveFilter(ctx, f, 'life.read'), cursor, limit);
    },
  );

  app.get(
    '/roster',
    {
      config: { action: 'life.read' },
      schema: {
        tags,
        summary: '组织的应参会党员名单（本组织及所属党小组的党员）',
        querystring: ZRosterQuery,
        response: { 200: ZRosterSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'life.read', req.query.orgId);
      const rows = await rosterOf(ctx.db, org.id);
      return {
        orgId: org.id,
        orgName: org.name,
        items: rows.map((r) => ({ memberId: r.member_id, name: r.name, gender: r.gender, category: r.category, groupName: r.group_name })),
      };
    },
  );

  app.get(
    '/settings',
    {
      config: { action: 'life.read' },
      schema: { tags, summary: '组织生活登记设置（超过多少天登记视为补录）', response: { 200: ZMeetingSettingsSchema } },
    },
    () => getMeetingSettings(db),
  );

  app.put(
    '/settings',
    {
      config: { action: 'life.config' },
      schema: {
        tags,
        summary: '修改组织生活登记设置（市级组织部）',
        body: ZMeetingSettingsSchema,
        response: { 200: ZMeetingSettingsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // A city-wide setting: only staff bound to the root organization may change it.
      if (ctx.actor.scopePath.includes('.')) throw forbidden();
      const before = await getMeetingSettings(ctx.db);
      return audited(
        ctx,
        { action: 'meeting.settings', objectType: 'settings', objectId: () => 'meetings', detail: () => ({ before, after: req.body }) },
        (trx: Trx) => putMeetingSettings(trx, req.body, ctx.clock.now()),
      );
    },
  );

  app.post(
    '/',
    {
      config: { action: 'life.write' },
      schema: {
        tags,
        summary: '登记会议（计划或已召开；可同时属于多种类型；逾期登记标记为补录）',
        body: ZMeetingCreateSchema,
        response: { 201: ZMeetingDetailSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'life.write', req.body.orgId);
      const [settings, roster] = await Promise.all([getMeetingSettings(ctx.db), rosterOf(ctx.db, org.id)]);
      const w = {
        now: ctx.clock.now(),
        lateAfterDays: settings.lateAfterDays,
        allowedMembers: new Set(roster.map((r) => r.member_id)),
        userId: ctx.actor.userId,
      };
      const b = req.body;
      const r = await audited(
        ctx,
        {
          action: 'meeting.create',
          objectType: 'meeting',
          objectId: (x) => x.id,
          detail: auditDetail({
            orgId: org.id,
            kinds: b.kinds,
            heldOn: b.heldOn ?? null,
            plannedOn: b.plannedOn ?? null,
            attendance: b.attendance?.length ?? 0,
          }),
        },
        (trx: Trx) => createMeeting(trx, org.id, b, w),
      );
      return reply.code(201).send(await meetingDetail(ctx, r.id));
    },
  );

  app.get(
    '/:id',
    {
      config: { scope: { 'params.id': 'meeting' }, action: 'life.read' },
      schema: { tags, summary: '会议详情（出席名单、附件）', params: ZIdParam, response: { 200: ZMeetingDetailSchema } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return meetingDetail(ctx, (await loadMeeting(ctx, 'life.read', req.params.id)).id);
    },
  );

  app.patch(
    '/:id',
    {
      config: { scope: { 'params.id': 'meeting' }, action: 'life.write' },
      schema: {
        tags,
        summary: '修改会议记录（带版本号；计划→已召开；取消）',
        params: ZIdParam,
        body: ZMeetingUpdateSchema,
        response: { 200: ZMeetingDetailSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const m = await loadMeeting(ctx, 'life.write', req.params.id);
      const { db } = ctx;
      const [settings, roster, current] = await Promise.all([
        getMeetingSettings(db),
        rosterOf(db, m.org_id),
        db.selectFrom('meeting_attendance').select('member_id').where('meeting_id', '=', m.id).execute(),
      ]);
      // Those already on the record stay allowed even if they have since left the roster.
      const allowed = new Set([...roster.map((r) => r.member_id), ...current.map((c) => c.member_id)]);
      const w = { now: ctx.clock.now(), lateAfterDays: settings.lateAfterDays, allowedMembers: allowed, userId: ctx.actor.userId };
      await audited(
        ctx,
        {
          action: req.body.status === 'cancelled' && m.status !== 'cancelled' ? 'meeting.cancel' : 'meeting.update',
          objectType: 'meeting',
          objectId: () => m.id,
          detail: auditDetail({ orgId: m.org_id }),
        },
        (trx: Trx) => updateMeeting(trx, m, req.body, w),
      );
      return meetingDetail(ctx, m.id);
    },
  );

  await app.register(attachmentRoutes);
  await app.register(appraisalRoutes, { prefix: '/appraisals' });
  await app.register(mineRoutes);
  await app.register(exportRoutes);
};
