// 民主测评, the voters' routes: no account, a one-time code in the body (never in the URL, which access
// logs keep). Rate-limited per client address against guessing codes (SECURITY.md 26), like the login.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZError } from '../../../domain/schemas/common.js';
import {
  ZPublicBallotRequest,
  ZPublicBallotSchema,
  ZPublicVoteRequest,
  ZPublicVoteSchema,
} from '../../../domain/schemas/cadre-evaluations.js';
import { anyCtxOf } from '../../context.js';
import { ballotForCode, castVote } from './ballots.js';

export const publicEvaluationRoutes: FastifyPluginAsyncZod<{ voteRateLimit: number }> = async (app, opts) => {
  // A meeting room often shares one address: the limit is per address and generous, and the code space
  // (31^10) makes guessing hopeless within it.
  const config = { public: true, rateLimit: { max: opts.voteRateLimit, timeWindow: 60_000 } };
  // No request log lines (address and time of each vote): with the engine's internals they could pair a
  // ballot with a phone. Warnings and errors are still logged.
  const logLevel = 'warn';
  const tags = ['public'];

  app.post(
    '/ballot',
    {
      config,
      logLevel,
      schema: {
        tags,
        summary: '凭测评码取得测评票（不需登录；不标记已用）',
        body: ZPublicBallotRequest,
        response: { 200: ZPublicBallotSchema, 404: ZError, 409: ZError },
      },
    },
    async (req, reply) => reply.header('Cache-Control', 'no-store').send(await ballotForCode(anyCtxOf(req), req.body.code)),
  );

  app.post(
    '/vote',
    {
      config,
      logLevel,
      schema: {
        tags,
        summary: '凭测评码投票（每码一次；票上不保存测评码、投票人和时间）',
        body: ZPublicVoteRequest,
        response: { 200: ZPublicVoteSchema, 400: ZError, 404: ZError, 409: ZError },
      },
    },
    async (req) => {
      await castVote(anyCtxOf(req), req.body);
      return { ok: true as const };
    },
  );
};
