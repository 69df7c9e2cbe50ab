// The write routes of the cadre record areas (年度考核's 平时/专项考核, 能上能下 and supervision) share one shape:
// an id in the path (the cadre, or one of its records) declared in the route's scope, a body checked by its
// schema, one write in one transaction with its audit row, and the cadre's records as the answer. This builds
// such a route, so each area lists only what differs (path, action, summary, body, audit, write).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Action } from '../../domain/permissions.js';
import { ZIdParam } from '../../domain/schemas/common.js';
import { audited } from '../audit/record.js';
import type { Trx } from '../audit/audit-log.js';
import { ctxOf, type Ctx } from '../context.js';
import type { Resource } from '../scope/resources.js';

type App = Parameters<FastifyPluginAsyncZod>[0];

export interface RecordWrite<B, R> {
  method: 'POST' | 'PUT' | 'DELETE';
  /** The path, with `:id` the record named by `resource`. */
  url: string;
  action: Action;
  resource: Resource;
  summary: string;
  body?: z.ZodType<B>;
  /** 201 for a record created, 200 otherwise. */
  status?: 200 | 201;
  audit: {
    action: string;
    objectType: string;
    objectId: (r: NoInfer<R>, id: number) => number;
    detail?: (r: NoInfer<R>, body: NoInfer<B>, id: number) => Record<string, unknown>;
  };
  write: (ctx: Ctx, trx: Trx, id: number, body: B) => Promise<R>;
  /** The cadre whose records answer: the path's id itself when absent (a cadre-scoped route). */
  cadreOf?: (r: NoInfer<R>, id: number) => number;
}

/** A builder of an area's write routes answering with `records` of the cadre, validated by `response`. */
export function recordWriteRoutes<Out>(
  app: App,
  area: { tags: string[]; response: z.ZodType<Out>; records: (ctx: Ctx, cadreId: number) => Promise<Out> },
) {
  return <B = undefined, R = unknown>(w: RecordWrite<B, R>) => {
    const status = w.status ?? 200;
    app.route({
      method: w.method,
      url: w.url,
      config: { action: w.action, scope: { 'params.id': w.resource } },
      schema: {
        tags: area.tags,
        summary: w.summary,
        params: ZIdParam,
        ...(w.body ? { body: w.body } : {}),
        response: { [status]: area.response },
      },
      handler: async (req, reply) => {
        const ctx = ctxOf(req);
        const id = (req.params as { id: number }).id;
        const body = req.body as B;
        const r = await audited<R>(
          ctx,
          {
            action: w.audit.action,
            objectType: w.audit.objectType,
            objectId: (x) => w.audit.objectId(x, id),
            detail: w.audit.detail ? (x) => w.audit.detail!(x, body, id) : undefined,
          },
          (trx) => w.write(ctx, trx, id, body),
        );
        return reply.code(status).send(await area.records(ctx, w.cadreOf ? w.cadreOf(r, id) : id));
      },
    });
  };
}
