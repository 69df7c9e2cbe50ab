// What every route can reach: the database, the clock, settings and the runtime flags.
import type { Db } from '../db/engine.js';
import type { BulkSessions } from '../db/bulk.js';
import type { Actor, Clock } from '../auth/actor.js';
import type { SettingsStore } from '../modules/system/settings.js';
import type { Action } from '../../domain/permissions.js';
import type { IdCrypto } from '../crypto/id-crypto.js';
import type { ScopeDecl } from './scope-hook.js';

export interface AppDeps {
  db: Db;
  engineKind: 'pglite' | 'postgres';
  /** Sessions for bulk loads through COPY (imports). */
  bulk: BulkSessions;
  clock: Clock;
  settings: SettingsStore;
  demo: boolean;
  version: string;
  /** Encrypts, decrypts and hashes identity numbers (SECURITY.md 21). */
  idCrypto: IdCrypto;
  /** Every /api route with its access rule, filled at start-up (walked by the permission test). */
  routes: RouteAccess[];
}

export interface RouteAccess {
  method: string;
  url: string;
  public: boolean;
  anyUser: boolean;
  action: Action | null;
  /** The route's declared scope (http/scope-hook.ts). */
  scope: ScopeDecl | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health, API docs). */
    public?: boolean;
    /** Any signed-in user, whatever their roles (me, logout, password change). */
    anyUser?: boolean;
    /** Reachable while the password has expired (me, logout, password change). */
    allowExpiredPassword?: boolean;
    /** The action of domain/permissions.ts this route performs: checked before the handler runs. */
    action?: Action;
    /** Which resource each id of the input refers to: checked against the actor's subtree before the handler (http/scope-hook.ts). */
    scope?: ScopeDecl;
  }
}
