// Builds the HTTP application on an open engine: plugins, the auth hook, the modules and the web app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Engine } from './db/engine.js';
import { systemClock, type Clock } from './auth/actor.js';
import { IdCrypto } from './crypto/id-crypto.js';
import type { Keys } from './crypto/keys.js';
import { SettingsStore } from './modules/system/settings.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerAuthHook } from './http/auth-hook.js';
import { registerScopeHook } from './http/scope-hook.js';
import { registerCsrfCheck } from './http/csrf.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { orgRoutes } from './modules/orgs/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { memberRoutes } from './modules/members/routes.js';
import { developmentRoutes } from './modules/development/routes.js';
import { transferRoutes } from './modules/transfers/routes.js';
import { memberStatusRoutes } from './modules/member-status/routes.js';
import { duesRoutes } from './modules/dues/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { orgLifeRoutes } from './modules/org-life/routes.js';
import { termRoutes } from './modules/terms/routes.js';
import { standardRoutes } from './modules/standards/routes.js';
import { jointTaskRoutes } from './modules/joint-tasks/routes.js';
import { todoRoutes } from './modules/todos/routes.js';
import { statisticsRoutes } from './modules/statistics/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { orgHealthRoutes } from './modules/org-health/routes.js';
import { cadreRoutes } from './modules/cadres/routes.js';
import { cadreExchangeRoutes } from './modules/cadres/exchange/routes.js';
import { cadreUnitRoutes } from './modules/cadre-units/routes.js';
import { cadreEvaluationRoutes } from './modules/cadre-evaluations/routes.js';
import { publicEvaluationRoutes } from './modules/cadre-evaluations/public-routes.js';
import { cadreAssessmentRoutes } from './modules/cadre-assessments/routes.js';
import { cadreSupervisionRoutes } from './modules/cadre-supervision/routes.js';
import { learningClassRoutes } from './modules/learning-classes/routes.js';
import { learnerClassRoutes } from './modules/learning-classes/me-routes.js';
import { publicCertificateRoutes } from './modules/learning-classes/public-routes.js';
import { learningRoutes } from './modules/learning/routes.js';
import { learnerRoutes } from './modules/learning/learner-routes.js';
import { talentRoutes } from './modules/talent/routes.js';
import { recognitionRoutes } from './modules/talent/recognition-routes.js';
import { ownDocumentRoutes, staffDocumentRoutes } from './modules/talent/documents.js';
import { ownRecognitionRoutes } from './modules/talent/recognition-own-routes.js';
import { linkRoutes } from './modules/talent/link-candidates.js';
import { cadreSearchRoutes } from './modules/cadre-search/routes.js';
import { cadreSelectionRoutes } from './modules/cadre-selections/routes.js';
import { talentServiceRoutes } from './modules/talent-services/routes.js';
import { learningQuizRoutes } from './modules/learning-quizzes/routes.js';
import { learnerQuizRoutes } from './modules/learning-quizzes/learner-routes.js';
import { learningHoursRoutes } from './modules/learning-hours/routes.js';
import { talentPolicyRoutes } from './modules/talent-policies/routes.js';
import { ownApplicationRoutes } from './modules/talent-policies/own-routes.js';
import { staffAttachmentRoutes } from './modules/talent-policies/attachments.js';
import './http/deps.js';
import { publicTalentRoutes, talentPortalRoutes } from './modules/talent-portal/routes.js';
import { logSender, type CodeSender } from './modules/talent-portal/sender.js';
import { agreementRoutes, employerAgreementRoutes } from './modules/talent-agreements/routes.js';
import { evaluationRoutes } from './modules/talent-evaluations/routes.js';

// Zod's own Chinese messages for validation errors (the UI is Chinese first).
z.config(z.locales.zhCN());

export interface AppOptions {
  engine: Engine;
  /** Keys for personal data: crypto/keys.ts loadKeys() in production, a fixed test key in tests. */
  keys: Keys;
  clock?: Clock;
  demo?: boolean;
  logLevel?: string;
  /** Built web app to serve at /; skipped when the folder does not exist. */
  webDist?: string;
  /** Login attempts per IP per minute (SECURITY.md 26). */
  loginRateLimit?: number;
  /** 民主测评 code attempts (ballot and vote) per IP per minute (SECURITY.md 26). */
  voteRateLimit?: number;
  /** Where talent registration codes go (talent-portal/sender.ts): the server log unless given. */
  codeSender?: CodeSender;
  /** Browser tests only (ZUGONG_E2E=1 with the demo): keep talent codes in memory, readable at /api/public/talent/e2e-code. */
  e2eCodes?: boolean;
  trustProxy?: boolean;
  /** Public origins besides the one a request is addressed to (ZUGONG_ORIGIN, comma-separated): accepted as Origin of changes. */
  origins?: string[];
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logLevel === 'silent' ? false : { level: opts.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] },
    genReqId: () => randomUUID(),
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', {
    db: opts.engine.db,
    engineKind: opts.engine.kind,
    bulk: opts.engine.bulk,
    clock: opts.clock ?? systemClock,
    settings: new SettingsStore(opts.engine.db),
    demo: opts.demo ?? false,
    version: '0.1.0',
    routes: [],
    idCrypto: new IdCrypto(opts.keys),
  });

  await app.register(cookie);
  // Counted at preHandler, after the auth hook: a caller refused by role gets its 403, not a 429.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  registerCsrfCheck(app, { origins: opts.origins });
  registerInputGuard(app);
  registerAuthHook(app);
  registerScopeHook(app);
  await registerOpenApi(app);

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api/auth', loginRateLimit: opts.loginRateLimit ?? 30 });
  await app.register(orgRoutes, { prefix: '/api/orgs' });
  await app.register(userRoutes, { prefix: '/api/users' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(systemRoutes, { prefix: '/api/system' });
  await app.register(memberRoutes, { prefix: '/api/members' });
  await app.register(memberStatusRoutes, { prefix: '/api/member-status' });
  await app.register(developmentRoutes, { prefix: '/api/development' });
  await app.register(transferRoutes, { prefix: '/api/transfers' });
  await app.register(duesRoutes, { prefix: '/api/dues' });
  await app.register(meetingRoutes, { prefix: '/api/meetings' });
  await app.register(orgLifeRoutes, { prefix: '/api/org-life' });
  await app.register(termRoutes, { prefix: '/api/terms' });
  await app.register(standardRoutes, { prefix: '/api/standards' });
  await app.register(jointTaskRoutes, { prefix: '/api/joint-tasks' });
  await app.register(todoRoutes, { prefix: '/api/todos' });
  await app.register(statisticsRoutes, { prefix: '/api/statistics' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  await app.register(orgHealthRoutes, { prefix: '/api/org-health' });
  await app.register(cadreRoutes, { prefix: '/api/cadres' });
  await app.register(cadreExchangeRoutes, { prefix: '/api/cadres' });
  await app.register(cadreUnitRoutes, { prefix: '/api/cadre-units' });
  await app.register(cadreEvaluationRoutes, { prefix: '/api/cadre-evaluations' });
  await app.register(publicEvaluationRoutes, { prefix: '/api/public/evaluations', voteRateLimit: opts.voteRateLimit ?? 120 });
  await app.register(cadreAssessmentRoutes, { prefix: '/api/cadre-assessments' });
  await app.register(cadreSupervisionRoutes, { prefix: '/api/cadre-supervision' });
  await app.register(learningRoutes, { prefix: '/api/learning' });
  await app.register(learnerRoutes, { prefix: '/api/learning' });
  await app.register(cadreSearchRoutes, { prefix: '/api/cadre-search' });
  await app.register(cadreSelectionRoutes, { prefix: '/api/cadre-selections' });
  await app.register(talentServiceRoutes, { prefix: '/api/talent-services' });
  await app.register(learningQuizRoutes, { prefix: '/api/learning' });
  await app.register(learnerQuizRoutes, { prefix: '/api/learning' });
  await app.register(learningClassRoutes, { prefix: '/api/learning' });
  await app.register(learnerClassRoutes, { prefix: '/api/learning' });
  await app.register(publicCertificateRoutes, { prefix: '/api/public/certificates', rateLimit: opts.voteRateLimit ?? 120 });
  await app.register(learningHoursRoutes, { prefix: '/api/learning' });
  await app.register(talentRoutes, { prefix: '/api/talent' });
  await app.register(recognitionRoutes, { prefix: '/api/talent' });
  await app.register(staffDocumentRoutes, { prefix: '/api/talent' });
  await app.register(linkRoutes, { prefix: '/api/talent' });
  await app.register(talentPolicyRoutes, { prefix: '/api/talent' });
  await app.register(staffAttachmentRoutes, { prefix: '/api/talent' });
  await app.register(ownApplicationRoutes('self'), { prefix: '/api/talent/my' });
  await app.register(ownApplicationRoutes('employer'), { prefix: '/api/talent/employer' });
  await app.register(publicTalentRoutes, {
    prefix: '/api/public/talent',
    rateLimit: opts.loginRateLimit ?? 30,
    sender: opts.codeSender ?? logSender(app.log),
    e2eCodes: opts.e2eCodes === true && opts.demo === true,
  });
  await app.register(talentPortalRoutes, { prefix: '/api/talent-portal' });
  await app.register(ownDocumentRoutes, { prefix: '/api/talent-portal' });
  await app.register(ownRecognitionRoutes('self'), { prefix: '/api/talent-portal' });
  await app.register(ownRecognitionRoutes('employer'), { prefix: '/api/talent-portal/employer' });
  await app.register(agreementRoutes, { prefix: '/api/talent' });
  await app.register(employerAgreementRoutes, { prefix: '/api/talent/employer' });
  await app.register(evaluationRoutes, { prefix: '/api/talent' });

  if (opts.webDist && existsSync(path.join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, index: ['index.html'] });
    // Client-side routes (/orgs/12, /audit...) get the app shell.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) =>
      // An unknown API path is a JSON 404, never the app shell.
      req.url.startsWith('/api/')
        ? reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在', field: null } })
        : reply.sendFile('index.html'),
    );
  }
  return app;
}
