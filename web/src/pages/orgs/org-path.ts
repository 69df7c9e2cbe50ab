import type { TOrgDetail } from '../../api/orgs';

/**
 * The ancestors of an organization, root first, without itself. docs/api.md calls `path` the
 * "ancestors within scope"; whether it ends with the organization itself is not said, so both are accepted.
 */
export function ancestorsOf(org: Pick<TOrgDetail, 'id' | 'path'>): TOrgDetail['path'] {
  return org.path.filter((p) => p.id !== org.id);
}
