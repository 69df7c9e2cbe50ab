// The 干部任免审批表 as a Word document (docx): the same two ruled pages as the PDF (form-layout.ts),
// built as tables with merged cells, the photo embedded, page 2 starting on a new page. Word does not
// shrink text to fit a cell, so sizes are chosen with the PDF's measure (Noto Sans Hans, whose Chinese
// glyphs are as wide as 宋体's), rows get exact heights, and a text too long even at 5 pt lets its row
// grow instead of being cut (docx-cells.ts). No ID-number cell, as on the printed form.
import { AlignmentType, Document, ImageRun, LineRuleType, Packer, Paragraph, TextRun, type Table } from 'docx';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { BLANK_DATE, formFields, type FormFields } from './form-fields.js';
import {
  COL,
  FAMILY_COL,
  FAMILY_MIN_ROWS,
  LABEL,
  LABELS as T,
  PAGE,
  POST_LABEL,
  ROW,
  TABLE_W as W,
  TEXT,
  TITLE,
  VALUE,
} from './form-layout.js';
import { Builder, paragraphs, table, tw, type RowSpec, type Spec } from './docx-cells.js';
import { PAD, type CellStyle } from './pdf-cells.js';
import { sheetPhoto } from './photo.js';

const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 24;
// Page 1 above the 简历: title, four person rows, two education rows, three post rows.
const TITLE_H = 40;
const RESUME_H = PAGE.h - MARGIN_TOP - MARGIN_BOTTOM - TITLE_H - 4 * ROW.person - 2 * ROW.education - 3 * ROW.post - 24;

export interface FormDocxOptions {
  /** The day the age is counted at when the sheet has no 计算年龄时间 (YYYY-MM-DD). */
  today: string;
}

/** Edges of page 1's grid columns, in points from the table's left. */
const X = COL.reduce<number[]>((xs, w) => [...xs, xs[xs.length - 1] + w], [0]);

function pageOne(b: Builder, s: TCadreSheet, f: FormFields): Table {
  const rows: RowSpec[] = [];
  // Text cells on the grid; a row whose text is too long even at 5 pt may grow.
  const row = (h: number, cells: (Spec & { fits?: boolean })[]) => rows.push({ h, cells, grow: cells.some((c) => c.fits === false) });
  const at = (from: number, to: number, h: number, text: string, style: CellStyle) => b.text(X[from], X[to + 1], h, text, style);
  const person: string[][] = [
    [T.name, f.name, T.sex, f.sex, T.birth, f.birth],
    [T.ethnicity, f.ethnicity, T.nativePlace, f.nativePlace, T.birthPlace, f.birthPlace],
    [T.partyJoin, f.partyJoin, T.workStart, f.workStart, T.health, f.health],
  ];
  const p = sheetPhoto(s);
  // The photo cell spans the four person rows; a 1-inch photo is about 25 × 35 mm.
  const box = { w: COL[6] - 2 * PAD - 4, h: 4 * ROW.person - 2 * PAD - 4 };
  const scale = p ? Math.min(box.w / p.width, box.h / p.height) : 0;
  const photo: Spec = {
    x0: X[6],
    x1: X[7],
    rowSpan: 4,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: p
          ? [
              new ImageRun({
                type: p.type,
                data: p.data,
                transformation: { width: (p.width * scale * 96) / 72, height: (p.height * scale * 96) / 72 },
              }),
            ]
          : [],
      }),
    ],
  };
  person.forEach((r, i) => row(ROW.person, [...r.map((t, c) => at(c, c, ROW.person, t, c % 2 ? VALUE : LABEL)), ...(i ? [] : [photo])]));
  row(ROW.person, [
    at(0, 0, ROW.person, T.proTitle, LABEL),
    at(1, 2, ROW.person, f.proTitle, VALUE),
    at(3, 3, ROW.person, T.expertise, LABEL),
    at(4, 5, ROW.person, f.expertise, VALUE),
  ]);
  for (const [i, [label, e]] of (
    [
      [T.fullTime, f.fullTime],
      [T.inService, f.inService],
    ] as const
  ).entries()) {
    const first = i === 0 ? [{ ...at(0, 0, 2 * ROW.education, T.education, LABEL), rowSpan: 2 }] : [];
    row(ROW.education, [
      ...first,
      at(1, 1, ROW.education, label, LABEL),
      at(2, 3, ROW.education, e.degrees, VALUE),
      at(4, 4, ROW.education, T.school, LABEL),
      at(5, 6, ROW.education, e.schools, { ...VALUE, align: 'left' }),
    ]);
  }
  for (const [label, text] of [
    [T.currentPost, f.currentPost],
    [T.proposedPost, f.proposedPost],
    [T.proposedRemoval, f.proposedRemoval],
  ]) {
    row(ROW.post, [at(0, 1, ROW.post, label, POST_LABEL), at(2, 6, ROW.post, text, { ...VALUE, align: 'left' })]);
  }
  const resume = b.resume(X[1], X[7], RESUME_H, f.resume);
  rows.push({ h: RESUME_H, cells: [at(0, 0, RESUME_H, T.resume, LABEL), resume.spec], grow: !resume.fits });
  return table(rows);
}

function pageTwo(b: Builder, f: FormFields): Table {
  const LW = COL[0];
  const rows: RowSpec[] = [];
  const row = (h: number, cells: (Spec & { fits?: boolean })[]) => rows.push({ h, cells, grow: cells.some((c) => c.fits === false) });
  for (const [label, text, h] of [
    [T.rewards, f.rewards, ROW.rewards],
    [T.assessments, f.assessments, ROW.assessments],
    [T.reason, f.reason, ROW.reason],
  ] as const) {
    row(h, [b.text(0, LW, h, label, LABEL), b.text(LW, W, h, text, TEXT)]);
  }
  const FX = FAMILY_COL.reduce<number[]>((xs, w) => [...xs, xs[xs.length - 1] + w], [LW]);
  const n = Math.max(FAMILY_MIN_ROWS, f.family.length);
  const rh = ROW.familyBody / n;
  const family = { ...b.text(0, LW, ROW.familyHead + ROW.familyBody, T.family, LABEL), rowSpan: n + 1 };
  row(ROW.familyHead, [family, ...T.familyHead.map((t, i) => b.text(FX[i], FX[i + 1], ROW.familyHead, t, LABEL))]);
  for (let i = 0; i < n; i++) {
    const m = f.family[i];
    const texts = m ? [m.relation, m.name, m.age, m.political, m.workPost] : ['', '', '', '', ''];
    // Rows too thin for their text even at 5 pt (very many relatives) grow rather than hide it: Word
    // clips a row of exact height, and a thinner padding was seen clipping in LibreOffice.
    row(
      rh,
      texts.map((t, c) => b.text(FX[c], FX[c + 1], rh, t, c === 4 ? { ...VALUE, align: 'left', max: 11 } : { ...VALUE, max: 11 })),
    );
  }
  // 呈报单位: the unit, and below it without a rule the date at the right, as one cell of the form.
  const DATE_H = 26;
  row(ROW.unit - DATE_H, [
    { ...b.text(0, LW, ROW.unit, T.unit, LABEL), rowSpan: 2 },
    { ...b.text(LW, W, ROW.unit - DATE_H, f.reportingUnit, { ...VALUE, align: 'left' }), open: 'bottom' },
  ]);
  row(DATE_H, [{ x0: LW, x1: W, children: paragraphs(f.reportDate, 12, { align: 'right' }), open: 'top' }]);
  const AW = (W - 2 * LW) / 2;
  const approval = (x: number): Spec => ({
    x0: x,
    x1: x + AW,
    valign: 'bottom',
    children: paragraphs(`${T.seal}\n${BLANK_DATE}`, 12, { align: 'right' }),
  });
  row(ROW.approval, [
    b.text(0, LW, ROW.approval, T.approvals[0], LABEL),
    approval(LW),
    b.text(LW + AW, 2 * LW + AW, ROW.approval, T.approvals[1], LABEL),
    approval(2 * LW + AW),
  ]);
  return table(rows);
}

/** The 干部任免审批表 of one sheet as a .docx file. */
export async function formDocx(sheet: TCadreSheet, opts: FormDocxOptions): Promise<Buffer> {
  const f = formFields(sheet, opts.today);
  const b = new Builder();
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: tw(TITLE_H - 30), line: tw(30), lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: T.title, bold: true, size: (TITLE.max ?? 22) * 2, characterSpacing: tw(TITLE.characterSpacing ?? 0) })],
  });
  const doc = new Document({
    creator: '智慧组工',
    title: T.title,
    styles: {
      default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }, size: 24 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(PAGE.w), height: tw(PAGE.h) },
            margin: { top: tw(MARGIN_TOP), bottom: tw(MARGIN_BOTTOM), left: tw((PAGE.w - W) / 2), right: tw((PAGE.w - W) / 2) },
          },
        },
        children: [
          title,
          pageOne(b, sheet, f),
          // Page 2 starts on a page of its own, whatever page 1's table left free.
          new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }),
          pageTwo(b, f),
          new Paragraph({
            spacing: { before: tw(6), after: 0 },
            children: [new TextRun({ text: `${T.filledBy}${f.filledBy}`, size: 24 })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
