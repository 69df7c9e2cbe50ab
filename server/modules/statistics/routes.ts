// 党内统计 endpoints (issue 5): the catalogue, a table for an organization and a month, the people
// behind a number, exports, the age-band setting, and the check of the summaries.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCatalogue,
  ZPeopleList,
  ZPeopleQuery,
  ZStatsSettings,
  ZStatsTable,
  ZTableCode,
  ZTableQuery,
  ZVerifyBody,
  ZVerifyResult,
} from '../../../domain/schemas/statistics.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { todayCn } from '../../dates.js';
import { AppError } from '../../errors.js';
import { DEFINITIONS, GROUPS, tableDef } from './catalogue.js';
import { exportRoutes } from './export.js';
import { peopleList } from './people.js';
import { resolveTable } from './request.js';
import { getStatsSettings, putStatsSettings } from './settings.js';
import { startCompaction, verifySummaries } from './summaries.js';
import { buildTable } from './tables.js';

const tags = ['statistics'];
const COMPACT_EVERY_MS = 5000;

const TABLE_SUMMARY = `统计表：行为所选党组织（合计）、本级和各直属下级组织，列为统计项目。党员统计口径：${DEFINITIONS.members.zh}`;

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  startCompaction(app, COMPACT_EVERY_MS, () => todayCn(clock.now()));

  app.get(
    '/tables',
    {
      config: { action: 'stats.read' },
      schema: { tags, summary: '统计表目录（分组）、默认统计月份与年龄段', response: { 200: ZCatalogue } },
    },
    async (req) => ({
      month: ctxOf(req).today().slice(0, 7),
      ageBands: (await getStatsSettings(db)).ageBands,
      groups: GROUPS.map((g) => ({
        key: g.key,
        title: g.title,
        tables: g.codes.map((code) => {
          const d = tableDef(code)!;
          return { code, title: d.title, source: d.source };
        }),
      })),
    }),
  );

  app.get(
    '/tables/:code',
    {
      config: { scope: { 'params.code': 'none' }, action: 'stats.read' },
      schema: { tags, summary: TABLE_SUMMARY, params: ZTableCode, querystring: ZTableQuery, response: { 200: ZStatsTable } },
    },
    async (req) => buildTable(db, await resolveTable(ctxOf(req), req.params.code, req.query, 'stats.read')),
  );

  app.get(
    '/tables/:code/people',
    {
      config: { scope: { 'params.code': 'none' }, action: 'stats.read' },
      schema: {
        tags,
        summary: '统计数字对应的名单（与该数字同一条件，分页；total 等于表中数字）',
        params: ZTableCode,
        querystring: ZPeopleQuery,
        response: { 200: ZPeopleList },
      },
    },
    async (req) => {
      const { row, col, cursor, limit, ...q } = req.query;
      const r = await resolveTable(ctxOf(req), req.params.code, q, 'stats.read');
      return peopleList(db, { ...r, row, col }, cursor, limit);
    },
  );

  app.get(
    '/settings',
    { config: { action: 'stats.read' }, schema: { tags, summary: '统计设置（年龄段分界）', response: { 200: ZStatsSettings } } },
    () => getStatsSettings(db),
  );

  app.put(
    '/settings',
    {
      config: { action: 'stats.export' },
      schema: { tags, summary: '修改统计设置（市级组织部门）', body: ZStatsSettings, response: { 200: ZStatsSettings } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const root = await db.selectFrom('orgs').select('parent_id').where('id', '=', ctx.actor.orgId).executeTakeFirst();
      if (root?.parent_id !== null) throw new AppError('SETTINGS_LEVEL', '统计设置只能由市级组织部门修改', 403);
      const before = await getStatsSettings(db);
      await audited(
        ctx,
        { action: 'stats.settings', objectType: 'settings', objectId: () => 'statistics', detail: () => ({ before, after: req.body }) },
        (trx: Trx) => putStatsSettings(trx, req.body, ctx.clock.now()),
      );
      return getStatsSettings(db);
    },
  );

  app.post(
    '/summaries/verify',
    {
      config: { action: 'system.config' },
      schema: {
        tags,
        summary: '核对统计汇总表与党员、组织数据（repair=true 时不一致即重建）',
        body: ZVerifyBody,
        response: { 200: ZVerifyResult },
      },
    },
    async (req) =>
      audited(
        ctxOf(req),
        {
          action: req.body.repair ? 'stats.repair' : 'stats.verify',
          objectType: 'settings',
          objectId: () => 'stat_cells',
          detail: (r) => ({ mismatches: r.mismatches, repaired: r.repaired, cells: r.cells }),
        },
        (trx: Trx) => verifySummaries(trx, req.body.repair),
      ),
  );

  await app.register(exportRoutes);
};
