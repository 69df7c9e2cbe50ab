// The printable talent card (issue 15 point 1): one page the size of a bank card (85.6 × 54 mm, at
// twice the scale for legibility) with the name, tier, number, validity and a QR code carrying the card
// number and expiry for a check at the service desk. Chinese text in the CJK font of cadres/form.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { cjkFont } from '../../export/cjk-font.js';

export interface CardFields {
  name: string;
  sex: string;
  employer: string | null;
  tierSet: string;
  tier: string;
  cardNo: string;
  issuedOn: string;
  expiresOn: string;
  cityName: string;
}

const MM = 72 / 25.4;
const W = 85.6 * MM * 2;
const H = 54 * MM * 2;

export async function cardPdf(f: CardFields): Promise<Buffer> {
  const doc = new PDFDocument({ size: [W, H], margin: 0, info: { Title: `人才卡 ${f.cardNo}`, Author: '智慧组工' } });
  doc.registerFont('cjk', cjkFont('regular'));
  doc.registerFont('cjk-bold', cjkFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.rect(0, 0, W, 44).fill('#b71c1c');
  doc
    .fillColor('#ffffff')
    .font('cjk-bold')
    .fontSize(18)
    .text(`${f.cityName}人才服务卡`, 16, 12, { width: W - 32 });
  doc.fillColor('#222222').font('cjk-bold').fontSize(20).text(f.name, 16, 58);
  doc.font('cjk').fontSize(11);
  const lines = [
    `层次：${f.tier}（${f.tierSet}）`,
    `单位：${f.employer ?? '—'}`,
    `卡号：${f.cardNo}`,
    `有效期：${f.issuedOn} 至 ${f.expiresOn}`,
  ];
  lines.forEach((l, i) => doc.text(l, 16, 90 + i * 18, { width: W - 140 }));
  const qr = await QRCode.toBuffer(`ZGRC:${f.cardNo}:${f.expiresOn}`, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  doc.image(qr, W - 120, 60, { width: 104, height: 104 });
  doc
    .fontSize(7)
    .fillColor('#666666')
    .text('扫码核验卡号与有效期', W - 120, 168, { width: 104, align: 'center' });
  doc.end();
  return done;
}
