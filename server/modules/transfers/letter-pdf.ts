// The three-part 组织关系介绍信 (存根, 介绍信, 回执) as a printable A4 PDF (RULES.md §5: three parts;
// the receipt goes back directly between the base committees). Chinese text uses the shared CJK font
// (server/export/cjk-font.ts).
import PDFDocument from 'pdfkit';
import dayjs from 'dayjs';
import { cjkFont } from '../../export/cjk-font.js';
import type { LetterRow } from './queries.js';

export interface LetterExtras {
  ethnicity: string | null;
  age: number | null;
}

const cnDate = (d: string) => dayjs(d).format('YYYY 年 M 月 D 日');
const blank = (s: string | null | undefined, width = 6) => (s && s.trim() ? s : '＿'.repeat(width));

function dues(l: LetterRow): string {
  if (!l.dues_paid_until) return '＿＿＿＿年＿＿月';
  const [y, m] = l.dues_paid_until.split('-');
  return `${y} 年 ${Number(m)} 月`;
}

const categoryText = (l: LetterRow) => (l.category === 'full' ? '正式' : '预备');

/** The letter's three parts on one A4 page, separated by cut lines carrying the number (骑缝). */
export function renderLetterPdf(l: LetterRow, extras: LetterExtras): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 30, left: 56, right: 56 },
    info: { Title: `组织关系介绍信 ${l.letter_no}`, Author: '智慧组工' },
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  const from = l.from_org_name;
  const to = l.to_org_name;

  const title = (text: string) => {
    doc.fontSize(16).text(text, { align: 'center', width });
    doc.moveDown(0.3).fontSize(10.5).text(`第 ${l.letter_no} 号`, { align: 'right', width }).moveDown(0.5);
  };
  const para = (text: string) => doc.fontSize(11.5).text(text, { width, lineGap: 5, indent: 23 });
  const signature = (org: string, date: string) => {
    doc.moveDown(0.6).fontSize(11.5).text(`${org}（盖章）`, { align: 'right', width }).text(date, { align: 'right', width });
  };
  const cut = (label: string) => {
    doc.moveDown(0.8);
    const y = doc.y;
    doc
      .save()
      .dash(4, { space: 3 })
      .moveTo(40, y)
      .lineTo(doc.page.width - 40, y)
      .stroke('#666')
      .undash()
      .restore();
    doc
      .fontSize(8)
      .fillColor('#666')
      .text(`${label}  第 ${l.letter_no} 号`, 40, y + 2, { width: doc.page.width - 80, align: 'center' })
      .fillColor('black');
    doc.x = 56;
    doc.moveDown(0.8);
  };

  // Part 1: stub (存根), kept by the sending organization.
  title('中国共产党党员组织关系介绍信（存根）');
  para(`${l.member_name}同志系中共${categoryText(l)}党员，组织关系由${from}转到${to}。`);
  para(`转接原因：${l.reason}。有效期至 ${cnDate(l.expires_on)}。`);
  doc.moveDown(0.3).fontSize(11.5).text(cnDate(l.issued_on), { align: 'right', width });
  cut('骑缝');

  // Part 2: the letter itself, carried by the member to the receiving organization.
  title('中国共产党党员组织关系介绍信');
  doc.fontSize(11.5).text(`${to}：`, { width });
  para(
    `${l.member_name}同志（${l.gender}），${extras.age ?? '＿＿'} 岁，${blank(extras.ethnicity, 3)}，系中共${categoryText(l)}党员，` +
      `身份证号码 ${blank(l.id_masked, 9)}，由${from}去${to}，请转接组织关系。`,
  );
  para(`该同志党费已交到 ${dues(l)}。`);
  para(`（有效期 ${l.valid_days} 天，至 ${cnDate(l.expires_on)}止）`);
  signature(from, cnDate(l.issued_on));
  doc.fontSize(10).text(`党员原所在基层党委通讯地址：${blank(null, 14)}    联系电话：${blank(null, 8)}`, { width });
  if (l.to_address) doc.fontSize(10).text(`接收党组织地址：${l.to_address}`, { width });
  cut('骑缝');

  // Part 3: the receipt (回执), sent back by the receiving base committee.
  title('中国共产党党员组织关系介绍信回执');
  doc.fontSize(11.5).text(`${from}：`, { width });
  para(`${l.member_name}同志的党员组织关系已转达我处，特此回复。`);
  signature(to, l.confirmed_on ? cnDate(l.confirmed_on) : '＿＿＿＿年＿＿月＿＿日');
  doc.end();
  return done;
}
