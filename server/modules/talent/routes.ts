// The talent registry's endpoints (issue 15 points 1–2): the list, the person's page, create and edit
// through the one writer, the card (issue, renew, print), the structure, the export with its purpose,
// tier sets (talent.config), employers and districts for the forms. A talent lies in its employer's
// district: a district officer sees that district, the city's office everything.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZCardIssueSchema,
  ZExportQuery,
  ZStructureQuery,
  ZStructureSchema,
  ZTalentCreateSchema,
  ZTalentListQuery,
  ZTalentPageSchema,
  ZTalentSchema,
  ZTalentUpdateSchema,
  ZTierSetCreateSchema,
  ZTierSetSchema,
} from '../../../domain/schemas/talent.js';
import { audited, recordRead } from '../../audit/record.js';
import { ctxOf, inTrx } from '../../context.js';
import { conflict } from '../../errors.js';
import { attachmentHeader, toXlsx, XLSX_TYPE } from '../../export/xlsx.js';
import { cardPdf } from './card-pdf.js';
import { filtered, listPage, presentRow, rowColumns } from './queries.js';
import { createTalent, createTierSet, getTalent, issueCard, tierSets, updateTalent } from './service.js';
import { districts, employers, structure } from './structure.js';

const tags = ['talent'];
const personScope = { 'params.id': 'talent_person' } as const;
// A linked member or cadre must lie in the officer's scope too (404 and an audited refusal otherwise).
const linkScope = { 'body.memberId': 'member', 'body.cadreId': 'cadre' } as const;
const EXPORT_MAX = 50_000;

export const talentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/people',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '人才库（按层次、领域、行业、单位、区、引进方式、人才卡到期筛选；姓名或拼音首字母检索）',
        querystring: ZTalentListQuery,
        response: { 200: ZTalentPageSchema },
      },
    },
    (req) => {
      const ctx = ctxOf(req);
      const { cursor, limit, ...f } = req.query;
      return listPage(ctx.db, ctx.actor.scopePath, f, cursor, limit, ctx.today());
    },
  );

  app.post(
    '/people',
    {
      config: { action: 'talent.write', scope: linkScope },
      schema: {
        tags,
        summary: '登记人才（党员或干部关联时身份信息取自其档案）',
        body: ZTalentCreateSchema,
        response: { 201: ZTalentSchema },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await audited<number>(ctx, { action: 'talent.create', objectType: 'talent_person', objectId: (r: number) => r }, (trx) =>
        createTalent(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(await getTalent(ctx.db, id));
    },
  );

  app.get(
    '/people/:id',
    {
      config: { action: 'talent.read', scope: personScope },
      schema: { tags, summary: '人才详情（学位、职称、材料、人才卡、评价与变更记录）', params: ZIdParam, response: { 200: ZTalentSchema } },
    },
    (req) => getTalent(ctxOf(req).db, req.params.id),
  );

  app.put(
    '/people/:id',
    {
      config: { action: 'talent.write', scope: { ...personScope, ...linkScope } },
      schema: {
        tags,
        summary: '修改人才信息（版本冲突时 409）',
        params: ZIdParam,
        body: ZTalentUpdateSchema,
        response: { 200: ZTalentSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(ctx, { action: 'talent.update', objectType: 'talent_person', objectId: () => req.params.id }, (trx) =>
        updateTalent(inTrx(ctx, trx), req.params.id, req.body),
      );
      return getTalent(ctx.db, req.params.id);
    },
  );

  app.post(
    '/people/:id/card',
    {
      config: { action: 'talent.write', scope: personScope },
      schema: {
        tags,
        summary: '发放或续期人才卡（有效期按层次的年限；续期时记下最近一次评价）',
        params: ZIdParam,
        body: ZCardIssueSchema,
        response: { 200: ZTalentSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await audited(
        ctx,
        {
          action: 'talent.card.issue',
          objectType: 'talent_person',
          objectId: () => req.params.id,
          detail: () => ({ tierId: req.body.tierId, issuedOn: req.body.issuedOn }),
        },
        (trx) => issueCard(inTrx(ctx, trx), req.params.id, req.body),
      );
      return getTalent(ctx.db, req.params.id);
    },
  );

  app.get(
    '/people/:id/card.pdf',
    {
      config: { action: 'talent.read', scope: personScope },
      schema: { tags, summary: '打印人才卡（PDF，含核验二维码）', params: ZIdParam },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const p = await getTalent(ctx.db, req.params.id);
      if (!p.cardNo || !p.cardIssuedOn || !p.cardExpiresOn || !p.tierName) throw conflict('该人才尚未发放人才卡', 'cardNo');
      const city = await ctx.db.selectFrom('orgs').select('name').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
      const pdf = await cardPdf({
        name: p.name,
        sex: p.sex,
        employer: p.employerName,
        tierSet: p.tierSetName ?? '',
        tier: p.tierName,
        cardNo: p.cardNo,
        issuedOn: p.cardIssuedOn,
        expiresOn: p.cardExpiresOn,
        cityName: (city?.name ?? '').replace(/委员会$|市委$/, '') || '',
      });
      await recordRead(ctx, 'talent.card.print', 'talent_person', { personId: p.id, cardNo: p.cardNo });
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `attachment; filename="card.pdf"; filename*=UTF-8''${encodeURIComponent(`人才卡-${p.cardNo}.pdf`)}`)
        .send(pdf);
    },
  );

  app.get(
    '/structure',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '人才结构（按层次、领域、单位、区、行业、引进方式统计，可下钻到名单）',
        querystring: ZStructureQuery,
        response: { 200: ZStructureSchema },
      },
    },
    (req) => structure(ctxOf(req), req.query.by),
  );

  app.get(
    '/export',
    {
      config: { action: 'talent.export' },
      schema: { tags, summary: '导出人才名单（Excel，需填写用途，记入审计）', querystring: ZExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { purpose, ...f } = req.query;
      const rows = await rowColumns(filtered(ctx.db, ctx.actor.scopePath, f, ctx.today()))
        .orderBy('t.sort_key')
        .orderBy('t.id')
        .limit(EXPORT_MAX)
        .execute();
      const items = rows.map(presentRow);
      const buffer = await toXlsx(
        '人才名单',
        [
          { header: '姓名', width: 10, value: (r: (typeof items)[number]) => r.name },
          { header: '性别', width: 6, value: (r) => r.sex },
          { header: '出生日期', width: 12, value: (r) => r.birth },
          { header: '用人单位', width: 28, value: (r) => r.employerName },
          { header: '所在区', width: 14, value: (r) => r.districtName },
          { header: '专业领域', width: 14, value: (r) => r.field },
          { header: '行业', width: 14, value: (r) => r.industry },
          { header: '引进方式', width: 10, value: (r) => (r.recruitment === 'flexible' ? '柔性引进' : '全职引进') },
          { header: '人才层次', width: 18, value: (r) => (r.tierName ? `${r.tierSetName} · ${r.tierName}` : '') },
          { header: '人才卡号', width: 16, value: (r) => r.cardNo },
          { header: '人才卡有效期至', width: 14, value: (r) => r.cardExpiresOn },
        ],
        items,
      );
      await recordRead(ctx, 'talent.export', 'talent_person', { purpose, filter: f, rows: items.length });
      const today = ctx.today().replaceAll('-', '');
      return reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', attachmentHeader(`人才名单-${today}.xlsx`))
        .send(buffer);
    },
  );

  app.get(
    '/tier-sets',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '人才分类目录（层次、人才卡年限、是否专家评审、评审指标；有生效与废止日期）',
        response: { 200: z.object({ items: z.array(ZTierSetSchema) }) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return { items: await tierSets(ctx.db, ctx.today()) };
    },
  );

  app.post(
    '/tier-sets',
    {
      config: { action: 'talent.config' },
      schema: {
        tags,
        summary: '新建人才分类目录（自生效日起替代此前的目录）',
        body: ZTierSetCreateSchema,
        response: { 201: z.object({ items: z.array(ZTierSetSchema) }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await audited<number>(
        ctx,
        {
          action: 'talent.tier_set.create',
          objectType: 'talent_tier_set',
          objectId: (id: number) => id,
          detail: () => ({ code: req.body.code, effectiveOn: req.body.effectiveOn }),
        },
        (trx) => createTierSet(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send({ items: await tierSets(ctx.db, ctx.today()) });
    },
  );

  app.get(
    '/employers',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '用人单位（本辖区）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                name: z.string(),
                districtOrgId: z.number(),
                districtName: z.string(),
                industry: z.string(),
                kind: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await employers(ctxOf(req)) }),
  );

  app.get(
    '/districts',
    {
      config: { action: 'talent.read' },
      schema: {
        tags,
        summary: '有用人单位的区（本辖区）',
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) }) },
      },
    },
    async (req) => ({ items: await districts(ctxOf(req)) }),
  );
};
