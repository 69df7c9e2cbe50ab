// The one context every service takes (docs/architecture.md, "The module contract"): the database
// or the transaction the work runs in, who is acting and over which subtree, the clock, today in
// China time, the identity-number crypto and the settings. Routes build it with ctxOf(req); nothing
// below a route sees Fastify's request, so a background job can outlive its response safely.
import type { FastifyRequest } from 'fastify';
import type { Db } from './db/engine.js';
import type { Actor, Clock } from './auth/actor.js';
import type { IdCrypto } from './crypto/id-crypto.js';
import type { SettingsStore } from './modules/system/settings.js';
import { todayCn } from './dates.js';
import { unauthorized } from './errors.js';

/** Where a request came from: written into every audit row it causes. */
export interface Origin {
  ip: string;
  requestId: string;
  /** The request's path without its query, named in refusal rows. */
  url?: string;
}

export interface Ctx {
  /** The database, or the transaction the work runs in (see inTrx). */
  db: Db;
  actor: Actor;
  clock: Clock;
  /** Today in China Standard Time, 'YYYY-MM-DD', read from the clock when called. */
  today(): string;
  crypto: IdCrypto;
  settings: SettingsStore;
  engineKind: 'pglite' | 'postgres';
  origin: Origin;
}

/** A context for code that may run before anyone is signed in (login, public pages): the actor may be absent. */
export type AnyCtx = Omit<Ctx, 'actor'> & { actor: Actor | null };

export function anyCtxOf(req: FastifyRequest): AnyCtx {
  const { db, clock, idCrypto, settings, engineKind } = req.server.deps;
  return {
    db,
    actor: req.actor,
    clock,
    today: () => todayCn(clock.now()),
    crypto: idCrypto,
    settings,
    engineKind,
    origin: { ip: req.ip, requestId: String(req.id), url: req.url.split('?')[0] },
  };
}

/** The context of a signed-in request (every route that declares an action or anyUser). */
export function ctxOf(req: FastifyRequest): Ctx {
  const c = anyCtxOf(req);
  if (!c.actor) throw unauthorized();
  return c as Ctx;
}

/** The same context with its work bound to a transaction. */
export function inTrx<C extends AnyCtx>(ctx: C, trx: Db): C {
  return { ...ctx, db: trx };
}
