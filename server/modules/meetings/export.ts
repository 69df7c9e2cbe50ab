// The meetings export: exactly the rows the list shows for the same filters (the same query, paged
// by the same keyset). Asks for its purpose, is audited with filter and row count, rate limited,
// and formula-like cells are neutralized by toXlsx (SECURITY.md 22, 26).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../domain/meeting-kinds.js';
import { MEETING_STATUS_LABELS, ZMeetingExportQuery } from '../../../domain/schemas/meetings.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf } from '../../context.js';
import type { Db } from '../../db/engine.js';
import { attachmentHeader, toXlsx, XLSX_TYPE, type Column } from '../../export/xlsx.js';
import { invalid } from '../../errors.js';
import { dayCn } from './changes.js';
import { countMeetings, listPage, type ListRow, type ResolvedFilter } from './queries.js';
import { resolveFilter } from './service.js';

const EXPORT_MAX = 100_000;
const PAGE = 2000;
const EXPORT_RATE = {
  max: 10,
  timeWindow: 60_000,
  hook: 'preHandler' as const,
  keyGenerator: (req: FastifyRequest) => `meeting-export:${req.actor?.userId ?? req.ip}`,
};

const COLUMNS: Column<ListRow>[] = [
  { header: '党组织', width: 30, value: (r) => r.org_name },
  { header: '会议类型', width: 24, value: (r) => r.kinds.map((k) => MEETING_KIND_LABELS[k as MeetingKind]?.zh ?? k).join('、') },
  { header: '状态', width: 8, value: (r) => MEETING_STATUS_LABELS[r.status].zh },
  { header: '召开日期', width: 12, value: (r) => r.held_on },
  { header: '计划日期', width: 12, value: (r) => r.planned_on },
  { header: '开始时间', width: 8, value: (r) => r.start_time },
  { header: '地点', width: 20, value: (r) => r.place },
  { header: '会议主题', width: 36, value: (r) => r.topic },
  { header: '主持人', width: 10, value: (r) => r.host },
  { header: '记录人', width: 10, value: (r) => r.recorder },
  { header: '应到', width: 6, value: (r) => r.should_attend },
  { header: '实到', width: 6, value: (r) => r.present },
  { header: '补录', width: 6, value: (r) => (r.late ? '补录' : '') },
  { header: '登记日期', width: 12, value: (r) => (r.recorded_at ? dayCn(r.recorded_at) : null) },
  { header: '附件数', width: 8, value: (r) => r.attachment_count },
];

async function* allRows(db: Db, f: ResolvedFilter): AsyncGenerator<ListRow> {
  let after: { key: string; id: number } | null = null;
  for (;;) {
    const page = await listPage(db, f, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = { key: page[page.length - 1].sort_key, id: page[page.length - 1].id };
  }
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/export',
    {
      config: { action: 'life.read', rateLimit: EXPORT_RATE },
      schema: { tags: ['meetings'], summary: '导出会议记录（Excel，与列表筛选一致，须填写用途）', querystring: ZMeetingExportQuery },
    },
    async (req, reply) => {
      const { purpose, ...f } = req.query;
      const ctx = ctxOf(req);
      const { db } = ctx;
      const filter = await resolveFilter(ctx, f, 'life.read');
      if ((await countMeetings(db, filter)) > EXPORT_MAX)
        throw invalid(`导出行数超过 ${EXPORT_MAX.toLocaleString()} 行，请缩小筛选范围`, 'orgId');
      let rows = 0;
      async function* counted() {
        for await (const r of allRows(db, filter)) {
          rows++;
          yield r;
        }
      }
      const buf = await toXlsx('会议记录', COLUMNS, counted());
      await recordRead(ctx, 'meeting.export', 'meeting', { purpose, filter: f, rows });
      reply.header('Content-Type', XLSX_TYPE).header('Content-Disposition', attachmentHeader(`会议记录-${ctx.today()}.xlsx`));
      return reply.send(buf);
    },
  );
};
