// Demo data of the transfers area for 示范市 (called by server/demo/seed-demo.ts): letters in every
// state (in flight, overdue, confirmed, returned, out of and into the city) and members who are
// mobile (流动党员), out of contact or suspended. Deterministic draws from a seeded PRNG; the
// dates of letters still open are counted back from the real today so that "overdue" shows.
import { sql } from 'kysely';
import dayjs from 'dayjs';
import type { Db } from '../../db/engine.js';
import type { Keys } from '../../crypto/keys.js';
import type { CityResult } from '../../demo/generate-city.js';
import { DEFAULT_AS_OF } from '../../demo/generate-city.js';
import { createRng, type Rng } from '../../demo/prng.js';
import { addDays, addMonths } from '../../demo/dates.js';
import { insertInBatches } from '../../db/batches.js';
import { DEFAULT_TRANSFER_SETTINGS, expiresOn, letterNumber, type TransferStatus } from '../../../domain/rules/transfers.js';

interface Org {
  id: number;
  name: string;
  code: string;
  path: string;
}
interface Person {
  id: number;
  org_id: number;
  name: string;
  gender: string;
  category: 'full' | 'probationary';
  id_masked: string | null;
}

const PLACES = ['广东省深圳市南山区', '浙江省杭州市西湖区', '江苏省苏州市工业园区', '上海市浦东新区', '北京市海淀区', '福建省厦门市思明区'];
const OUTSIDE = ['中共某省某市委组织部', '中共某县委组织部', '中共某区委组织部'];
const REASONS = ['工作调动', '随迁', '毕业离校', '退休回原籍', '外出务工'];

export async function seedTransfersDemo(db: Db, city: CityResult, _keys: Keys): Promise<void> {
  const rng = createRng(2026, 31);
  const today = dayjs().format('YYYY-MM-DD');
  const branches: Org[] = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'code', sql<string>`path::text`.as('path')])
    .where('kind', '=', 'branch')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const people: Person[] = await db
    .selectFrom('members')
    .select(['id', 'org_id', 'name', 'gender', 'category', 'id_masked'])
    .where('status', '=', 'normal')
    .orderBy('id')
    .execute();
  if (branches.length < 3 || people.length < 50) return;
  const byOrg = new Map<number, Person[]>();
  for (const p of people) {
    const list = byOrg.get(p.org_id);
    if (list) list.push(p);
    else byOrg.set(p.org_id, [p]);
  }
  const orgOf = new Map(branches.map((b) => [b.id, b]));
  const used = new Set<number>();
  const take = (orgId: number): Person | null => {
    const p = (byOrg.get(orgId) ?? []).find((x) => !used.has(x.id));
    if (p) used.add(p.id);
    return p ?? null;
  };
  const anyBranch = () => rng.pick(branches);
  const serials = new Map<string, number>();
  const numberFor = (issued: string, org: Org, incoming = false) => {
    const key = `${issued.slice(0, 4)}-${org.code}-${incoming}`;
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return letterNumber(Number(issued.slice(0, 4)), org.code || String(org.id), n, incoming);
  };

  const letters: Record<string, unknown>[] = [];
  const moves: { id: number; org_id: number; letter: string }[] = [];
  const outs: { id: number; since: string; to: string }[] = [];
  const within = (from: Org, to: Org, status: TransferStatus, issued: string, validDays = DEFAULT_TRANSFER_SETTINGS.withinCityDays) => {
    const p = take(from.id);
    if (!p || from.id === to.id) return;
    const no = numberFor(issued, from);
    const row = baseRow(p, no, 'within_city', status, issued, validDays, rng);
    Object.assign(row, { from_org_id: from.id, from_org_name: from.name, to_org_id: to.id, to_org_name: to.name });
    if (status !== 'issued') row.received_on = addDays(issued, 2);
    if (status === 'confirmed') {
      row.confirmed_on = addDays(issued, 3);
      moves.push({ id: p.id, org_id: to.id, letter: no });
    }
    if (status === 'returned') {
      row.returned_on = addDays(issued, validDays + 2);
      row.return_reason = rng.pick(['介绍信已过有效期', '接收单位信息有误，请重新开具']);
    }
    letters.push(row);
  };
  const demoBranch = orgOf.get(city.sampleIds.branch);
  const otherBranch = orgOf.get(city.sampleIds.otherBranch);
  // The demo branch's own view: letters going out and coming in, one of them overdue.
  if (demoBranch && otherBranch) {
    within(demoBranch, otherBranch, 'issued', addDays(today, -2));
    within(demoBranch, anyBranch(), 'received', addDays(today, -4));
    within(demoBranch, anyBranch(), 'issued', addDays(today, -25));
    within(demoBranch, anyBranch(), 'confirmed', addDays(DEFAULT_AS_OF, -60));
    within(demoBranch, anyBranch(), 'returned', addDays(DEFAULT_AS_OF, -90));
    within(otherBranch, demoBranch, 'issued', addDays(today, -1));
    within(anyBranch(), demoBranch, 'received', addDays(today, -3));
    within(anyBranch(), demoBranch, 'issued', addDays(today, -20));
    within(anyBranch(), demoBranch, 'confirmed', addDays(DEFAULT_AS_OF, -45));
  }
  // Across the city: mostly confirmed, some in flight, some overdue, a few returned.
  for (let i = 0; i < 120; i++) {
    const status = rng.weighted(
      ['confirmed', 'issued', 'received', 'overdue', 'returned'] as const,
      (s) => ({ confirmed: 50, issued: 20, received: 10, overdue: 12, returned: 8 })[s],
    );
    const issued =
      status === 'confirmed' || status === 'returned'
        ? addDays(DEFAULT_AS_OF, -rng.int(20, 360))
        : status === 'overdue'
          ? addDays(today, -rng.int(12, 60))
          : addDays(today, -rng.int(0, 8));
    within(anyBranch(), anyBranch(), status === 'overdue' ? rng.pick(['issued', 'received'] as const) : status, issued);
  }
  // Out of the city: the receipt came back (transferred out) or is still awaited.
  for (let i = 0; i < 20; i++) {
    const from = anyBranch();
    const p = take(from.id);
    if (!p) continue;
    const done = rng.chance(0.6);
    const issued = done ? addDays(DEFAULT_AS_OF, -rng.int(30, 300)) : addDays(today, -rng.int(0, 45));
    const row = baseRow(
      p,
      numberFor(issued, from),
      'out_of_city',
      done ? 'confirmed' : 'issued',
      issued,
      DEFAULT_TRANSFER_SETTINGS.outOfCityDays,
      rng,
    );
    Object.assign(row, { from_org_id: from.id, from_org_name: from.name, to_org_name: rng.pick(OUTSIDE), to_address: rng.pick(PLACES) });
    if (done) {
      row.confirmed_on = addDays(issued, rng.int(10, 25));
      outs.push({ id: p.id, since: row.confirmed_on as string, to: row.to_org_name as string });
    }
    letters.push(row);
  }
  // From outside the city, registered by the receiving branch and awaiting confirmation.
  for (let i = 0; i < 8; i++) {
    const to = i === 0 && demoBranch ? demoBranch : anyBranch();
    const issued = addDays(today, -rng.int(1, 20));
    const p: Person = {
      id: 0,
      org_id: to.id,
      name: `${rng.pick(['赵', '钱', '孙', '周', '吴', '郑'])}${rng.pick(['晓明', '海燕', '建华', '丽娟', '志强', '文静'])}`,
      gender: rng.pick(['男', '女']),
      category: 'full',
      id_masked: null,
    };
    const row = baseRow(p, numberFor(issued, to, true), 'into_city', 'received', issued, DEFAULT_TRANSFER_SETTINGS.outOfCityDays, rng);
    Object.assign(row, {
      member_id: null,
      from_org_name: rng.pick(OUTSIDE),
      to_org_id: to.id,
      to_org_name: to.name,
      external_no: `WS${issued.slice(0, 4)}-${rng.int(100, 999)}`,
      received_on: issued,
      incoming: JSON.stringify({
        name: p.name,
        gender: p.gender,
        category: 'full',
        idCipher: null,
        admittedOn: addDays('2010-07-01', rng.int(0, 3000)),
      }),
    });
    letters.push(row);
  }

  const status = drawStatuses(
    rng,
    people.filter((p) => !used.has(p.id)),
    demoBranch?.id ?? -1,
  );
  await db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'transfer_letters', letters as never[]);
    if (moves.length) {
      await sql`update members m set org_id = v.org_id, version = m.version + 1 from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as v(id bigint, org_id bigint) where m.id = v.id`.execute(
        trx,
      );
      await insertInBatches(
        trx,
        'member_history',
        moves.map((mv) => ({
          member_id: mv.id,
          action: 'transfer',
          actor_id: null,
          at: new Date(`${DEFAULT_AS_OF}T00:00:00Z`),
          before: null,
          after: JSON.stringify({ org_id: mv.org_id, letterNo: mv.letter }),
        })),
      );
    }
    if (outs.length) {
      await sql`update members m set status = 'transferred_out', status_since = v.since::date, left_reason = '转出至' || v.to from jsonb_to_recordset(${JSON.stringify(outs)}::jsonb) as v(id bigint, since text, "to" text) where m.id = v.id`.execute(
        trx,
      );
    }
    if (status.updates.length) {
      await sql`update members m set status = v.status, status_since = v.since::date from jsonb_to_recordset(${JSON.stringify(status.updates)}::jsonb) as v(id bigint, status text, since text) where m.id = v.id`.execute(
        trx,
      );
      await insertInBatches(trx, 'member_status_events', status.events as never[]);
      await insertInBatches(trx, 'member_flowing', status.flowing as never[]);
    }
  });
}

function baseRow(
  p: Person,
  no: string,
  kind: string,
  status: TransferStatus,
  issued: string,
  validDays: number,
  rng: Rng,
): Record<string, unknown> {
  return {
    letter_no: no,
    kind,
    status,
    member_id: p.id,
    member_name: p.name,
    gender: p.gender,
    category: p.category,
    id_masked: p.id_masked,
    reason: rng.pick(REASONS),
    dues_paid_until: dayjs(issued).subtract(1, 'month').format('YYYY-MM'),
    issued_on: issued,
    valid_days: validDays,
    expires_on: expiresOn(issued, validDays),
    updated_at: new Date(`${issued}T08:00:00Z`),
  };
}

/** About 1 % mobile members, 0.3 % out of contact (some over 6 months), a few suspended; two in the demo branch. */
function drawStatuses(rng: Rng, pool: Person[], demoBranchId: number) {
  const updates: { id: number; status: string; since: string }[] = [];
  const events: Record<string, unknown>[] = [];
  const flowing: Record<string, unknown>[] = [];
  const inDemo = pool.filter((p) => p.org_id === demoBranchId).slice(0, 2);
  const rest = rng.shuffle(pool.filter((p) => p.org_id !== demoBranchId)).slice(0, Math.round(pool.length * 0.015));
  const picks: [Person, 'flowing' | 'lost_contact' | 'suspended'][] = [
    ...inDemo.map((p, i) => [p, i === 0 ? 'flowing' : 'lost_contact'] as [Person, 'flowing' | 'lost_contact']),
    ...rest.map(
      (p) =>
        [
          p,
          rng.weighted(['flowing', 'lost_contact', 'suspended'] as const, (s) => ({ flowing: 65, lost_contact: 25, suspended: 10 })[s]),
        ] as [Person, 'flowing' | 'lost_contact' | 'suspended'],
    ),
  ];
  for (const [p, st] of picks) {
    // The demo branch's member out of contact is past the 6 months, so the attention list shows them.
    const since =
      inDemo.includes(p) && st === 'lost_contact'
        ? addMonths(DEFAULT_AS_OF, -8)
        : st === 'flowing'
          ? addDays(DEFAULT_AS_OF, -rng.int(30, 700))
          : st === 'lost_contact'
            ? addMonths(DEFAULT_AS_OF, -rng.int(2, 14))
            : addMonths(DEFAULT_AS_OF, -rng.int(3, 30));
    updates.push({ id: p.id, status: st, since });
    const base = {
      member_id: p.id,
      from_status: 'normal',
      to_status: st,
      event_date: since,
      actor_id: null,
      document_no: null,
      exit_kind: null,
    };
    if (st === 'flowing') {
      const place = rng.pick(PLACES);
      const f = {
        certificateNo: `LD${since.slice(0, 4)}${String(p.id).padStart(6, '0')}`,
        place,
        contact: `138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        attendingOrg: `${place.slice(0, 3)}流动党员党支部`,
      };
      flowing.push({ member_id: p.id, certificate_no: f.certificateNo, place, since, contact: f.contact, attending_org: f.attendingOrg });
      events.push({ ...base, kind: 'flowing', reason: '外出务工经商', suspend_basis: null, details: JSON.stringify(f) });
    } else if (st === 'lost_contact') {
      events.push({ ...base, kind: 'lost_contact', reason: '多次联系未果', suspend_basis: null, details: null });
    } else {
      events.push({
        ...base,
        from_status: 'lost_contact',
        kind: 'suspend',
        reason: '失联满六个月',
        suspend_basis: 'lost_contact',
        details: null,
      });
    }
  }
  return { updates, events, flowing };
}
