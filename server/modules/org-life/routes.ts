// Organizational-life compliance endpoints (issue 4 point 2): the drill-down monitor, one unit's checks,
// the list of units with gaps and its export, and the versioned frequency rules (RULES.md §3).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZComplianceQuery,
  ZComplianceSchema,
  ZMissingListSchema,
  ZMissingQuery,
  ZRuleVersionsBody,
  ZRuleVersionsSchema,
  ZUnitComplianceQuery,
  ZUnitComplianceSchema,
  type TRuleVersions,
} from '../../../domain/schemas/org-life.js';
import { periodKeyOf, ruleSetOn, type PeriodKind } from '../../../domain/rules/org-life.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { ctxOf } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { loadOrg } from '../orgs/service.js';
import { ancestorsInScope } from '../orgs/queries.js';
import { todayCn } from '../../dates.js';
import { UNIT_KINDS, unitCompliance, unitHasCommittee } from './compliance.js';
import { complianceOverview, missingPage, periodOrThrow } from './compliance-view.js';
import { putCityRuleVersions, ruleSets } from './rule-store.js';
import { registerComplianceExport } from './export.js';

const tags = ['org-life'];

export const orgLifeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;
  const today = () => todayCn(clock.now());
  const periodOf = (q: { period: PeriodKind; key?: string }) => periodOrThrow(q.period, q.key ?? periodKeyOf(q.period, today()));

  app.get(
    '/compliance',
    {
      config: { action: 'life.read' },
      schema: {
        tags,
        summary: '组织生活合规监测：下级组织汇总（按月、季度、年）',
        querystring: ZComplianceQuery,
        response: { 200: ZComplianceSchema },
      },
    },
    async (req) => {
      const period = periodOf(req.query);
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'life.read', req.query.orgId ?? ctx.actor.orgId);
      return complianceOverview(ctx.db, ctx.actor.scopePath, org, period, today());
    },
  );

  app.get(
    '/compliance/unit/:id',
    {
      config: { scope: { 'params.id': 'org' }, action: 'life.read' },
      schema: {
        tags,
        summary: '一个党支部（党小组）应开展的组织生活及开展情况',
        params: ZIdParam,
        querystring: ZUnitComplianceQuery,
        response: { 200: ZUnitComplianceSchema },
      },
    },
    async (req) => {
      const period = periodOf(req.query);
      const ctx = ctxOf(req);
      const { db } = ctx;
      const org = await loadOrg(ctx, 'life.read', req.params.id);
      if (!UNIT_KINDS.includes(org.kind)) throw invalid('只有党支部和党小组有组织生活检查项，请选择下级党支部', 'orgId');
      const [unit] = await unitCompliance(db, org.path, period, today(), { orgIds: [org.id] });
      return {
        orgId: org.id,
        orgName: org.name,
        orgKind: org.kind,
        hasCommittee: org.kind !== 'party_group' && (await unitHasCommittee(db, org.id)),
        path: await ancestorsInScope(db, org.path, ctx.actor.scopePath),
        period,
        today: today(),
        checks: unit?.checks ?? [],
      };
    },
  );

  app.get(
    '/compliance/missing',
    {
      config: { action: 'life.read' },
      schema: {
        tags,
        summary: '组织生活未开展名单（未开展项多的在前，分页）',
        querystring: ZMissingQuery,
        response: { 200: ZMissingListSchema },
      },
    },
    async (req) => {
      const period = periodOf(req.query);
      const ctx = ctxOf(req);
      const org = await loadOrg(ctx, 'life.read', req.query.orgId ?? ctx.actor.orgId);
      return missingPage(ctx.db, org, period, today(), req.query.offset, req.query.limit);
    },
  );

  registerComplianceExport(app);

  const versions = async (): Promise<TRuleVersions> => {
    const sets = await ruleSets(db);
    const d = today();
    return {
      versions: sets.map((s, i) => ({
        version: s.version,
        effectiveFrom: s.effectiveFrom,
        title: s.title,
        rules: s.rules,
        builtIn: i === 0,
      })),
      inForce: ruleSetOn(d, sets).version,
      today: d,
    };
  };

  app.get(
    '/rules',
    {
      config: { action: 'life.read' },
      schema: { tags, summary: '组织生活频次规则（各版本及生效日期）', response: { 200: ZRuleVersionsSchema } },
    },
    () => versions(),
  );

  app.put(
    '/rules',
    {
      config: { action: 'life.config' },
      schema: {
        tags,
        summary: '设置本市组织生活频次规则版本（新版本自生效日期起适用，已生效版本不可修改）',
        body: ZRuleVersionsBody,
        response: { 200: ZRuleVersionsSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      // One rule set for the whole city: the city's organization department keeps it.
      const root = await db.selectFrom('orgs').select('parent_id').where('id', '=', ctx.actor.orgId).executeTakeFirst();
      if (root?.parent_id !== null) throw new AppError('SETTINGS_LEVEL', '组织生活频次规则只能由市级组织部门修改', 403);
      await audited(
        ctx,
        {
          action: 'life.rules',
          objectType: 'settings',
          objectId: () => 'org_life_rules',
          detail: (sets) => ({
            versions: sets.map((s) => ({
              effectiveFrom: s.effectiveFrom,
              title: s.title,
              rules: s.rules.map((r) => `${r.kind}:${r.frequency}`),
            })),
          }),
        },
        (trx: Trx) => putCityRuleVersions(trx, req.body.versions, ctx.today(), ctx.clock.now()),
      );
      return versions();
    },
  );
};
