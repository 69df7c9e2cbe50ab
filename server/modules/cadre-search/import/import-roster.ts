// The 干部花名册 import: all or nothing. Every row is read, validated and matched to a cadre of the
// importer's scope (match.ts) first; any problem → nothing written and every problem named by row
// and column. Otherwise all rows are written in ONE transaction with its audit row (cadre.import),
// through the cadre file's one writer in its set-based form (roster-writer.ts).
import type { TRosterError, TRosterImportResult } from '../../../../domain/schemas/cadre-search.js';
import { audited, recordRead } from '../../../audit/record.js';
import type { Ctx } from '../../../context.js';
import { scopeSql } from '../../../scope/access.js';
import { CadreMatcher, type MatchResult } from './match.js';
import { readRosterRows } from './read-rows.js';
import { writeRoster, type PlannedRow } from './roster-writer.js';
import { inTrx } from '../../../context.js';
import { validateRosterRow, type RosterLookups } from './validate-row.js';

const MAX_REPORTED_ERRORS = 1000;

async function lookupsOf(ctx: Ctx): Promise<RosterLookups> {
  const [units, orgs] = await Promise.all([
    ctx.db
      .selectFrom('cadre_units')
      .select(['id', 'name', 'short_name', 'manager_org_id'])
      .where(scopeSql('manager_path', ctx.actor.scopePath))
      .where('dissolved_on', 'is', null)
      .execute(),
    ctx.db.selectFrom('orgs').select(['id', 'name', 'code']).where(scopeSql('path', ctx.actor.scopePath)).execute(),
  ]);
  return {
    units: units.map((u) => ({ ...u, id: Number(u.id), manager_org_id: Number(u.manager_org_id) })),
    orgs: orgs.map((o) => ({ ...o, id: Number(o.id) })),
  };
}

async function matcherOf(ctx: Ctx): Promise<CadreMatcher> {
  const rows = await ctx.db
    .selectFrom('cadres')
    .select(['id', 'name', 'birth', 'id_hash'])
    .where(scopeSql('manager_path', ctx.actor.scopePath))
    .execute();
  return new CadreMatcher(rows.map((r) => ({ id: Number(r.id), name: r.name, birth: r.birth, idHash: r.id_hash })));
}

type Planned = PlannedRow & { decision: Exclude<MatchResult, { kind: 'error' }> };

/** Validates and matches every row; the plan when all passed, else the errors. */
export async function planRosterImport(ctx: Ctx, file: Buffer): Promise<{ rows: number; plan: Planned[]; errors: TRosterError[] }> {
  const rows = await readRosterRows(file);
  const [lookups, matcher] = await Promise.all([lookupsOf(ctx), matcherOf(ctx)]);
  const errors: TRosterError[] = [];
  const plan: Planned[] = [];
  for (const r of rows) {
    const v = validateRosterRow(r, lookups);
    errors.push(...v.errors);
    if (!v.fields) continue;
    const m = matcher.match({
      row: r.row,
      name: v.fields.name,
      birth: v.fields.birth,
      idHash: v.fields.idNumber ? ctx.crypto.hash(v.fields.idNumber) : undefined,
    });
    if (m.kind === 'error') errors.push(m.error);
    else plan.push({ row: r.row, fields: v.fields, decision: m });
  }
  return { rows: rows.length, plan, errors };
}

export async function importRoster(ctx: Ctx, file: Buffer, fileName: string, dryRun: boolean): Promise<TRosterImportResult> {
  const { rows, plan, errors } = await planRosterImport(ctx, file);
  const created = plan.filter((p) => p.decision.kind === 'create').length;
  const base = { rows, created, updated: plan.length - created, dryRun };
  if (rows === 0) errors.push({ row: 1, column: '姓名', message: '文件中没有干部数据' });
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    await recordRead(ctx, 'cadre.import', 'cadre', { fileName, rows, errors: errors.length, written: 0 });
    return { ...base, ok: false, created: 0, updated: 0, errorCount: errors.length, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  }
  if (dryRun) return { ...base, ok: true, errorCount: 0, errors: [] };
  // A row the file's writer refuses (a post change without its appointment, a reviewed item changed
  // without a reason, an identity number another file holds) is named with its row; any refusal rolls
  // the whole import back.
  let refused: TRosterError[] = [];
  const ROLLBACK = new Error('roster import rolled back');
  try {
    await audited(
      ctx,
      { action: 'cadre.import', objectType: 'cadre', detail: () => ({ fileName, rows, created, updated: base.updated }) },
      async (trx) => {
        refused = await writeRoster(inTrx(ctx, trx), plan, ctx.actor.orgId);
        if (refused.length) throw ROLLBACK;
      },
    );
  } catch (e) {
    if (e !== ROLLBACK) throw e;
    await recordRead(ctx, 'cadre.import', 'cadre', { fileName, rows, errors: refused.length, written: 0 });
    return { ...base, ok: false, created: 0, updated: 0, errorCount: refused.length, errors: refused.slice(0, MAX_REPORTED_ERRORS) };
  }
  return { ...base, ok: true, errorCount: 0, errors: [] };
}
