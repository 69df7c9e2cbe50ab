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
  // After a purge (audit/retention.ts) the chain starts from the last anchor instead of the genesis.
  const anchor = await db.selectFrom('audit_anchors').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let prevHash: string | null = null;
  let prevSeq: number | null = null;
  let anchorConfirmed = false;
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
      const expectedSeq: number = prevSeq === null ? (anchor?.seq ?? 0) + 1 : prevSeq + 1;
      const expectedPrev: string = prevHash ?? anchor?.hash ?? GENESIS_HASH;
      if (r.seq !== expectedSeq) {
        missing(problems, expectedSeq, r.seq - 1);
      } else if (r.prev_hash !== expectedPrev) {
        problems.push({ seq: r.seq, kind: 'broken_link', message: `第 ${r.seq} 条记录与前一条记录的链接不符` });
      }
      const actual = rowHash(r.prev_hash, { ...r, at: new Date(r.at) });
      if (actual !== r.hash) problems.push({ seq: r.seq, kind: 'edited', message: `第 ${r.seq} 条审计记录内容被修改` });
      // The purge's own audit row names the anchor it wrote: a forged anchor has no such row.
      if (
        anchor &&
        r.action === 'audit.purge' &&
        (r.detail as { upto?: number; hash?: string } | null)?.upto === anchor.seq &&
        (r.detail as { hash?: string }).hash === anchor.hash
      )
        anchorConfirmed = true;
      prevHash = r.hash;
      prevSeq = r.seq;
      checked++;
    }
  }
  if (anchor && !anchorConfirmed) {
    problems.push({ seq: anchor.seq, kind: 'broken_link', message: `清理锚点（第 ${anchor.seq} 条）没有对应的清理审计记录` });
  }
  return { ok: problems.length === 0, checked, problems };
}

const MISSING_LISTED = 1000;

/** Names each missing row, or the range when many are gone at once. */
function missing(problems: ChainProblem[], from: number, to: number): void {
  if (to - from < MISSING_LISTED) {
    for (let s = from; s <= to; s++) problems.push({ seq: s, kind: 'missing', message: `第 ${s} 条审计记录缺失` });
  } else {
    problems.push({ seq: from, kind: 'missing', message: `第 ${from}–${to} 条审计记录缺失（共 ${to - from + 1} 条）` });
  }
}
