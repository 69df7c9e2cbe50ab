// Banks and quizzes through the API: a bank imported all or nothing (a bad row names its sheet, row and
// column and writes nothing), exported and read back; a quiz drawn and taken by the demo member with
// the key kept from the paper until submission, the time limit and the attempts limit enforced by the
// server, the pass credited once in the 学时 ledger; another district's bank and quiz answer 404.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, multipartFile, type TestApp } from '../../test/test-app.js';
import { buildUserWithRole, expectAuditRow } from '../../test/factories.js';

let t: TestApp;
let district: string;
let member: string;
let otherAdmin: string;
const base = '/api/learning';

async function sheet(rows: (string | number)[][], name = '题库'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (cookie: string, bankId: number, format: string, file: Buffer, name: string) => {
  const { payload, contentType } = multipartFile(file, name);
  return t.app.inject({
    method: 'POST',
    url: `${base}/banks/${bankId}/import?format=${format}`,
    payload,
    headers: { cookie, 'content-type': contentType },
  });
};

const countQuestions = async (bankId: number) =>
  Number(
    (
      await t.db
        .selectFrom('learning_questions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('bank_id', '=', bankId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const HEADER = ['题型', '题目', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '分类', '难度'];
const GOOD: (string | number)[][] = [
  [
    '单选题',
    '党的最高领导机关是党的全国代表大会和它所产生的（ ）。',
    '中央委员会',
    '中央政治局',
    '中央书记处',
    '中央军委',
    'A',
    '党章第十条',
    '党章',
    '易',
  ],
  ['多选题', '“三会一课”包括（ ）。', '支部党员大会', '支部委员会', '党小组会', '党课', 'A,B,C,D', '', '组织生活', '中'],
  ['多选', '党的纪律处分包括（ ）。', '警告', '记过', '留党察看', '罚款', 'AC', '', '纪律', ''],
  ['判断题', '预备党员的预备期为一年。', '', '', '', '', '对', '', '发展党员', ''],
  ['判断', '党员有退党的自由。', '', '', '', '', '√', '', '党章', ''],
  ['判断题', '支部委员会会议一般每季度召开一次。', '', '', '', '', '错误', '一般每月一次', '组织生活', '难'],
  ['填空题', '中国共产党成立于____年，党的生日是____。', '', '', '', '', '1921|1921年；7月1日|七一', '', '党史', ''],
];

let bankId: number;

beforeAll(async () => {
  t = await createTestApp({ areaDemos: true });
  district = await t.login('district-admin');
  member = await t.login('member');
  // An administrator of the other district (outside district-admin's subtree).
  const other = await t.db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', t.city.sampleIds.city)
    .where('id', '<>', t.city.sampleIds.district)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const u = await buildUserWithRole(t.db, { username: 'other-district-admin', role: 'org_dept_admin', orgId: other.id });
  otherAdmin = await t.login(u.username, u.password);
  const res = await t.call(district, 'POST', `${base}/banks`, { name: '测试题库', description: '' });
  expect(res.statusCode).toBe(201);
  bankId = json(res).id;
});
afterAll(async () => {
  await t?.close();
});

describe('import', () => {
  it('reads the one-sheet layout (题型 column) with A,B and AB answers, √ and 错误, blanks with variants', async () => {
    const res = await upload(district, bankId, 'excel', await sheet([HEADER, ...GOOD]), '题库.xlsx');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ applied: true, questions: 7, counts: { single: 1, multiple: 2, judge: 3, fill: 1 }, errors: [] });
    const page = json(await t.call(district, 'GET', `${base}/banks/${bankId}/questions?type=multiple`));
    expect(page.items.map((q: { answerText: string }) => q.answerText).sort()).toEqual(['A,B,C,D', 'A,C']);
    const fill = json(await t.call(district, 'GET', `${base}/banks/${bankId}/questions?type=fill`)).items[0];
    expect(fill.answerText).toBe('1921|1921年；7月1日|七一');
    await expectAuditRow(t.db, {
      result: 'success',
      action: 'learning.bank.import',
      objectType: 'learning_bank',
      objectId: String(bankId),
    });
  });

  it('reads the layout of one sheet per type, the type from the sheet name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('单选题').addRows([
      ['题目', '选项A', '选项B', '选项C', '正确选项', '解析'],
      ['党的根本宗旨是（ ）。', '全心全意为人民服务', '实事求是', '艰苦奋斗', 'A', ''],
    ]);
    wb.addWorksheet('判断题').addRows([
      ['题目', '正确答案'],
      ['党章规定党员享有八项权利。', '正确'],
      ['留党察看最长不超过三年。', '×'],
    ]);
    wb.addWorksheet('说明').addRows([['本表为演示']]);
    const b = json(await t.call(district, 'POST', `${base}/banks`, { name: '分表题库' })).id;
    const res = await upload(district, b, 'excel', Buffer.from(await wb.xlsx.writeBuffer()), '分表.xlsx');
    expect(json(res)).toMatchObject({ applied: true, questions: 3, counts: { single: 1, judge: 2 } });
  });

  it('writes nothing when one row is bad, naming its sheet, row and column', async () => {
    const before = await countQuestions(bankId);
    const bad = [
      ...GOOD.slice(0, 3),
      ['单选题', '党员的党龄从何时算起？', '转正之日', '宣誓之日', '', '', 'E', '', '', ''],
      ...GOOD.slice(3),
    ];
    const res = await upload(district, bankId, 'excel', await sheet([HEADER, ...bad], '第一批'), '坏.xlsx');
    expect(res.statusCode).toBe(200);
    const r = json(res);
    expect(r.applied).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ sheet: '第一批', row: 5, column: '答案', where: '第一批 第5行 答案' })]);
    expect(r.errors[0].message).toContain('超出选项范围');
    expect(await countQuestions(bankId)).toBe(before);
  });

  it('reads GIFT and Aiken text, and names the line of a broken question', async () => {
    const gift = [
      '$CATEGORY: 党章',
      '',
      '::q1:: 党的组织原则是 {=民主集中制 ~集体领导 ~个人负责#党章第十条}',
      '',
      '党员有退党的自由。{T}',
      '',
      '中国共产党成立于 {=1921 =1921年} 年。',
      '',
      '三会一课包括 {~%50%支部党员大会 ~%50%党课 ~%-100%主题党日}',
    ].join('\n');
    const b = json(await t.call(district, 'POST', `${base}/banks`, { name: 'GIFT' })).id;
    const ok = json(await upload(district, b, 'gift', Buffer.from(gift), 'q.gift'));
    expect(ok).toMatchObject({ applied: true, questions: 4, counts: { single: 1, judge: 1, fill: 1, multiple: 1 } });
    const broken = json(await upload(district, b, 'gift', Buffer.from(`${gift}\n\n第二题 {=甲 ~乙\n`), 'q.gift'));
    expect(broken.applied).toBe(false);
    expect(broken.errors[0].row).toBe(11);
    const aiken = [
      '党的最高理想是什么？',
      'A. 共产主义',
      'B. 全面小康',
      'ANSWER: A',
      '',
      '三会一课包括哪些？',
      'A) 党员大会',
      'B) 支委会',
      'C) 主题党日',
      'ANSWER: A,B',
    ].join('\n');
    expect(json(await upload(district, b, 'aiken', Buffer.from(aiken), 'a.txt'))).toMatchObject({
      applied: true,
      counts: { single: 1, multiple: 1 },
    });
    const badAiken = json(await upload(district, b, 'aiken', Buffer.from('题目一\nA. 甲\nB. 乙\nANSWER: C\n'), 'a.txt'));
    expect(badAiken.errors).toEqual([expect.objectContaining({ row: 1, where: '第1行' })]);
  });

  it('refuses a file that is not what it says, and a foreign bank', async () => {
    expect((await upload(district, bankId, 'excel', Buffer.from('not a zip'), 'x.xlsx')).statusCode).toBe(400);
    expect((await upload(district, bankId, 'gift', Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'x.txt')).statusCode).toBe(400);
    expect((await upload(otherAdmin, bankId, 'excel', await sheet([HEADER, ...GOOD]), '题库.xlsx')).statusCode).toBe(404);
  });

  it('exports the bank with a purpose, audited, and the file imports back unchanged', async () => {
    expect((await t.call(district, 'GET', `${base}/banks/${bankId}/export`)).statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'GET',
      url: `${base}/banks/${bankId}/export?purpose=备份题库`,
      headers: { cookie: district },
    });
    expect(res.statusCode).toBe(200);
    await expectAuditRow(t.db, { result: 'success', action: 'learning.bank.export', objectType: 'learning_bank' });
    const copy = json(await t.call(district, 'POST', `${base}/banks`, { name: '副本' })).id;
    const back = json(await upload(district, copy, 'excel', res.rawPayload, '副本.xlsx'));
    expect(back).toMatchObject({ applied: true, questions: 7 });
    const texts = async (id: number) =>
      json(await t.call(district, 'GET', `${base}/banks/${id}/questions?limit=200`)).items.map((q: Record<string, unknown>) => [
        q.type,
        q.stem,
        q.options,
        q.answerText,
        q.category,
        q.difficulty,
      ]);
    expect((await texts(copy)).sort()).toEqual((await texts(bankId)).sort());
  });
});

describe('quizzes', () => {
  let quizId: number;
  const quizBody = (over: Record<string, unknown> = {}) => ({
    title: '测试一',
    rules: [
      { bankId, type: 'single', count: 1, points: 10 },
      { bankId, type: 'multiple', count: 2, points: 10 },
      { bankId, type: 'judge', count: 3, points: 10 },
      { bankId, type: 'fill', count: 1, points: 10 },
    ],
    timeLimitMinutes: 10,
    maxAttempts: 2,
    passPercent: 60,
    hours: 1.5,
    opensOn: '2020-01-01',
    closesOn: '2099-12-31',
    ...over,
  });

  it('refuses to publish a quiz its banks cannot fill, names the rule; publishes one they can', async () => {
    const short = json(
      await t.call(district, 'POST', `${base}/quizzes`, quizBody({ rules: [{ bankId, type: 'judge', count: 9, points: 1 }] })),
    );
    expect(short.rules[0].shortfall).toBeGreaterThan(0);
    const r = await t.call(district, 'POST', `${base}/quizzes/${short.id}/publish`);
    expect(r.statusCode).toBe(409);
    expect(json(r).error.message).toContain('第 1 条抽题规则');
    const q = json(await t.call(district, 'POST', `${base}/quizzes`, quizBody()));
    expect(q).toMatchObject({ questionCount: 7, totalPoints: 70, status: 'draft' });
    expect((await t.call(district, 'POST', `${base}/quizzes/${q.id}/publish`)).statusCode).toBe(200);
    quizId = q.id;
  });

  it('another district neither sees nor takes the quiz; the bank answers 404 too', async () => {
    expect((await t.call(otherAdmin, 'GET', `${base}/quizzes/${quizId}`)).statusCode).toBe(404);
    expect((await t.call(otherAdmin, 'GET', `${base}/banks/${bankId}`)).statusCode).toBe(404);
    expect((await t.call(district, 'GET', `${base}/banks/${bankId}`)).statusCode).toBe(200);
    const foreign = json(await t.call(otherAdmin, 'POST', `${base}/banks`, { name: '外区题库' })).id;
    const r = await t.call(
      district,
      'POST',
      `${base}/quizzes`,
      quizBody({ rules: [{ bankId: foreign, type: 'single', count: 1, points: 1 }] }),
    );
    expect(r.statusCode).toBe(404);
  });

  let attemptId: number;
  it('gives the member a paper without the key, options in the sitting’s own order', async () => {
    const mine = json(await t.call(member, 'GET', `${base}/me/quizzes`)).items;
    expect(mine.find((q: { id: number }) => q.id === quizId)).toMatchObject({ canStart: true, attemptsUsed: 0, window: 'open' });
    const res = await t.call(member, 'POST', `${base}/me/quizzes/${quizId}/attempts`);
    expect(res.statusCode).toBe(200);
    const a = json(res);
    attemptId = a.id;
    expect(a.items).toHaveLength(7);
    expect(a.items.map((i: { type: string }) => i.type)).toEqual(['single', 'multiple', 'multiple', 'judge', 'judge', 'judge', 'fill']);
    // Nothing of the key in the answer: no key, no explanation, no answer text anywhere in the body.
    expect(
      a.items.every(
        (i: { key: unknown; explanation: unknown; earned: unknown }) => i.key === null && i.explanation === null && i.earned === null,
      ),
    ).toBe(true);
    expect(res.body).not.toContain('七一');
    expect(res.body).not.toContain('一般每月一次');
    // Starting again resumes the same sitting.
    expect(json(await t.call(member, 'POST', `${base}/me/quizzes/${quizId}/attempts`)).id).toBe(attemptId);
    // Someone else's sitting is not found.
    expect((await t.call(member, 'GET', `${base}/attempts/999999`)).statusCode).toBe(404);
  });

  it('grades on submission, shows the key and explanation, and credits the pass once', async () => {
    const paper = json(await t.call(member, 'GET', `${base}/attempts/${attemptId}`));
    // Answer everything from the bank's key, mapped to this paper's order through the stored order.
    const items = await t.db
      .selectFrom('learning_attempt_items as i')
      .innerJoin('learning_questions as q', 'q.id', 'i.question_id')
      .select(['i.position', 'i.option_order', 'q.type', 'q.answer'])
      .where('i.attempt_id', '=', attemptId)
      .orderBy('i.position')
      .execute();
    const answers = items.map((i) => {
      const order = i.option_order as number[];
      if (i.type === 'judge') return { position: i.position, value: i.answer as boolean };
      if (i.type === 'fill') return { position: i.position, blanks: (i.answer as string[][]).map((b) => b[b.length - 1]) };
      return { position: i.position, choices: (i.answer as number[]).map((o) => order.indexOf(o)) };
    });
    // One wrong judge answer: 60 of 70 = 85.7%.
    const j = answers.findIndex((a) => 'value' in a);
    answers[j] = { position: answers[j].position, value: !(answers[j] as { value: boolean }).value };
    expect(paper.status).toBe('open');
    const res = await t.call(member, 'POST', `${base}/attempts/${attemptId}/submit`, { answers });
    expect(res.statusCode).toBe(200);
    const r = json(res);
    expect(r).toMatchObject({ status: 'submitted', earned: 60, total: 70, percent: 85.7, passed: true, late: false });
    expect(r.items.filter((i: { correct: boolean }) => !i.correct)).toHaveLength(1);
    expect(r.items.every((i: { key: unknown }) => i.key !== null)).toBe(true);
    expect(r.items.some((i: { explanation: string }) => i.explanation === '一般每月一次')).toBe(true);
    expect((await t.call(member, 'POST', `${base}/attempts/${attemptId}/submit`, { answers })).statusCode).toBe(409);
    const credits = await t.db
      .selectFrom('learning_credits')
      .selectAll()
      .where('source', '=', 'quiz')
      .where('source_ref', '=', `quiz:${quizId}`)
      .execute();
    expect(credits.map((c) => [Number(c.hours), c.title])).toEqual([[1.5, '测试一']]);
    await expectAuditRow(t.db, {
      result: 'success',
      action: 'learning.attempt.submit',
      objectType: 'learning_attempt',
      objectId: String(attemptId),
    });
  });

  it('grades a late submission on the answers saved by the deadline, and stops at the attempts limit', async () => {
    const a = json(await t.call(member, 'POST', `${base}/me/quizzes/${quizId}/attempts`));
    expect(a.attemptNo).toBe(2);
    const judge = a.items.find((i: { type: string }) => i.type === 'judge');
    const saved = await t.call(member, 'PUT', `${base}/attempts/${a.id}/answers`, { answers: [{ position: judge.position, value: true }] });
    expect(json(saved).items.find((i: { position: number }) => i.position === judge.position).response).toEqual({ value: true });
    expect((await t.call(member, 'PUT', `${base}/attempts/${a.id}/answers`, { answers: [{ position: 0, value: true }] })).statusCode).toBe(
      400,
    );
    t.clock.advanceMinutes(11);
    const all = a.items.map((i: { position: number; type: string }) =>
      i.type === 'judge' ? { position: i.position, value: false } : { position: i.position },
    );
    const r = json(await t.call(member, 'POST', `${base}/attempts/${a.id}/submit`, { answers: all }));
    expect(r).toMatchObject({ status: 'submitted', late: true });
    // Only the saved answer counted: the others sent late were not taken.
    expect(r.items.filter((i: { response: unknown }) => i.response !== null)).toHaveLength(1);
    expect(r.earned).toBeLessThanOrEqual(10);
    const third = await t.call(member, 'POST', `${base}/me/quizzes/${quizId}/attempts`);
    expect(third.statusCode).toBe(409);
    expect(json(third).error.message).toContain('次数已用完');
    // The worse second sitting leaves the credited pass as it was.
    const credits = await t.db.selectFrom('learning_credits').select('note').where('source_ref', '=', `quiz:${quizId}`).execute();
    expect(credits).toHaveLength(1);
    expect(credits[0].note).toContain(String(attemptId));
  });

  it('counts which questions are missed, per quiz and per bank, without naming anyone', async () => {
    const s = json(await t.call(district, 'GET', `${base}/quizzes/${quizId}/stats`));
    expect(s.attempts).toBe(2);
    expect(s.items[0].missRate).toBeGreaterThan(0);
    expect(s.items[0].missRate).toBeGreaterThanOrEqual(s.items[s.items.length - 1].missRate);
    expect(JSON.stringify(s)).not.toMatch(/memberId|name/);
    const b = json(await t.call(district, 'GET', `${base}/banks/${bankId}/stats`));
    expect(b.items.length).toBeGreaterThan(0);
    const q = json(await t.call(district, 'GET', `${base}/quizzes/${quizId}`));
    expect(q).toMatchObject({ attempts: 2, learners: 1, passedLearners: 1 });
  });

  it('a member outside the quiz’s organization gets 404, and the refusal is audited', async () => {
    const foreignBank = json(await t.call(otherAdmin, 'GET', `${base}/banks`)).items[0].id;
    const q = json(
      await t.call(
        otherAdmin,
        'POST',
        `${base}/quizzes`,
        quizBody({ rules: [{ bankId: foreignBank, type: 'single', count: 1, points: 1 }] }),
      ),
    );
    await t.db.updateTable('learning_quizzes').set({ status: 'published' }).where('id', '=', q.id).execute();
    expect((await t.call(member, 'POST', `${base}/me/quizzes/${q.id}/attempts`)).statusCode).toBe(404);
    await expectAuditRow(t.db, { result: 'denied', action: 'learning.self', objectType: 'learning_quiz', objectId: String(q.id) });
    expect(json(await t.call(member, 'GET', `${base}/me/quizzes`)).items.some((x: { id: number }) => x.id === q.id)).toBe(false);
  });
});
