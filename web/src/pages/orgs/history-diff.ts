// The fields that differ between the before and after snapshots of an organization change.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that change with every write and tell a reader nothing. */
const IGNORED = new Set(['id', 'version', 'updatedAt', 'createdAt', 'path', 'nameInitials', 'sortKey', 'childCount']);

/** Snapshots may use snake_case (database rows) or camelCase (API objects): compare them as camelCase. */
export function camelKey(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelKey(k), v ?? null]));
  }
  return value ?? null;
}

/** An organization snapshot is an object of fields; a committee change records the member lists. */
function fieldsOf(snapshot: unknown): Record<string, unknown> {
  if (snapshot === null || snapshot === undefined) return {};
  if (Array.isArray(snapshot)) return { committee: camelize(snapshot) };
  if (typeof snapshot === 'object') return camelize(snapshot) as Record<string, unknown>;
  return { value: snapshot };
}

export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  return keys
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((k) => ({ field: k, before: b[k] ?? null, after: a[k] ?? null }));
}
