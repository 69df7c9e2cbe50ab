// Who is making a request: the signed-in user with roles and the organization subtree they may see.
import type { Role } from '../../domain/permissions.js';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: number;
  /** ltree path of the user's organization: the root of everything they may see. */
  scopePath: string;
  sessionId: string;
  mustChangePassword: boolean;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
