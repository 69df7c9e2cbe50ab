// Scope declared next to the action (docs/architecture.md, "The module contract"). A route names, in
// its config, which resource each id of its input refers to:
//   config: { action: 'member.read', scope: { 'params.id': 'member' } }
// and this hook checks every such id with requireAccess (scope/access.ts) right after the role check and
// before validation (a refused caller learns nothing from validation errors) and the handler: outside the subtree or missing = 404, a
// refused existing record audited. A top-level
// `orgId` of the query or body schema is checked as an organization unless the route declares otherwise.
// At start-up, a route with a path parameter that its scope does not mention refuses to register:
// a new module cannot forget scope.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf } from '../context.js';
import { requireAccess, RESOURCES, type Resource } from '../scope/access.js';

/** Where an id is read: `params.x`, `query.x` or `body.x` (a number or an array of numbers). */
export type ScopeLocation = `params.${string}` | `query.${string}` | `body.${string}`;
/**
 * Each location → the resource its ids refer to, or `none` when the id is not in the tree (a rule
 * version, a table code) or is checked otherwise by the service (say where in a comment).
 */
export type ScopeDecl = Partial<Record<ScopeLocation, Resource | 'none'>>;

/** `orgId` of a query or body whose schema has one is an organization unless the route says otherwise. */
const shapeHas = (schema: unknown, key: string): boolean => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return !!shape && typeof shape === 'object' && key in shape;
};
function autoScope(schema: { body?: unknown; querystring?: unknown } | undefined): ScopeDecl {
  const auto: ScopeDecl = {};
  if (shapeHas(schema?.querystring, 'orgId')) auto['query.orgId'] = 'org';
  if (shapeHas(schema?.body, 'orgId')) auto['body.orgId'] = 'org';
  return auto;
}

function idsAt(req: FastifyRequest, loc: string): number[] {
  const [where, key] = loc.split('.') as ['params' | 'query' | 'body', string];
  const src = req[where] as Record<string, unknown> | undefined;
  const v = src && typeof src === 'object' ? src[key] : undefined;
  const list = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
  return list
    .filter((x) => typeof x === 'number' || (typeof x === 'string' && /^\d{1,15}$/.test(x)))
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function registerScopeHook(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const c = route.config ?? {};
    if (c.public) return;
    const declared = c.scope ?? {};
    // The declaration the hook enforces: the automatic orgId checks, then what the route says.
    route.config = { ...c, scope: { ...autoScope(route.schema as never), ...declared } };
    for (const [loc, res] of Object.entries(declared)) {
      if (res && res !== 'none' && !(res in RESOURCES))
        throw new Error(`route ${route.method} ${route.url}: unknown scope resource ${res} at ${loc}`);
    }
    for (const m of route.url.matchAll(/:(\w+)/g)) {
      if (!(`params.${m[1]}` in declared)) throw new Error(`route ${route.method} ${route.url} does not declare the scope of :${m[1]}`);
    }
  });

  // preValidation, registered after the auth hook: ids are read from the raw input (a non-numeric one
  // is left to validation, which refuses it).
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/') || !req.actor) return;
    const c = req.routeOptions.config ?? {};
    const decl: ScopeDecl = c.scope ?? {};
    const action = c.action ?? 'any';
    for (const [loc, res] of Object.entries(decl)) {
      if (!res || res === 'none') continue;
      const ids = idsAt(req, loc);
      if (ids.length) await requireAccess(ctxOf(req), action, res, ids);
    }
  });
}
