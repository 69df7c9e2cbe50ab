import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParam } from '../../../domain/schemas/common.js';
import {
  ZResetPasswordSchema,
  ZUserCreateSchema,
  ZUserListQuery,
  ZUserRowSchema,
  ZUserUpdateSchema,
} from '../../../domain/schemas/users.js';
import { audited } from '../../audit/record.js';
import type { Trx } from '../../audit/audit-log.js';
import { assertPasswordPolicy } from '../../auth/password.js';
import { ctxOf, inTrx } from '../../context.js';
import { loadOrg } from '../orgs/service.js';
import { setPassword } from '../auth/service.js';
import { assertNotAdminAccount, createUser, getUser, listUsers, updateUser } from './service.js';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { action: 'user.read' },
      schema: {
        tags,
        summary: '用户列表',
        querystring: ZUserListQuery,
        response: { 200: z.object({ items: z.array(ZUserRowSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => listUsers(ctxOf(req), req.query),
  );

  app.post(
    '/',
    {
      config: { action: 'user.manage' },
      schema: { tags, summary: '新建用户', body: ZUserCreateSchema, response: { 201: ZUserRowSchema } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await loadOrg(ctx, 'user.manage', req.body.orgId);
      const user = await audited(
        ctx,
        {
          action: 'user.create',
          objectType: 'user',
          objectId: (u) => u.id,
          detail: (u) => ({ username: u.username, roles: u.roles, orgId: u.orgId }),
        },
        (trx: Trx) => createUser(inTrx(ctx, trx), req.body),
      );
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/:id',
    {
      config: { scope: { 'params.id': 'user' }, action: 'user.manage' },
      schema: {
        tags,
        summary: '修改用户（角色、组织、停用）',
        params: ZIdParam,
        body: ZUserUpdateSchema,
        response: { 200: ZUserRowSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const user = await getUser(ctx, req.params.id, 'user.manage');
      if (req.body.orgId) await loadOrg(ctx, 'user.manage', req.body.orgId);
      return audited(
        ctx,
        {
          action: 'user.update',
          objectType: 'user',
          objectId: () => user.id,
          detail: () => ({ ...req.body, before: { roles: user.roles, orgId: user.orgId, disabled: user.disabled } }),
        },
        (trx: Trx) => updateUser(inTrx(ctx, trx), user, req.body),
      );
    },
  );

  app.post(
    '/:id/reset-password',
    {
      config: { scope: { 'params.id': 'user' }, action: 'user.manage' },
      schema: { tags, summary: '重置密码', params: ZIdParam, body: ZResetPasswordSchema, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const user = await getUser(ctx, req.params.id, 'user.manage');
      assertNotAdminAccount(user, 'password');
      assertPasswordPolicy(req.body.password, user.username, 'password', user.displayName);
      // An administrator's reset sets an expired password: the user must choose a new one at next login.
      await audited(ctx, { action: 'user.reset_password', objectType: 'user', objectId: () => user.id }, async (trx: Trx) => {
        await setPassword(trx, user.id, req.body.password, ctx.clock.now());
        await trx
          .updateTable('users')
          .set({ password_changed_at: new Date(0) })
          .where('id', '=', user.id)
          .execute();
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/unlock',
    {
      config: { scope: { 'params.id': 'user' }, action: 'user.manage' },
      schema: { tags, summary: '解除锁定', params: ZIdParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const user = await getUser(ctx, req.params.id, 'user.manage');
      await audited(ctx, { action: 'user.unlock', objectType: 'user', objectId: () => user.id }, (trx: Trx) =>
        trx.updateTable('users').set({ locked_until: null, failed_logins: 0 }).where('id', '=', user.id).execute(),
      );
      return reply.code(204).send(null);
    },
  );
};
