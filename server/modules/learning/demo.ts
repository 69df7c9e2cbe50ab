// Demo theory learning (issue 14 point 5): a city plan and a district plan with materials written for the
// demo (fictional texts), a PDF made with pdfkit, and some credited study by the sample branch's members
// and by a few of the district's activists (the district plan is for them too),
// written as the heartbeats would have (progress rows and the ledger's `material:<id>` rows through its
// one writer). No audio or video file: a generated one would add nothing a reviewer can check by ear
// and slow the start; the upload path is covered by tests. Deterministic and quick (a few hundred rows).
import PDFDocument from 'pdfkit';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CityResult } from '../../demo/generate-city.js';
import type { Db } from '../../db/engine.js';
import { cjkFont } from '../../export/cjk-font.js';
import type { Ctx } from '../../context.js';
import { safeHtml } from './materials.js';
import { upsertCredit } from './credits.js';

const ARTICLES = [
  {
    title: '把学习成果转化为为民办事的实效',
    category: '理论学习',
    tags: ['学用结合', '为民服务'],
    minutes: 12,
    body: `<h2>一、学在经常</h2><p>示范市某社区党支部把每月主题党日的第一个小时固定为学习时间，书记领学、党员轮流交流，不打卡、不截图，只问学了之后为居民办成了哪件事。</p>
<h2>二、用在具体</h2><p>去年冬天，支部党员在学习中讨论“群众的小事就是我们的大事”，随后把老旧小区加装扶手列入支部清单，三个月完成了十二个单元。</p>
<h2>三、检验在群众</h2><p>学习好不好，由居民说了算。支部每季度请居民代表评议一次，意见原样记录、逐条回复。</p>`,
  },
  {
    title: '基层减负：让党员把时间用在刀刃上',
    category: '作风建设',
    tags: ['基层减负', '形式主义'],
    minutes: 8,
    body: `<p>示范市委组织部在梳理各类报表后，把同一数据只报一次作为硬要求：党员的学习时长由系统按实际学习自动记录，支部不再另行统计上报。</p>
<p>学习的目的在于入脑入心，而不是积分排名。各支部只看本组织的完成情况，不对党员个人排名。</p>`,
  },
  {
    title: '一名老党员的三十年记账本',
    category: '身边榜样',
    tags: ['榜样', '党费'],
    minutes: 6,
    body: `<p>（本文人物为演示虚构）退休教师老周入党三十年，每月缴纳党费都记在一个小本子上。他说，这本账记的不只是钱，更是一名党员对组织的承诺。</p>
<p>支部把老周的故事讲给新党员听，大家说，这比任何一堂课都生动。</p>`,
  },
];

const DISTRICT_ARTICLE = {
  title: '网格党建：楼栋里的“红色议事厅”',
  category: '基层治理',
  tags: ['网格', '议事会'],
  minutes: 10,
  body: `<p>（演示虚构）示范区某街道把议事会开到楼栋里：每月一次，网格党员召集，居民自愿参加，议题由居民提出。</p>
<p>一年来，议事厅商议解决了停车、垃圾分类、电梯维修等四十余件事，九成以上当场有了办法。</p>`,
};

/** A short PDF of the demo's study notes, in the Chinese font every printed document uses. */
function demoPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '学习辅导材料（演示）' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', cjkFont('regular'));
    doc.font('cjk').fontSize(18).text('学习辅导材料（演示虚构）', { align: 'center' }).moveDown();
    doc.fontSize(12);
    for (const p of [
      '一、为什么学：理论学习是党员的经常性功课，重在学懂弄通、学以致用。',
      '二、怎么学：原原本本读原文，结合岗位谈体会，围绕群众关心的问题找办法。',
      '三、怎么记：学习时长由系统按实际在线学习时间记录；隐藏页面、长时间无操作不计时。',
      '四、不做什么：不打卡留痕、不截图证明、不搞积分排名。',
    ])
      doc.text(p).moveDown(0.5);
    doc.end();
  });
}

export async function seedLearningDemo(db: Db, city: CityResult, now: Date = new Date()): Promise<void> {
  const { city: cityId, district, branch } = city.sampleIds;
  const year = now.getFullYear();
  const at = now;
  const insert = async (
    orgId: number,
    kind: 'article' | 'document',
    a: { title: string; category: string; tags: string[]; minutes: number; body: string },
  ) => {
    const body = kind === 'article' ? safeHtml(a.body) : '';
    const row = await db
      .insertInto('learning_materials')
      .values({
        org_id: orgId,
        kind,
        title: a.title,
        summary: '',
        body_html: body,
        category: a.category,
        tags: a.tags,
        length_seconds: a.minutes * 60,
        search_text: [a.title, a.category, a.tags.join(' '), body.replace(/<[^>]+>/g, ' ')].join(' '),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  };
  const cityMaterials = [];
  for (const a of ARTICLES) cityMaterials.push(await insert(cityId, 'article', a));
  const pdf = await demoPdf();
  const pdfId = await insert(cityId, 'document', {
    title: '学习辅导材料（PDF）',
    category: '理论学习',
    tags: ['辅导材料'],
    minutes: 15,
    body: '',
  });
  await db
    .insertInto('learning_material_files')
    .values({
      material_id: pdfId,
      file_name: '学习辅导材料.pdf',
      mime: 'application/pdf',
      size_bytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      content: pdf,
    })
    .execute();
  const districtMaterial = await insert(district, 'article', DISTRICT_ARTICLE);

  const plan = async (orgId: number, title: string, audiences: string[], hours: number, items: number[], from: string, to: string) => {
    const p = await db
      .insertInto('learning_plans')
      .values({
        org_id: orgId,
        title,
        description: '演示计划',
        audiences,
        required_hours: hours,
        starts_on: from,
        ends_on: to,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('learning_plan_items')
      .values(items.map((ref_id, position) => ({ plan_id: Number(p.id), kind: 'material' as const, ref_id, position })))
      .execute();
  };
  await plan(cityId, `${year}年度党员理论学习计划`, ['all'], 0.3, [...cityMaterials, pdfId], `${year}-01-01`, `${year}-12-31`);
  await plan(
    district,
    `${year}年第四季度基层治理专题学习`,
    ['all', 'committee', 'activists'],
    0.2,
    [districtMaterial, cityMaterials[1]],
    `${year}-10-01`,
    `${year}-12-31`,
  );

  // Credited study of the sample branch's members: every other one has read one or two articles; the
  // demo `member` account's member starts with nothing, so the study page shows the timer from zero.
  const members = await sql<{ id: number }>`select id from members m where org_id = ${branch} and status = 'normal'
      and not exists (select 1 from users u where u.member_id = m.id) order by id`.execute(db);
  const ctx = { db, actor: { userId: null } } as unknown as Ctx;
  const lengths = [ARTICLES[0].minutes * 60, ARTICLES[1].minutes * 60];
  const today = `${year}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  for (const [i, m] of members.rows.entries()) {
    if (i % 2 === 1) continue;
    for (const k of i % 4 === 0 ? [0, 1] : [0]) {
      const seconds = i % 3 === 0 ? lengths[k] : Math.floor(lengths[k] / 2);
      await db
        .insertInto('learning_material_progress')
        .values({ member_id: Number(m.id), material_id: cityMaterials[k], credited_seconds: seconds, updated_at: at })
        .execute();
      await upsertCredit(ctx, {
        memberId: Number(m.id),
        cadreId: null,
        source: 'online',
        sourceRef: `material:${cityMaterials[k]}`,
        title: ARTICLES[k].title,
        hours: seconds / 3600,
        earnedOn: today,
        online: true,
      });
    }
  }

  // The district plan reaches the district's activists (入党积极分子, from the development demo): the first
  // few have studied the district article, to the end or half of it.
  const activists = await sql<{ id: number }>`select d.id from dev_people d join orgs o on o.id = ${district}
      where d.status = 'activist' and d.org_path <@ o.path order by d.id limit 6`.execute(db);
  for (const [i, a] of activists.rows.entries()) {
    if (i % 3 === 2) continue;
    const seconds = i % 3 === 0 ? DISTRICT_ARTICLE.minutes * 60 : (DISTRICT_ARTICLE.minutes * 60) / 2;
    await db
      .insertInto('learning_material_progress')
      .values({ dev_person_id: Number(a.id), material_id: districtMaterial, credited_seconds: seconds, updated_at: at })
      .execute();
    await upsertCredit(ctx, {
      memberId: null,
      cadreId: null,
      devPersonId: Number(a.id),
      source: 'online',
      sourceRef: `material:${districtMaterial}`,
      title: DISTRICT_ARTICLE.title,
      hours: seconds / 3600,
      earnedOn: today,
      online: true,
    });
  }
}
