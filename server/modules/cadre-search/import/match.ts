// Which cadre a roster row is (PILLARS.md §1, how importers behave): by name with blanks removed +
// identity number; without a number (or a number no cadre has yet) by name + birth month; two
// candidates or more → refused with the reason. Only cadres in the importer's scope are candidates.
// Pure: the candidates come in, a decision per row goes out.
import type { TRosterError } from '../../../../domain/schemas/cadre-search.js';
import { nameKey } from './validate-row.js';

export interface MatchCandidate {
  id: number;
  name: string;
  birth: string | null;
  idHash: string | null;
}
export interface MatchInput {
  row: number;
  name: string;
  birth?: string;
  idHash?: string;
}
export type MatchResult = { kind: 'update'; id: number } | { kind: 'create' } | { kind: 'error'; error: TRosterError };

const month = (birth: string | null | undefined) => (birth ? birth.slice(0, 7) : null);
const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => m.set(k, [...(m.get(k) ?? []), v]);

export class CadreMatcher {
  private byHash = new Map<string, MatchCandidate[]>();
  private byNameMonth = new Map<string, MatchCandidate[]>();
  private byName = new Map<string, MatchCandidate[]>();
  /** The row that first claimed a cadre or a new person's key: a second row for the same person is an error. */
  private claimed = new Map<string, number>();

  constructor(candidates: MatchCandidate[]) {
    for (const c of candidates) {
      const n = nameKey(c.name);
      if (c.idHash) push(this.byHash, c.idHash, c);
      if (month(c.birth)) push(this.byNameMonth, `${n}|${month(c.birth)}`, c);
      push(this.byName, n, c);
    }
  }

  match(r: MatchInput): MatchResult {
    const fail = (column: string, message: string): MatchResult => ({ kind: 'error', error: { row: r.row, column, message } });
    const found = this.find(r, fail);
    if (found.kind === 'error') return found;
    const key = found.kind === 'update' ? `id:${found.id}` : r.idHash ? `hash:${r.idHash}` : `new:${r.name}|${month(r.birth)}`;
    const first = this.claimed.get(key);
    if (first !== undefined) return fail('姓名', `与第 ${first} 行是同一人，请合并为一行`);
    this.claimed.set(key, r.row);
    return found;
  }

  private find(r: MatchInput, fail: (column: string, message: string) => MatchResult): MatchResult {
    const n = nameKey(r.name);
    if (r.idHash) {
      const hits = this.byHash.get(r.idHash) ?? [];
      if (hits.length > 1) return fail('身份证号', `系统中有 ${hits.length} 名干部使用该身份证号，请先核对干部档案`);
      if (hits.length === 1) {
        if (nameKey(hits[0].name) !== n) return fail('身份证号', `该身份证号属于干部“${hits[0].name}”，与姓名不符`);
        return { kind: 'update', id: hits[0].id };
      }
    }
    const m = month(r.birth);
    if (m) {
      // A cadre already holding another identity number is another person.
      const hits = (this.byNameMonth.get(`${n}|${m}`) ?? []).filter((c) => !r.idHash || !c.idHash);
      if (hits.length > 1) return fail('姓名', `系统中有 ${hits.length} 名同名且出生年月相同的干部，请填写身份证号以区分`);
      if (hits.length === 1) return { kind: 'update', id: hits[0].id };
      return { kind: 'create' };
    }
    if (r.idHash) return { kind: 'create' };
    if (this.byName.has(n)) return fail('姓名', '系统中已有同名干部，请填写身份证号或出生年月以便匹配');
    return { kind: 'create' };
  }
}
