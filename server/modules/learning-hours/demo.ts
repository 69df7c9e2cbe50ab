// The demo city's 学时 (issue 14 point 10): last year and this year so far for every counted member, with
// realistic gaps (about one in six far behind, some with no online study at all), written set-based in one
// statement per year — the ledger's one named bulk writer besides credits.ts (see one-writer.test.ts).
// On top, through the writer: an import of 上级调训 and one of 党校 records for members of the sample
// district, self-reports pending and approved, and the `member` account's visible partial year.
// Deterministic: every number derives from the member's id.
import { createHash } from 'node:crypto';
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/engine.js';
import type { CityResult } from '../../demo/generate-city.js';
import { upsertCredit, setCreditStatus } from '../learning/credits.js';
import { withLedgerSummariesOff } from '../learning/ledger-summaries.js';

/** A small valid PDF standing for a scanned certificate (the demo's evidence). */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function seedLearningHoursDemo(db: Db, city: CityResult, now: Date = new Date()): Promise<void> {
  // Thousands of statements: the ledger's summary triggers are off while they run, the summaries rebuilt once after.
  await withLedgerSummariesOff(db, () => writeHours(db, city, now));
}

async function writeHours(db: Db, city: CityResult, now: Date): Promise<void> {
  const today = dayjs(now);
  const year = today.year();
  // Share of the year gone, so this year's hours are a partial year.
  const part = Math.max(0.05, today.diff(dayjs(`${year}-01-01`), 'day') / 365);
  const lastDay = today.format('YYYY-MM-DD');
  for (const [y, share, until] of [
    [year - 1, 1, `${year - 1}-12-20`],
    [year, part, lastDay],
  ] as const) {
    // Online study: 0 for one in eight, otherwise 16–40 学时 scaled to the part of the year gone.
    await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online, status)
      select m.id, ${y}::int, least(${until}::date, ${`${y}-01-01`}::date + (m.id % 300)::int), 'online', ${`material:demo-${y}`},
             '网络学习（演示汇总）', round(((16 + (m.id * 37) % 25) * ${share}::numeric)::numeric, 1), true, 'approved'
        from members m where m.status in ('normal', 'flowing') and (m.id * 13) % 8 <> 0`.execute(db);
    // A training class of 8 学时 for about half, and a passed quiz of 1 学时 for a third.
    await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online, status)
      select m.id, ${y}::int, least(${until}::date, ${`${y}-03-15`}::date + (m.id % 200)::int), 'class', ${`class:demo-${y}`},
             '支部党员集中轮训班', case when (m.id * 7) % 6 = 0 then 4 else 8 end * (case when ${share}::numeric >= 1 then 2 else 1 end), false, 'approved'
        from members m where m.status in ('normal', 'flowing') and (m.id * 11) % 2 = 0 and (${share}::numeric >= 1 or (m.id * 17) % 3 = 0)`.execute(
      db,
    );
    await sql`insert into learning_credits (member_id, year, earned_on, source, source_ref, title, hours, online, status)
      select m.id, ${y}::int, least(${until}::date, ${`${y}-02-01`}::date + (m.id % 250)::int), 'quiz', ${`quiz:demo-${y}`},
             '学习测试（演示）', 1, true, 'approved'
        from members m where m.status in ('normal', 'flowing') and (m.id * 19) % 3 = 0`.execute(db);
  }

  const officer = await db.selectFrom('users').select(['id', 'org_id']).where('username', '=', 'district-admin').executeTakeFirst();
  const ctx = { db, actor: { userId: officer?.id ?? null } as unknown as Actor } as Ctx;
  const district = await db.selectFrom('orgs').select('path').where('id', '=', city.sampleIds.district).executeTakeFirst();
  if (district && officer) {
    const people = await sql<{ id: number }>`select id from members where org_path <@ ${district.path}::ltree and status = 'normal'
      order by id limit 30`.execute(db);
    const start = `${year}-03-0${2 + (year % 5)}`;
    for (const [kind, title, hours, org, from, to, ids] of [
      ['assigned', '全市基层党组织书记示范培训班', 24, '市委组织部', start, `${year}-03-${10 + (year % 5)}`, people.rows.slice(0, 20)],
      ['party_school', '区委党校党员干部进修班（春季）', 30, '区委党校', `${year}-04-08`, `${year}-04-12`, people.rows.slice(15, 30)],
    ] as const) {
      if (to > lastDay || !ids.length) continue;
      const imp = await db
        .insertInto('learning_imports')
        .values({ kind, file_name: `${title}.xlsx`, rows: ids.length, org_id: officer.org_id, created_by: officer.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const p of ids)
        await upsertCredit(ctx, {
          memberId: Number(p.id),
          cadreId: null,
          source: kind,
          sourceRef: `${title}|${from}|${to}`,
          title,
          hours,
          earnedOn: to,
          note: `${kind === 'assigned' ? '上级调训' : '党校'}导入 #${imp.id}（${org}）`,
        });
    }
  }

  // Self-reports: the member account's own (one approved, one pending) and a few pending in the sample branch.
  const me = await db.selectFrom('users').select('member_id').where('username', '=', 'member').executeTakeFirst();
  const branch = await db
    .selectFrom('members')
    .select('id')
    .where('org_id', '=', city.sampleIds.branch)
    .where('status', '=', 'normal')
    .orderBy('id')
    .limit(4)
    .execute();
  const reports: { memberId: number; title: string; hours: number; days: number; approve: boolean }[] = [];
  if (me?.member_id) {
    const id = Number(me.member_id);
    // A visible partial year: this year's bulk rows are replaced by smaller ones for the demo account.
    await upsertCredit(ctx, {
      memberId: id,
      cadreId: null,
      source: 'online',
      sourceRef: `material:demo-${year}`,
      title: '网络学习（演示汇总）',
      hours: Math.round(14 * part * 10) / 10 + 3,
      earnedOn: lastDay,
      online: true,
    });
    reports.push({ memberId: id, title: '社区“两新”组织党建读书班', hours: 4, days: 40, approve: true });
    reports.push({ memberId: id, title: '“学习强国”线下专题讲座', hours: 2.5, days: 5, approve: false });
  }
  for (const [i, m] of branch.entries())
    if (Number(m.id) !== Number(me?.member_id))
      reports.push({
        memberId: Number(m.id),
        title: ['市图书馆理论读书会', '街道党校专题辅导', '红色教育基地现场教学'][i % 3],
        hours: 3 + i,
        days: 10 + i * 3,
        approve: false,
      });
  for (const r of reports) {
    const ended = today.subtract(r.days, 'day');
    if (ended.year() !== year) continue;
    const endedOn = ended.format('YYYY-MM-DD');
    const row = await db
      .insertInto('learning_self_reports')
      .values({
        member_id: r.memberId,
        cadre_id: null,
        title: r.title,
        organizer: '',
        started_on: endedOn,
        ended_on: endedOn,
        hours: r.hours,
        evidence_name: '结业证明.pdf',
        evidence_mime: 'application/pdf',
        evidence_size: DEMO_PDF.length,
        evidence_sha256: createHash('sha256').update(DEMO_PDF).digest('hex'),
        evidence: DEMO_PDF,
        status: r.approve ? 'approved' : 'pending',
        submitted_at: ended.add(1, 'day').toDate(),
        decided_by: r.approve ? (officer?.id ?? null) : null,
        decided_at: r.approve ? ended.add(3, 'day').toDate() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const credit = await upsertCredit(ctx, {
      memberId: r.memberId,
      cadreId: null,
      source: 'self',
      sourceRef: `self-report:${row.id}`,
      title: r.title,
      hours: r.hours,
      earnedOn: endedOn,
      status: 'pending',
    });
    if (r.approve) await setCreditStatus(ctx, credit, 'approved', '');
    await db.updateTable('learning_self_reports').set({ credit_id: credit }).where('id', '=', row.id).execute();
  }
}
