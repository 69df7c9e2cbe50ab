// Certificates of completion (结业证书, issue 14 point 5): an A4 landscape PDF with the trainee's name, the
// class, its dates and hours, the organizing organization, and a verification code with a QR of the public
// page /verify/<code>, where anyone can check it without logging in. The public answer carries only the
// name, the class and the dates (and the issue date): no id, organization of the trainee or hours.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { AnyCtx } from '../../context.js';
import { AppError } from '../../errors.js';
import { cjkFont } from '../../export/cjk-font.js';
import type { TCertificateVerify } from '../../../domain/schemas/learning-classes.js';

export interface CertificateData {
  name: string;
  classTitle: string;
  orgName: string;
  startDate: string;
  endDate: string;
  hours: number;
  code: string;
  issuedOn: string;
}

const cn = (d: string) => {
  const [y, m, dd] = d.split('-');
  return `${y}年${Number(m)}月${Number(dd)}日`;
};

/** A certificate by trainee id (callers have checked the scope or the ownership). */
export async function certificateData(ctx: AnyCtx, traineeId: number): Promise<CertificateData> {
  const r = await sql<{
    name: string;
    title: string;
    org: string;
    start: string;
    end: string;
    hours: string;
    code: string | null;
    issued: string;
  }>`
    select t.name, c.title, o.name as org,
           (select min(s.date)::text from learning_class_sessions s where s.class_id = c.id) as start,
           (select max(s.date)::text from learning_class_sessions s where s.class_id = c.id) as end,
           t.hours_attended as hours, t.certificate_code as code, t.certificate_issued_on::text as issued
      from learning_class_trainees t join learning_classes c on c.id = t.class_id join orgs o on o.id = c.org_id
     where t.id = ${traineeId} and t.status = 'completed'`.execute(ctx.db);
  const x = r.rows[0];
  if (!x?.code) throw new AppError('NOT_FOUND', '证书不存在', 404);
  return {
    name: x.name,
    classTitle: x.title,
    orgName: x.org,
    startDate: x.start,
    endDate: x.end,
    hours: Number(x.hours),
    code: x.code,
    issuedOn: x.issued,
  };
}

export async function certificatePdf(d: CertificateData, origin: string): Promise<Buffer> {
  const verifyUrl = `${origin}/verify/${encodeURIComponent(d.code)}`;
  const qr = await QRCode.toBuffer(verifyUrl, { margin: 1, width: 240 });
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    info: { Title: `结业证书：${d.classTitle}`, Author: '智慧组工' },
  });
  doc.registerFont('cjk', cjkFont('regular'));
  doc.registerFont('cjkBold', cjkFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const W = doc.page.width;
  const H = doc.page.height;
  doc
    .lineWidth(3)
    .strokeColor('#b22222')
    .rect(30, 30, W - 60, H - 60)
    .stroke();
  doc
    .lineWidth(1)
    .rect(40, 40, W - 80, H - 80)
    .stroke();
  doc
    .fillColor('#b22222')
    .font('cjkBold')
    .fontSize(34)
    .text('结业证书', 60, 90, { align: 'center', width: W - 120 });
  doc.fillColor('black').font('cjk').fontSize(16);
  doc.text(
    `${d.name}同志于 ${cn(d.startDate)} 至 ${cn(d.endDate)} 参加 ${d.orgName} 举办的“${d.classTitle}”，完成学习 ${d.hours} 学时，准予结业。`,
    110,
    190,
    { width: W - 220, lineGap: 10 },
  );
  doc.fontSize(14).text(d.orgName, W - 360, H - 190, { width: 250, align: 'right' });
  doc.text(cn(d.issuedOn), W - 360, H - 165, { width: 250, align: 'right' });
  doc.image(qr, 90, H - 220, { width: 110 });
  doc.fontSize(10).text(`验证码：${d.code}`, 90, H - 105);
  doc.text(`扫码或访问 ${verifyUrl} 核验`, 90, H - 90, { width: 420 });
  doc.end();
  return done;
}

/** The public check of a verification code: name, class and dates only; an unknown code is a 404. */
export async function verifyCertificate(ctx: AnyCtx, typed: string): Promise<TCertificateVerify> {
  const code = typed.trim().toUpperCase();
  const r = await sql<{ name: string; title: string; start: string; end: string; issued: string }>`
    select t.name, c.title,
           (select min(s.date)::text from learning_class_sessions s where s.class_id = c.id) as start,
           (select max(s.date)::text from learning_class_sessions s where s.class_id = c.id) as end,
           t.certificate_issued_on::text as issued
      from learning_class_trainees t join learning_classes c on c.id = t.class_id
     where t.certificate_code = ${code} and t.status = 'completed'`.execute(ctx.db);
  const x = r.rows[0];
  if (!x) throw new AppError('NOT_FOUND', '未找到此验证码对应的证书，请核对', 404, 'code');
  return { name: x.name, classTitle: x.title, startDate: x.start, endDate: x.end, issuedOn: x.issued };
}
