// Excel exports of the 干部配备一览表 and of the structure tables (SECURITY.md 22): each asks its purpose,
// is audited with the filter and the row count, is rate-limited per user after authorization, and
// neutralizes formula-like cells. The roster is read unit page by unit page through the list's own
// keyset query and written by ExcelJS's streaming writer.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRosterExportQuery, ZStructureExportQuery, type TRosterPost, type TRosterUnit } from '../../../domain/schemas/cadre-units.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { rosterUnits, type UnitFilter } from './queries.js';
import { resolveFilter, rosterOf } from './service.js';
import { structureXlsx } from './structure.js';

const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `cadre-unit-export:${req.actor?.userId ?? req.ip}`,
};
const PAGE = 200;

/** One line of the sheet: a holder of a post, or an empty place of a vacant post. */
interface Line {
  unit: TRosterUnit;
  post: TRosterPost;
  holder: TRosterPost['holders'][number] | null;
}

const flagOf = (p: TRosterPost) => (p.over ? '超职数' : p.vacant ? '缺配' : '');

const COLUMNS: { header: string; width: number; value: (l: Line) => string | number | null }[] = [
  { header: '管理单位', width: 16, value: (l) => l.unit.unit.managerOrgName },
  { header: '单位', width: 24, value: (l) => l.unit.unit.name },
  { header: '单位类别', width: 12, value: (l) => l.unit.unit.kind },
  { header: '职位', width: 16, value: (l) => l.post.title },
  { header: '职务层次', width: 8, value: (l) => l.post.level },
  { header: '正/副职', width: 8, value: (l) => (l.post.principal ? '正职' : '副职') },
  { header: '职数', width: 6, value: (l) => l.post.quota },
  { header: '实配', width: 6, value: (l) => l.post.holders.length },
  { header: '配备情况', width: 8, value: (l) => flagOf(l.post) },
  { header: '姓名', width: 10, value: (l) => l.holder?.name ?? null },
  { header: '性别', width: 6, value: (l) => l.holder?.sex ?? null },
  { header: '出生年月', width: 10, value: (l) => l.holder?.birth?.slice(0, 7) ?? null },
  { header: '年龄', width: 6, value: (l) => l.holder?.age ?? null },
  { header: '任职时间', width: 12, value: (l) => l.holder?.decidedOn ?? null },
  { header: '任现职年限', width: 10, value: (l) => l.holder?.yearsInPost ?? null },
  { header: '兼任', width: 6, value: (l) => (l.holder ? (l.holder.concurrent ? '是' : '') : null) },
];

async function* lines(db: Db, f: UnitFilter, flag: 'over' | 'vacant' | undefined, onDate: string): AsyncGenerator<Line> {
  let after: { sort: number; id: number } | null = null;
  for (;;) {
    const units = await rosterUnits(db, f, flag, after, PAGE);
    for (const unit of await rosterOf(db, units, onDate))
      for (const post of unit.posts) {
        for (const holder of post.holders) yield { unit, post, holder };
        // A vacant place is a line of its own, so the sheet shows what is missing.
        for (let i = post.holders.length; i < post.quota; i++) yield { unit, post, holder: null };
      }
    if (units.length < PAGE) return;
    after = { sort: units[units.length - 1].sort, id: units[units.length - 1].id };
  }
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/roster/export',
    {
      config: { action: 'cadre.export', rateLimit: EXPORT_RATE, scope: { 'query.managerOrgId': 'org' } },
      schema: {
        tags: ['cadre-units'],
        summary: '导出干部配备一览表（Excel，与一览表筛选一致；须填写用途，记入审计）',
        querystring: ZRosterExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, flag, ...q } = req.query;
      const f = await resolveFilter(ctx, q);
      const today = ctx.today();
      let rows = 0;
      async function* counted() {
        for await (const l of lines(ctx.db, f, flag, today)) {
          rows++;
          yield l;
        }
      }
      const buffer = await toXlsx('干部配备一览表', COLUMNS, counted());
      await recordRead(ctx, 'cadre.roster.export', 'cadre_unit', { purpose, filter: { ...q, flag }, rows });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`干部配备一览表-${today.replaceAll('-', '')}.xlsx`));
      return reply.send(buffer);
    },
  );

  app.get(
    '/structure/export',
    {
      config: { action: 'cadre.export', rateLimit: EXPORT_RATE, scope: { 'query.managerOrgId': 'org', 'query.unitId': 'cadre_unit' } },
      schema: {
        tags: ['cadre-units'],
        summary: '导出干部结构统计表（Excel，每个维度一页；须填写用途，记入审计）',
        querystring: ZStructureExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, onDate, ...q } = req.query;
      const f = await resolveFilter(ctx, q);
      const on = onDate ?? ctx.today();
      const org = await ctx.db.selectFrom('orgs').select('name').where('id', '=', f.managerOrgId).executeTakeFirstOrThrow();
      const { buffer, people } = await structureXlsx(ctx.db, f, on, org.name);
      await recordRead(ctx, 'cadre.structure.export', 'cadre_unit', { purpose, filter: { ...q, onDate: on }, rows: people });
      reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`干部结构统计-${on.replaceAll('-', '')}.xlsx`));
      return reply.send(buffer);
    },
  );
};
