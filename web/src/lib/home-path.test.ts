import { describe, expect, it } from 'vitest';
import { homePath } from './home-path';

describe('homePath', () => {
  it('sends organization readers to their own organization', () => {
    expect(homePath({ roles: ['org_dept_admin'], orgId: 12 })).toBe('/orgs/12');
    expect(homePath({ roles: ['member'], orgId: 305 })).toBe('/my/learning');
  });

  it('sends each separated administrator to their own page', () => {
    expect(homePath({ roles: ['secadmin'], orgId: 1 })).toBe('/users');
    expect(homePath({ roles: ['auditor'], orgId: 1 })).toBe('/audit');
    expect(homePath({ roles: ['sysadmin'], orgId: 1 })).toBe('/settings');
  });

  it('sends a cadre officer to the cadre files and a cadre to their own', () => {
    expect(homePath({ roles: ['cadre_officer'], orgId: 1 })).toBe('/cadres');
    expect(homePath({ roles: ['cadre'], orgId: 1 })).toBe('/my-cadre');
  });

  it("sends a talent service department's account to its requests", () => {
    expect(homePath({ roles: ['talent_service'], orgId: 1 })).toBe('/talent-services/department');
  });

  it('sends a talent and an employer to their own home', () => {
    expect(homePath({ roles: ['talent'], orgId: 1 })).toBe('/my/talent');
    expect(homePath({ roles: ['talent_employer'], orgId: 1 })).toBe('/my/employer');
  });

  it('sends a user without any page to the welcome page', () => {
    expect(homePath({ roles: ['talent_expert'], orgId: 1 })).toBe('/welcome');
  });
});
