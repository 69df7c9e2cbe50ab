// Who is logged in (Me) and whether this is a demo deployment, for the whole app.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api/client';
import { getHealth, getMe, logout, type TMe } from '../api/auth';

export interface AuthState {
  /** undefined while the first /api/auth/me is in flight, null when not logged in. */
  me: TMe | null | undefined;
  demo: boolean;
  setMe: (me: TMe | null) => void;
  refreshMe: () => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null | undefined>(undefined);
  const [healthDemo, setHealthDemo] = useState(false);

  useEffect(() => {
    // Any 401 means the session is gone (expired, revoked): forget the user; routes then show /login.
    setUnauthorizedHandler(() => setMe(null));
    getHealth().then(
      (h) => setHealthDemo(h.demo),
      () => undefined,
    );
    // Not logged in (401) or the server unreachable: either way the login page is where to start.
    getMe().then(setMe, () => setMe(null));
  }, []);

  const refreshMe = useCallback(async () => {
    setMe(await getMe());
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ me, demo: healthDemo || Boolean(me?.demo), setMe, refreshMe, signOut }),
    [me, healthDemo, refreshMe, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** For pages inside the authenticated layout, where Me is always present. */
export function useMe(): TMe {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside an authenticated route');
  return me;
}
