// The write routes of 能上能下, the pool and supervision (issue 13 points 6–8), each one audited transaction
// answered with the cadre's records. Only what differs between them is written here.
import {
  ZAdjustmentCreateSchema,
  ZPartTimeSchema,
  ZPassportInSchema,
  ZPassportOutSchema,
  ZPassportReturnSchema,
  ZPoolEnterSchema,
  ZPoolLeaveSchema,
  ZPoolNoteInSchema,
  ZPoolPlanInSchema,
  ZReportSchema,
  ZTripApplySchema,
  ZTripBackSchema,
  ZTripDecideSchema,
  ZTripPassportSchema,
  type TSupervisionRecords,
} from '../../../domain/schemas/cadre-supervision.js';
import type { recordWriteRoutes } from '../../http/record-write-route.js';
import { addPoolNote, addPoolPlan, enterPool, leavePool } from './pool.js';
import { handInPassport, recordAdjustment, recordPartTime, recordReport, returnPassport, takeOutPassport } from './service.js';
import { applyTrip, decideTrip, takeOutForTrip, tripBack } from './trips.js';

type Write = ReturnType<typeof recordWriteRoutes<TSupervisionRecords>>;
const self = (_r: unknown, id: number) => id;

export function registerSupervisionWrites(write: Write): void {
  // ——— 能上能下 ———
  write({
    method: 'POST',
    url: '/cadres/:id/adjustments',
    action: 'cadre.supervise',
    resource: 'cadre',
    status: 201,
    summary: '登记能上能下调整（调离岗位、改任职级、免职、降职免去现任职务；改任职级写入职级）',
    body: ZAdjustmentCreateSchema,
    write: (ctx, trx, id, b) => recordAdjustment(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.adjust',
      objectType: 'cadre',
      objectId: self,
      detail: (r, b) => ({
        adjustmentId: r.id,
        kind: b.kind,
        situation: b.situation,
        appointmentId: r.appointmentId,
        rank: b.rank ?? null,
      }),
    },
  });

  // ——— The young-cadre pool ———
  write({
    method: 'POST',
    url: '/cadres/:id/pool',
    action: 'cadre.supervise',
    resource: 'cadre',
    status: 201,
    summary: '纳入优秀年轻干部库（按入库条件核对并记录）',
    body: ZPoolEnterSchema,
    write: (ctx, trx, id, b) => enterPool(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.pool_enter',
      objectType: 'cadre_pool_entry',
      objectId: (r) => r.id,
      detail: (r, b, id) => ({ cadreId: id, source: b.source, eligible: r.eligible, findings: r.findings }),
    },
  });
  write({
    method: 'POST',
    url: '/pool/:id/leave',
    action: 'cadre.supervise',
    resource: 'cadre_pool_entry',
    summary: '调出优秀年轻干部库（提拔使用、超龄、本人退出…，注明原因）',
    body: ZPoolLeaveSchema,
    write: (_ctx, trx, id, b) => leavePool(trx, id, b),
    audit: {
      action: 'cadre.supervision.pool_leave',
      objectType: 'cadre_pool_entry',
      objectId: (r) => r.id,
      detail: (r, b) => ({ cadreId: r.cadreId, kind: b.kind, reason: b.reason }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/pool/:id/plans',
    action: 'cadre.supervise',
    resource: 'cadre_pool_entry',
    status: 201,
    summary: '登记培养计划（挂职、轮岗、培训，地点与起止日期）',
    body: ZPoolPlanInSchema,
    write: (ctx, trx, id, b) => addPoolPlan(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.pool_plan',
      objectType: 'cadre_pool_entry',
      objectId: (_r, id) => id,
      detail: (r, b) => ({ cadreId: r.cadreId, planId: r.id, kind: b.kind, place: b.place }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/pool/:id/notes',
    action: 'cadre.supervise',
    resource: 'cadre_pool_entry',
    status: 201,
    summary: '登记跟踪了解情况',
    body: ZPoolNoteInSchema,
    write: (ctx, trx, id, b) => addPoolNote(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.pool_note',
      objectType: 'cadre_pool_entry',
      objectId: (_r, id) => id,
      detail: (r) => ({ cadreId: r.cadreId, noteId: r.id }),
    },
    cadreOf: (r) => r.cadreId,
  });

  // ——— 个人有关事项报告, passports, part-time posts ———
  write({
    method: 'PUT',
    url: '/cadres/:id/reports',
    action: 'cadre.supervise',
    resource: 'cadre',
    summary: '登记个人有关事项报告及抽查核实结果（每年一份）',
    body: ZReportSchema,
    write: (ctx, trx, id, b) => recordReport(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.report',
      objectType: 'cadre',
      objectId: self,
      detail: (_r, b) => ({ year: b.year, checkKind: b.checkKind }),
    },
  });
  write({
    method: 'POST',
    url: '/cadres/:id/passports',
    action: 'cadre.supervise',
    resource: 'cadre',
    status: 201,
    summary: '登记因私出国（境）证照交存',
    body: ZPassportInSchema,
    write: (ctx, trx, id, b) => handInPassport(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.passport',
      objectType: 'cadre_passport',
      objectId: (r) => r.id,
      detail: (_r, b, id) => ({ cadreId: id, kind: b.kind }),
    },
  });
  write({
    method: 'POST',
    url: '/passports/:id/take-out',
    action: 'cadre.supervise',
    resource: 'cadre_passport',
    summary: '登记证照领用（经批准因私出国（境））',
    body: ZPassportOutSchema,
    write: (_ctx, trx, id, b) => takeOutPassport(trx, id, b),
    audit: {
      action: 'cadre.supervision.passport_out',
      objectType: 'cadre_passport',
      objectId: (r) => r.id,
      detail: (r, b) => ({ cadreId: r.cadreId, dueOn: b.dueOn }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/passports/:id/return',
    action: 'cadre.supervise',
    resource: 'cadre_passport',
    summary: '登记证照交回',
    body: ZPassportReturnSchema,
    write: (_ctx, trx, id, b) => returnPassport(trx, id, b.returnedOn),
    audit: {
      action: 'cadre.supervision.passport_return',
      objectType: 'cadre_passport',
      objectId: (r) => r.id,
      detail: (r) => ({ cadreId: r.cadreId, late: r.late }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/cadres/:id/part-time',
    action: 'cadre.supervise',
    resource: 'cadre',
    status: 201,
    summary: '登记兼职审批',
    body: ZPartTimeSchema,
    write: (ctx, trx, id, b) => recordPartTime(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.part_time',
      objectType: 'cadre',
      objectId: self,
      detail: (r, b) => ({ partTimeId: r.id, organization: b.organization, paid: b.paid }),
    },
  });

  // ——— 因私出国（境） ———
  write({
    method: 'POST',
    url: '/cadres/:id/trips',
    action: 'cadre.supervise',
    resource: 'cadre',
    status: 201,
    summary: '登记因私出国（境）申请（前往国家或地区、日期、事由、费用来源）',
    body: ZTripApplySchema,
    write: (ctx, trx, id, b) => applyTrip(ctx, trx, id, b),
    audit: {
      action: 'cadre.supervision.trip_apply',
      objectType: 'cadre_trip',
      objectId: (r) => r.id,
      detail: (_r, b, id) => ({ cadreId: id, destinations: b.destinations, departOn: b.departOn, returnOn: b.returnOn }),
    },
  });
  write({
    method: 'POST',
    url: '/trips/:id/decision',
    action: 'cadre.supervise',
    resource: 'cadre_trip',
    summary: '审批因私出国（境）申请（不批准须注明理由）',
    body: ZTripDecideSchema,
    write: (_ctx, trx, id, b) => decideTrip(trx, id, b),
    audit: {
      action: 'cadre.supervision.trip_decide',
      objectType: 'cadre_trip',
      objectId: (r) => r.id,
      detail: (r, b) => ({ cadreId: r.cadreId, decision: r.status, refusalReason: b.refusalReason || null }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/trips/:id/passport',
    action: 'cadre.supervise',
    resource: 'cadre_trip',
    summary: '为经批准的出国（境）领用集中保管的证照（回国（境）后按规定期限交回）',
    body: ZTripPassportSchema,
    write: (_ctx, trx, id, b) => takeOutForTrip(trx, id, b),
    audit: {
      action: 'cadre.supervision.trip_passport',
      objectType: 'cadre_trip',
      objectId: (r) => r.id,
      detail: (r) => ({ cadreId: r.cadreId, passportId: r.passportId, dueOn: r.dueOn }),
    },
    cadreOf: (r) => r.cadreId,
  });
  write({
    method: 'POST',
    url: '/trips/:id/back',
    action: 'cadre.supervise',
    resource: 'cadre_trip',
    summary: '登记回国（境）日期（证照交回期限从该日起算）',
    body: ZTripBackSchema,
    write: (_ctx, trx, id, b) => tripBack(trx, id, b.cameBackOn),
    audit: {
      action: 'cadre.supervision.trip_back',
      objectType: 'cadre_trip',
      objectId: (r) => r.id,
      detail: (r, b) => ({ cadreId: r.cadreId, cameBackOn: b.cameBackOn, dueOn: r.dueOn }),
    },
    cadreOf: (r) => r.cadreId,
  });
}
