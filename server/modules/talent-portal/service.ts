// The applicant's side (issue 15 point 8; PIPL art. 13–17, 44–47): self-registration of a talent or an
// employer with a one-time code, the consent notice and its record, the talent's home and an
// employer's staff. Talent rows enter only through the registry's writer (talent/changes.ts).
//
// Against enumeration (SECURITY.md 26): asking for a code answers the same whether the phone or e-mail
// already has an account (the owner is told by the sender instead of getting a code), a row is written
// either way so the per-identifier limit counts both alike, and a code that does not match, has expired,
// was used or was never sent is refused with one message.
import { randomInt } from 'node:crypto';
import type { AnyCtx, Ctx } from '../../context.js';
import { AppError, invalid, notFound, conflict } from '../../errors.js';
import { assertPasswordPolicy, hashPassword } from '../../auth/password.js';
import { insertTalent } from '../talent/changes.js';
import { audited, recordDenied } from '../../audit/record.js';
import type { TConsentNotice, TMyEmployer, TMyTalent, TRegister, TStaff, TStaffCreate } from '../../../domain/schemas/talent-portal.js';
import type { CodeSender } from './sender.js';

export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;
/** Codes one identifier may ask for in an hour. */
export const CODES_PER_HOUR = 5;
export const BAD_CODE = '验证码不正确或已过期，请重新获取';

/** The consent notice (PIPL art. 17): a new version is a new constant, the old one stays in the records. */
export const CONSENT: TConsentNotice = {
  version: '2026-1',
  effectiveOn: '2026-12-01',
  controller: '市委人才工作领导小组办公室（人才办）',
  collected: [
    '手机号或电子邮箱（账号与联系）',
    '姓名、所在区、工作单位',
    '您此后自愿填写或上传的学历、职称、简历、证明材料（含身份证号，属敏感个人信息，加密保存）',
  ],
  purposes: ['人才信息登记与分类认定', '人才政策申报、审核、公示与兑现', '人才服务（子女入学、配偶就业、住房、医疗等）的转办与答复'],
  retention: '账号注销或最后一次申报办结后保存 5 年，期满删除或匿名化；法律法规另有规定的从其规定。',
  rights: [
    '查阅、复制您的个人信息',
    '更正、补充不准确的信息',
    '撤回同意并注销账号（不影响撤回前的处理）',
    '要求删除个人信息',
    '要求解释处理规则',
  ],
  contact: '人才办个人信息保护联系人：0000-0000000（示例）',
};

export const normalizeIdentifier = (s: string) => s.trim().toLowerCase();
const channelOf = (identifier: string) => (identifier.includes('@') ? ('email' as const) : ('sms' as const));
const identifierHash = (ctx: AnyCtx, identifier: string) => ctx.crypto.hash(`talent-portal:${identifier}`);
const codeHash = (ctx: AnyCtx, idHash: string, code: string) => ctx.crypto.hash(`talent-portal-code:${idHash}:${code}`);

/** The city's root organization (accounts are bound to it). */
async function rootOrg(ctx: AnyCtx) {
  return ctx.db.selectFrom('orgs').select(['id', 'path']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
}

/**
 * The city's districts an applicant chooses from: the 县(区)委 directly under the root, as the registry's
 * districts are (a 市直 unit or a city enterprise under the root is not a district: its talents belong to
 * the district they work in).
 */
const districts = (ctx: AnyCtx, rootId: number) =>
  ctx.db.selectFrom('orgs').where('parent_id', '=', rootId).where('kind', '=', 'county_committee').where('status', '=', 'active');

export async function publicDistricts(ctx: AnyCtx) {
  const root = await rootOrg(ctx);
  return districts(ctx, root.id).select(['id', 'name']).orderBy('sort_key').orderBy('id').execute();
}

/** Sends a code (or, for a known identifier, a notice that it already has an account): the same answer either way. */
export async function sendCode(ctx: AnyCtx, identifier: string, sender: CodeSender): Promise<{ sent: true; expiresInMinutes: number }> {
  const now = ctx.clock.now();
  const idHash = identifierHash(ctx, identifier);
  const recent = await ctx.db
    .selectFrom('talent_portal_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('identifier_hash', '=', idHash)
    .where('created_at', '>', new Date(now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= CODES_PER_HOUR) throw new AppError('RATE_LIMITED', '获取验证码过于频繁，请一小时后再试', 429, 'identifier');
  const known = !!(await ctx.db.selectFrom('users').select('id').where('username', '=', identifier).executeTakeFirst());
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.db
    .insertInto('talent_portal_codes')
    .values({
      identifier_hash: idHash,
      code_hash: known ? null : codeHash(ctx, idHash, code),
      ip: ctx.origin.ip,
      created_at: now,
      expires_at: new Date(now.getTime() + CODE_MINUTES * 60_000),
    })
    .execute();
  await sender.send({
    to: identifier,
    channel: channelOf(identifier),
    kind: known ? 'known' : 'code',
    code: known ? undefined : code,
    minutes: CODE_MINUTES,
  });
  return { sent: true, expiresInMinutes: CODE_MINUTES };
}

/**
 * Checks the code against the identifier's latest one. A wrong code counts an attempt (committed even
 * though the registration fails); the latest code is the only one that counts, so asking again voids the old.
 */
async function checkCode(ctx: AnyCtx, idHash: string, code: string): Promise<number> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .selectFrom('talent_portal_codes')
    .selectAll()
    .where('identifier_hash', '=', idHash)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.code_hash === null || row.used_at !== null || row.expires_at.getTime() <= now.getTime() || row.attempts >= CODE_ATTEMPTS)
    throw invalid(BAD_CODE, 'code');
  if (row.code_hash !== codeHash(ctx, idHash, code)) {
    await ctx.db
      .updateTable('talent_portal_codes')
      .set({ attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .execute();
    throw invalid(BAD_CODE, 'code');
  }
  return row.id;
}

/** Registers a talent or an employer account (one audited transaction, after the code is checked). */
export async function register(ctx: AnyCtx, b: TRegister): Promise<{ userId: number; username: string }> {
  const identifier = normalizeIdentifier(b.identifier);
  if (!b.consent) throw invalid('请阅读并同意个人信息处理规则后再注册', 'consent');
  if (b.consentVersion !== CONSENT.version) throw invalid('个人信息处理规则已更新，请重新阅读并同意', 'consentVersion');
  const root = await rootOrg(ctx);
  const district = await districts(ctx, root.id).select(['id', 'path']).where('id', '=', b.districtOrgId).executeTakeFirst();
  if (!district) throw invalid('所在区不存在', 'districtOrgId');
  if (b.kind === 'employer' && !b.employerName) throw invalid('请填写单位名称', 'employerName');
  assertPasswordPolicy(b.password, identifier, 'password', b.name);
  const idHash = identifierHash(ctx, identifier);
  const codeId = await checkCode(ctx, idHash, b.code);

  const spec = {
    action: b.kind === 'talent' ? 'talent.portal.register' : 'talent.portal.register_employer',
    objectType: 'user',
    objectId: (r: { userId: number }) => r.userId,
  };
  return audited(ctx, spec, async (trx) => {
    const now = ctx.clock.now();
    const used = await trx
      .updateTable('talent_portal_codes')
      .set({ used_at: now })
      .where('id', '=', codeId)
      .where('used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!used) throw invalid(BAD_CODE, 'code');
    if (await trx.selectFrom('users').select('id').where('username', '=', identifier).executeTakeFirst()) throw invalid(BAD_CODE, 'code');
    if (b.kind === 'employer' && b.creditCode) {
      if (await trx.selectFrom('talent_employers').select('id').where('credit_code', '=', b.creditCode).executeTakeFirst())
        throw conflict('该统一社会信用代码已注册，请联系单位的现有账号', 'creditCode');
    }
    const hash = await hashPassword(b.password);
    const { id: userId } = await trx
      .insertInto('users')
      .values({ username: identifier, display_name: b.name, org_id: root.id, password_hash: hash, password_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role: b.kind === 'talent' ? 'talent' : 'talent_employer' })
      .execute();
    await trx.insertInto('password_history').values({ user_id: userId, password_hash: hash, created_at: now }).execute();
    await trx
      .insertInto('talent_portal_consents')
      .values({ user_id: userId, version: b.consentVersion, accepted_at: now, ip: ctx.origin.ip })
      .execute();
    const contact = channelOf(identifier) === 'email' ? { email: identifier } : { phone: identifier };
    if (b.kind === 'talent') {
      await insertTalent(
        { db: trx, actor: { userId }, clock: ctx.clock, crypto: ctx.crypto },
        { name: b.name, ...contact, district_org_id: district.id, user_id: userId },
        'self.register',
      );
    } else {
      const { id: employerId } = await trx
        .insertInto('talent_employers')
        .values({
          name: b.employerName,
          credit_code: b.creditCode || null,
          district_org_id: district.id,
          district_path: district.path,
          contact_name: b.name,
          contact_phone: contact.phone ?? '',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('talent_employer_users').values({ employer_id: employerId, user_id: userId }).execute();
    }
    return { userId, username: identifier };
  });
}

async function consentsOf(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('talent_portal_consents')
    .select(['version', 'accepted_at'])
    .where('user_id', '=', ctx.actor.userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, acceptedAt: new Date(r.accepted_at).toISOString() }));
}

const day = (d: unknown) => (d == null ? null : d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** The talent's own record, documents (names only) and consents. */
export async function myTalent(ctx: Ctx): Promise<TMyTalent> {
  const p = await ctx.db
    .selectFrom('talent_people as p')
    .innerJoin('orgs as o', 'o.id', 'p.district_org_id')
    .leftJoin('talent_employers as e', 'e.id', 'p.employer_id')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .select([
      'p.id',
      'p.name',
      'p.phone',
      'p.email',
      'o.name as district_name',
      'e.name as employer_name',
      'p.field',
      'p.industry',
      't.name as tier_name',
      'p.card_no',
      'p.card_issued_on',
      'p.card_expires_on',
      'p.status',
    ])
    .where('p.user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  const documents = p
    ? await ctx.db
        .selectFrom('talent_documents')
        .select(['id', 'kind', 'file_name', 'uploaded_at'])
        .where('person_id', '=', p.id)
        .orderBy('id', 'desc')
        .limit(200)
        .execute()
    : [];
  return {
    person: p
      ? {
          id: p.id,
          name: p.name,
          phone: p.phone,
          email: p.email,
          districtName: p.district_name,
          employerName: p.employer_name,
          field: p.field,
          industry: p.industry,
          tierName: p.tier_name,
          cardNo: p.card_no,
          cardIssuedOn: day(p.card_issued_on),
          cardExpiresOn: day(p.card_expires_on),
          status: p.status,
        }
      : null,
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.file_name, uploadedAt: new Date(d.uploaded_at).toISOString() })),
    consents: await consentsOf(ctx),
  };
}

async function myEmployerRow(ctx: Ctx) {
  const e = await ctx.db
    .selectFrom('talent_employer_users as u')
    .innerJoin('talent_employers as e', 'e.id', 'u.employer_id')
    .innerJoin('orgs as o', 'o.id', 'e.district_org_id')
    .select(['e.id', 'e.name', 'e.credit_code', 'o.name as district_name'])
    .where('u.user_id', '=', ctx.actor.userId)
    .executeTakeFirst();
  // An account not (yet) linked to an employer has nothing to show: 404, not a refusal of the role.
  if (!e) throw new AppError('NO_EMPLOYER', '此账号未关联用人单位', 404);
  return e;
}

function staffQuery(ctx: Ctx, employerId: number) {
  return ctx.db
    .selectFrom('talent_people as p')
    .leftJoin('talent_tiers as t', 't.id', 'p.tier_id')
    .select(['p.id', 'p.name', 'p.phone', 'p.email', 'p.field', 't.name as tier_name', 'p.card_no', 'p.status'])
    .where('p.employer_id', '=', employerId);
}

const staffOf = (r: {
  id: number;
  name: string;
  phone: string;
  email: string;
  field: string;
  tier_name: string | null;
  card_no: string | null;
  status: string;
}): TStaff => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  field: r.field,
  tierName: r.tier_name,
  cardNo: r.card_no,
  status: r.status,
});

export async function myEmployer(ctx: Ctx): Promise<TMyEmployer> {
  const e = await myEmployerRow(ctx);
  const staff = await staffQuery(ctx, e.id).orderBy('p.sort_key').orderBy('p.id').limit(2000).execute();
  return {
    employer: { id: e.id, name: e.name, creditCode: e.credit_code, districtName: e.district_name },
    staff: staff.map(staffOf),
    consents: await consentsOf(ctx),
  };
}

/** One of the employer's own staff; another employer's looks missing (and the refusal is audited). */
export async function staffMember(ctx: Ctx, id: number): Promise<TStaff> {
  const e = await myEmployerRow(ctx);
  const r = await staffQuery(ctx, e.id).where('p.id', '=', id).executeTakeFirst();
  if (!r) {
    await recordDenied(ctx, 'talent.employer', 'talent_person', id, 'not this employer');
    throw notFound('人员');
  }
  return staffOf(r);
}

/** Adds a staff member to the employer's own list (through the registry's writer); in the caller's transaction. */
export async function addStaff(ctx: Ctx, b: TStaffCreate): Promise<number> {
  const e = await myEmployerRow(ctx);
  return insertTalent(
    { db: ctx.db, actor: ctx.actor, clock: ctx.clock, crypto: ctx.crypto },
    { name: b.name, phone: b.phone, email: b.email, field: b.field, employer_id: e.id },
    'employer.add',
  );
}
