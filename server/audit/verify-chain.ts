// Walks the audit chain in order and names every row that was edited, removed or relinked.
import type { Db } from '../db/engine.js';
import { GENESIS_HASH, rowHash } from './audit-log.js';

export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'missing' | 'broken_link';
  message: string;
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  problems: ChainProblem[];
}

const BATCH = 5000;

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let checked = 0;
  let prevHash: string | null = null;
  let prevSeq: number | null = null;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', prevSeq ?? 0)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      // The first row kept may follow a purge of older rows: its own prev_hash is the anchor then.
      const expectedPrev: string = prevHash ?? (r.seq === 1 ? GENESIS_HASH : r.prev_hash);
      if (prevSeq !== null && r.seq !== prevSeq + 1) {
        for (let s = prevSeq + 1; s < r.seq; s++) problems.push({ seq: s, kind: 'missing', message: `第 ${s} 条审计记录缺失` });
      } else if (r.prev_hash !== expectedPrev) {
        problems.push({ seq: r.seq, kind: 'broken_link', message: `第 ${r.seq} 条记录与前一条记录的链接不符` });
      }
      const actual = rowHash(r.prev_hash, { ...r, at: new Date(r.at) });
      if (actual !== r.hash) problems.push({ seq: r.seq, kind: 'edited', message: `第 ${r.seq} 条审计记录内容被修改` });
      prevHash = r.hash;
      prevSeq = r.seq;
      checked++;
    }
  }
  return { ok: problems.length === 0, checked, problems };
}
