// One decision on an application, shared by the office's routes and the applicant's and employer's own: the
// service step runs in the audited transaction (the audit row carries the request and the result), then the
// application is read back as it now stands.
import type { Trx } from '../../audit/audit-log.js';
import { audited } from '../../audit/record.js';
import type { Ctx } from '../../context.js';
import type { TApplication } from '../../../domain/schemas/talent-policies.js';
import { getApplication } from './queries.js';

export type StepRun<B> = (ctx: Ctx, trx: Trx, id: number, body: B) => Promise<unknown>;

export async function decideOn<B extends object>(
  ctx: Ctx,
  action: string,
  id: number,
  body: B,
  run: StepRun<B>,
  detail: object = {},
): Promise<TApplication> {
  await audited(
    ctx,
    { action, objectType: 'talent_application', objectId: () => id, detail: (r) => ({ ...detail, ...body, result: r }) },
    (trx: Trx) => run(ctx, trx, id, body),
  );
  return getApplication(ctx.db, id);
}
