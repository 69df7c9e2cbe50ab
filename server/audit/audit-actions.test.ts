// Every code the server writes to the audit log has a label people read (domain/audit-actions.ts):
// the test walks the server's source for the codes it writes, literal or templated.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS } from '../../domain/audit-actions.js';
import { ACTIONS } from '../../domain/permissions.js';

const SERVER = join(import.meta.dirname, '..');
const AREAS =
  'org|member|user|auth|audit|system|status|dev|transfer|dues|life|meeting|appraisal|term|standard|task|todo|todos|stats|cadre|learning';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('test-') ? [p] : [];
  });
}
const text = sources(SERVER)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('the audit catalogue', () => {
  it('labels every action code the server writes, in Chinese and English', () => {
    const written = new Set([...text.matchAll(new RegExp(`'((?:${AREAS})(?:\\.[a-z_]+)+)'`, 'g'))].map((m) => m[1]));
    expect(written.size).toBeGreaterThan(60);
    const missing = [...written].filter((c) => !AUDIT_ACTION_LABELS[c]?.zh || !AUDIT_ACTION_LABELS[c]?.en);
    expect(missing).toEqual([]);
  });

  it('labels the codes built from a template (a decision or a status change)', () => {
    const prefixes = [...text.matchAll(new RegExp(`\`((?:${AREAS})(?:\\.[a-z_]+)*)\\.\\$\\{`, 'g'))].map((m) => m[1]);
    expect(prefixes.length).toBeGreaterThan(3);
    for (const p of prefixes)
      expect(Object.keys(AUDIT_ACTION_LABELS).filter((c) => c.startsWith(`${p}.`)).length, p).toBeGreaterThanOrEqual(2);
  });

  it('labels every action of the matrix (a refusal is recorded under it) and every object type written', () => {
    expect(ACTIONS.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    const types = new Set(
      [...text.matchAll(/objectType: '([a-z_]+)'|(?:recordRead|recordDenied)\([^,]+, [^,]+, '([a-z_]+)'/g)].map((m) => m[1] ?? m[2]),
    );
    expect([...types].filter((x) => !AUDIT_OBJECT_LABELS[x])).toEqual([]);
  });
});
