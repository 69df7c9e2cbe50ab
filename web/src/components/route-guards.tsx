// Route wrappers: loading fallback, login required, permission required, home redirect.
// They sit in the first chunk, so they use no antd component beyond Spin; result pages load lazily.
import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { Navigate, useLocation, type RouteObject } from 'react-router-dom';
import { can, type Action } from '../../../domain/permissions';
import { useAuth, useMe } from '../auth/auth-context';
import { homePath } from '../lib/home-path';

const ForbiddenResult = lazy(() => import('./results').then((m) => ({ default: m.ForbiddenResult })));

export function PageSpin() {
  return (
    <div className="page-spin">
      <Spin />
    </div>
  );
}

export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpin />}>{children}</Suspense>;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <PageSpin />;
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return children;
}

/** The server enforces the same matrix; this only spares the user a page of 403 errors. */
export function Guard({ action, children }: { action: Action | readonly Action[]; children: ReactNode }) {
  const me = useMe();
  const any = typeof action === 'string' ? [action] : action;
  return any.some((a) => can(me.roles, a)) ? children : <ForbiddenResult />;
}

/** A child route of the layout behind one action: the shape of the area route files (routes-*.tsx). */
export const guarded = (path: string, action: Action, element: ReactNode): RouteObject => ({
  path,
  element: <Guard action={action}>{element}</Guard>,
});

export function HomeRedirect() {
  const me = useMe();
  return <Navigate to={homePath(me)} replace />;
}
