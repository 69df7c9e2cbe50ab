// The printed 干部任免审批表 (PILLARS.md §2) as an A4 PDF: two ruled pages per person, several people in
// one file. Page 1 holds the person, the education, the posts and the 简历; page 2 the 奖惩, 考核,
// 任免理由, the family and the approval cells. There is no ID-number cell (the standard form has none).
import PDFDocument from 'pdfkit';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { cjkFont } from '../../../export/cjk-font.js';
import { formFields, BLANK_DATE, type FormFields, type ResumeRow } from './form-fields.js';
import {
  COL,
  FAMILY_COL,
  FAMILY_MIN_ROWS,
  LABEL,
  LABELS as T,
  MARGIN_X,
  PAGE,
  POST_LABEL,
  ROW,
  TABLE_W as W,
  TEXT,
  TITLE,
  VALUE,
} from './form-layout.js';
import { cell, fitsBox, put, stroke, FONT, FONT_BOLD, type Box, type CellStyle } from './pdf-cells.js';
import { drawResume } from './pdf-resume.js';
import { sheetPhoto } from './photo.js';

const X = COL.reduce<number[]>((xs, w) => [...xs, xs[xs.length - 1] + w], [MARGIN_X]);
const TOP = 80;
const BOTTOM = PAGE.h - 30;

// More family rows than this go on the continuation page: below it they would be too thin to read.
const FAMILY_MAX_ROWS = 20;
const SEE_NEXT = '（见续页）';

/** What did not fit the form even at the smallest size, for the continuation page, as rows of text. */
type More = ResumeRow[];

/** A heading and the text in pieces a continuation page can hold (a piece never outgrows a page). */
function continued(label: string, text: string): ResumeRow[] {
  const out: ResumeRow[] = [{ dates: '', text: `【${label.replace(/\s+/g, '')}】` }];
  for (const para of text.split('\n')) for (let i = 0; i < para.length; i += 300) out.push({ dates: '', text: para.slice(i, i + 300) });
  return out;
}

/** A value cell; a text that does not fit even at the smallest size is printed on the continuation page,
 * the cell pointing there, so nothing is cut. */
function value(doc: PDFKit.PDFDocument, more: More, b: Box, label: string, text: string, style: CellStyle) {
  if (fitsBox(doc, b, text, style)) return cell(doc, b, text, style);
  cell(doc, b, SEE_NEXT, style);
  more.push(...continued(label, text));
}

/** A box over columns `from`..`to` (inclusive) of page 1's grid. */
const span = (from: number, to: number, y: number, h: number): Box => ({ x: X[from], y, w: X[to + 1] - X[from], h });

export interface FormPdfOptions {
  /** The day the age is counted at when a sheet has no 计算年龄时间 (YYYY-MM-DD). */
  today: string;
}

function photo(doc: PDFKit.PDFDocument, s: TCadreSheet, b: Box) {
  const p = sheetPhoto(s);
  if (!p) return;
  try {
    doc.image(p.data, b.x + 4, b.y + 4, { fit: [b.w - 8, b.h - 8], align: 'center', valign: 'center' });
  } catch {
    // An image pdfkit cannot decode leaves the cell blank, as no photo does: the form is still worth printing.
  }
}

/** Page 1; returns the 简历 steps that did not fit even at the smallest size. */
function pageOne(doc: PDFKit.PDFDocument, s: TCadreSheet, f: FormFields, more: More): ResumeRow[] {
  put(doc, { x: MARGIN_X, y: 28, w: W, h: 44 }, T.title, TITLE);
  let y = TOP;
  const rows: string[][] = [
    [T.name, f.name, T.sex, f.sex, T.birth, f.birth],
    [T.ethnicity, f.ethnicity, T.nativePlace, f.nativePlace, T.birthPlace, f.birthPlace],
    [T.partyJoin, f.partyJoin, T.workStart, f.workStart, T.health, f.health],
  ];
  for (const r of rows) {
    r.forEach((t, i) =>
      i % 2 ? value(doc, more, span(i, i, y, ROW.person), r[i - 1], t, VALUE) : cell(doc, span(i, i, y, ROW.person), t, LABEL),
    );
    y += ROW.person;
  }
  cell(doc, span(0, 0, y, ROW.person), T.proTitle, LABEL);
  value(doc, more, span(1, 2, y, ROW.person), T.proTitle, f.proTitle, VALUE);
  cell(doc, span(3, 3, y, ROW.person), T.expertise, LABEL);
  value(doc, more, span(4, 5, y, ROW.person), T.expertise, f.expertise, VALUE);
  y += ROW.person;
  const photoBox = span(6, 6, TOP, y - TOP);
  stroke(doc, photoBox);
  photo(doc, s, photoBox);

  cell(doc, span(0, 0, y, 2 * ROW.education), T.education, LABEL);
  for (const [label, e] of [
    [T.fullTime, f.fullTime],
    [T.inService, f.inService],
  ] as const) {
    cell(doc, span(1, 1, y, ROW.education), label, LABEL);
    value(doc, more, span(2, 3, y, ROW.education), label, e.degrees, VALUE);
    cell(doc, span(4, 4, y, ROW.education), T.school, LABEL);
    value(doc, more, span(5, 6, y, ROW.education), `${label}${T.school}`, e.schools, { ...VALUE, align: 'left' });
    y += ROW.education;
  }
  for (const [label, text] of [
    [T.currentPost, f.currentPost],
    [T.proposedPost, f.proposedPost],
    [T.proposedRemoval, f.proposedRemoval],
  ]) {
    cell(doc, span(0, 1, y, ROW.post), label, POST_LABEL);
    value(doc, more, span(2, 6, y, ROW.post), label, text, { ...VALUE, align: 'left' });
    y += ROW.post;
  }
  cell(doc, span(0, 0, y, BOTTOM - y), T.resume, LABEL);
  const box = span(1, 6, y, BOTTOM - y);
  stroke(doc, box);
  const rest = drawResume(doc, box, f.resume);
  doc
    .lineWidth(1.5)
    .rect(MARGIN_X, TOP, W, BOTTOM - TOP)
    .stroke();
  return rest;
}

function pageTwo(doc: PDFKit.PDFDocument, f: FormFields, more: More) {
  const LW = COL[0];
  const x0 = MARGIN_X;
  let y = 48;
  const top = y;
  for (const [label, text, h] of [
    [T.rewards, f.rewards, ROW.rewards],
    [T.assessments, f.assessments, ROW.assessments],
    [T.reason, f.reason, ROW.reason],
  ] as const) {
    cell(doc, { x: x0, y, w: LW, h }, label, LABEL);
    value(doc, more, { x: x0 + LW, y, w: W - LW, h }, label, text, TEXT);
    y += h;
  }

  const shown = f.family.slice(0, FAMILY_MAX_ROWS);
  const n = Math.max(FAMILY_MIN_ROWS, shown.length);
  const rh = ROW.familyBody / n;
  // Thin rows (many relatives) give their text more of the row.
  const pad = rh < 24 ? 1.5 : 4;
  cell(doc, { x: x0, y, w: LW, h: ROW.familyHead + ROW.familyBody }, T.family, LABEL);
  const row = (texts: string[], h: number, style: (i: number) => CellStyle) => {
    let x = x0 + LW;
    texts.forEach((t, i) => {
      cell(doc, { x, y, w: FAMILY_COL[i], h }, t, style(i));
      x += FAMILY_COL[i];
    });
    y += h;
  };
  row(T.familyHead, ROW.familyHead, () => LABEL);
  for (let i = 0; i < n; i++) {
    const m = shown[i];
    row(m ? [m.relation, m.name, m.age, m.political, m.workPost] : ['', '', '', '', ''], rh, (c) =>
      c === 4 ? { ...VALUE, align: 'left', max: 11, pad } : { ...VALUE, max: 11, pad },
    );
  }
  if (f.family.length > shown.length) {
    more.push({ dates: '', text: `【${T.family}（续）】` });
    for (const m of f.family.slice(shown.length))
      more.push({ dates: '', text: [m.relation, m.name, m.age, m.political, m.workPost].join('  ') });
  }

  cell(doc, { x: x0, y, w: LW, h: ROW.unit }, T.unit, LABEL);
  const unit = { x: x0 + LW, y, w: W - LW, h: ROW.unit };
  stroke(doc, unit);
  put(doc, { ...unit, h: ROW.unit - 26 }, f.reportingUnit, { ...VALUE, align: 'left' });
  put(doc, { x: unit.x, y: y + ROW.unit - 28, w: unit.w - 20, h: 26 }, f.reportDate, { ...VALUE, align: 'right' });
  y += ROW.unit;

  const AW = (W - 2 * LW) / 2;
  for (const [i, label] of T.approvals.entries()) {
    const x = x0 + i * (LW + AW);
    cell(doc, { x, y, w: LW, h: ROW.approval }, label, LABEL);
    stroke(doc, { x: x + LW, y, w: AW, h: ROW.approval });
    put(doc, { x: x + LW, y: y + ROW.approval - 60, w: AW - 16, h: 56 }, `${T.seal}\n${BLANK_DATE}`, { ...VALUE, align: 'right' });
  }
  y += ROW.approval;
  doc
    .lineWidth(1.5)
    .rect(x0, top, W, y - top)
    .stroke();
  put(doc, { x: x0, y: y + 6, w: W / 2, h: 22 }, `${T.filledBy}${f.filledBy}`, { ...VALUE, align: 'left' });
}

/** What did not fit even at 5 pt (a 简历 too long for page 1, a very long text, many relatives) goes on
 * after page 2, on continuation pages: never cut. */
function continuation(doc: PDFKit.PDFDocument, f: FormFields, resumeRest: ResumeRow[], more: More) {
  let rest = [...(resumeRest.length ? [{ dates: '', text: '【简历（续）】' }, ...resumeRest] : []), ...more];
  while (rest.length) {
    doc.addPage();
    put(doc, { x: MARGIN_X, y: 40, w: W, h: 30 }, `${f.name}  ${T.title}（续页）`, { ...LABEL, bold: true, align: 'left' });
    const box = { x: MARGIN_X, y: TOP, w: W, h: BOTTOM - TOP };
    doc.lineWidth(1.5).rect(box.x, box.y, box.w, box.h).stroke();
    const before = rest.length;
    rest = drawResume(doc, box, rest, 10, 5);
    // drawResume always places at least one step; this only guards the loop.
    if (rest.length === before) break;
  }
}

/** The 干部任免审批表 of each sheet, two A4 pages per person (and continuation pages only for what does
 * not fit even at 5 pt), in one PDF. */
export function formPdf(sheets: TCadreSheet[], opts: FormPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: T.title, Author: '智慧组工' } });
  doc.registerFont(FONT, cjkFont('regular'));
  doc.registerFont(FONT_BOLD, cjkFont('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const s of sheets) {
    const f = formFields(s, opts.today);
    doc.addPage();
    const more: More = [];
    const rest = pageOne(doc, s, f, more);
    doc.addPage();
    pageTwo(doc, f, more);
    continuation(doc, f, rest, more);
  }
  // A PDF needs a page: an empty batch prints one blank page rather than a broken file.
  if (!sheets.length) doc.addPage();
  doc.end();
  return done;
}
