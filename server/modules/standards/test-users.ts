// Test helper: a user with one role at an organization (the demo accounts cover only a few organizations).
import { hashPassword } from '../../auth/password.js';
import type { Role } from '../../../domain/permissions.js';
import type { TestApp } from '../../test/test-app.js';

const PASSWORD = 'Std#2026x';

export async function addUser(t: TestApp, username: string, orgId: number, role: Role): Promise<string> {
  const { id } = await t.db.insertInto('users').values({ username, display_name: username, org_id: orgId, password_hash: await hashPassword(PASSWORD), password_changed_at: new Date() })
    .returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('user_roles').values({ user_id: id, role }).execute();
  return t.login(username, PASSWORD);
}
