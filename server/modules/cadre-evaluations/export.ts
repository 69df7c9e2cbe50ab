// Excel export of a closed 民主测评's results (SECURITY.md 22: a purpose, an audit row): one row per
// person × item × voter category, then the item over all categories, then the person's weighted total.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import { ZEvaluationExportQuery, type TEvaluationResults, type TTally } from '../../../domain/schemas/cadre-evaluations.js';
import { ANSWER_SETS } from '../../../domain/rules/democratic-evaluation.js';
import { recordRead } from '../../audit/record.js';
import { ctxOf, type Ctx } from '../../context.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import type { EvaluationRow } from './queries.js';
import { evaluationResults } from './service.js';

interface Line {
  person: string;
  title: string;
  item: string;
  weight: number | null;
  category: string;
  tally: TTally | null;
  set: keyof typeof ANSWER_SETS;
  score: number | null;
}

/** The sheet's rows, in reading order. */
export function resultLines(r: TEvaluationResults): Line[] {
  const catName = new Map(r.evaluation.categories.map((c) => [c.key, c.name]));
  const out: Line[] = [];
  for (const s of r.subjects) {
    for (const it of s.items) {
      for (const [c, t] of Object.entries(it.byCategory))
        out.push({
          person: s.name,
          title: s.title,
          item: it.label,
          weight: it.weight,
          category: catName.get(c) ?? c,
          tally: t,
          set: it.set,
          score: t.score,
        });
      out.push({
        person: s.name,
        title: s.title,
        item: it.label,
        weight: it.weight,
        category: '全部',
        tally: it.all,
        set: it.set,
        score: it.all.score,
      });
    }
    out.push({
      person: s.name,
      title: s.title,
      item: '加权总分',
      weight: null,
      category: '按类别权重',
      tally: null,
      set: s.items[0]?.set ?? 'grade',
      score: s.total,
    });
  }
  return out;
}

const answerText = (l: Line) => (l.tally ? ANSWER_SETS[l.set].map((o) => `${o.zh} ${l.tally!.counts[o.key] ?? 0}`).join('，') : '');

export function registerEvaluationExport(app: FastifyInstance, evaluationOf: (ctx: Ctx, id: number) => Promise<EvaluationRow>) {
  const plugin: FastifyPluginAsyncZod = async (r) => {
    r.get(
      '/:id/export',
      {
        config: { action: 'cadre.evaluate', scope: { 'params.id': 'cadre_evaluation' }, rateLimit: { max: 30, timeWindow: 60_000 } },
        schema: {
          tags: ['cadre-evaluations'],
          summary: '导出民主测评结果（Excel）',
          params: ZIdParam,
          querystring: ZEvaluationExportQuery,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        const results = await evaluationResults(ctx, await evaluationOf(ctx, req.params.id));
        const lines = resultLines(results);
        const buf = await toXlsx<Line>(
          '民主测评结果',
          [
            { header: '测评对象', width: 16, value: (l) => l.person },
            { header: '职务', width: 28, value: (l) => l.title },
            { header: '测评项目', width: 10, value: (l) => l.item },
            { header: '项目权重', width: 8, value: (l) => l.weight },
            { header: '参评人员类别', width: 14, value: (l) => l.category },
            { header: '有效票', width: 8, value: (l) => l.tally?.answered ?? null },
            { header: '各选项票数', width: 44, value: answerText },
            { header: '得分', width: 8, value: (l) => l.score },
            { header: '优秀率/满意率/赞成率（%）', width: 14, value: (l) => l.tally?.topRate ?? null },
            {
              header: '称职以上率/基本满意以上率（%）',
              width: 16,
              value: (l) => (l.set === 'approval' ? null : (l.tally?.acceptableRate ?? null)),
            },
          ],
          lines,
        );
        await recordRead(ctx, 'evaluation.export', 'cadre_evaluation', {
          evaluationId: req.params.id,
          purpose: req.query.purpose,
          rows: lines.length,
        });
        reply
          .header('Content-Type', XLSX_TYPE)
          .header('Content-Disposition', attachmentHeader(`民主测评结果-${results.evaluation.title}-${ctx.today()}.xlsx`));
        return reply.send(buf);
      },
    );
  };
  return app.register(plugin);
}
