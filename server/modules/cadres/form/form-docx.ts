// The 干部任免审批表 as a Word document (docx): the same two ruled pages as the PDF (form-layout.ts),
// built as tables with merged cells, the photo embedded, page 2 starting on a new page. Word does not
// shrink text to fit a cell, so sizes are chosen here with the PDF's measure (Noto Sans Hans, whose
// Chinese glyphs are as wide as 宋体's), rows get exact heights, and a text too long even at 5 pt lets
// its row grow instead of being cut. No ID-number cell, as on the printed form.
import PDFDocument from 'pdfkit';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TCadreSheet } from '../../../../domain/schemas/cadre-sheet.js';
import { cjkFont } from '../../../export/cjk-font.js';
import { BLANK_DATE, formFields, type FormFields, type ResumeRow } from './form-fields.js';
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
import { fitSize, FONT, FONT_BOLD, PAD, type CellStyle } from './pdf-cells.js';
import { fitResume } from './pdf-resume.js';
import { sheetPhoto } from './photo.js';

const tw = (pt: number) => Math.round(pt * 20);
const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 24;
// Word wraps a little differently from pdfkit: measure against a slightly narrower cell.
const SAFE = 0.94;
// Page 1 above the 简历: title, four person rows, two education rows, three post rows.
const TITLE_H = 40;
const RESUME_H = PAGE.h - MARGIN_TOP - MARGIN_BOTTOM - TITLE_H - 4 * ROW.person - 2 * ROW.education - 3 * ROW.post - 24;

export interface FormDocxOptions {
  /** The day the age is counted at when the sheet has no 计算年龄时间 (YYYY-MM-DD). */
  today: string;
}

/** A cell placed on the table's grid by its left and right edges, in points from the table's left. */
interface Spec {
  x0: number;
  x1: number;
  children: Paragraph[];
  valign?: 'top' | 'center' | 'bottom';
  rowSpan?: number;
  /** Leave out the rule above or below (the 呈报单位 cell is two rows that read as one). */
  open?: 'top' | 'bottom';
}
interface RowSpec {
  h: number;
  cells: Spec[];
  /** Exact height (the default), or at least this height when the content is too long for it. */
  grow?: boolean;
}

const spacing = (size: number) => ({ before: 0, after: 0, line: tw(size * 1.25), lineRule: LineRuleType.EXACT });

function paragraphs(text: string, size: number, style: CellStyle): Paragraph[] {
  const alignment = style.align === 'left' ? AlignmentType.LEFT : style.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment,
        spacing: spacing(size),
        children: [new TextRun({ text: line, size: size * 2, bold: style.bold, characterSpacing: tw(style.characterSpacing ?? 0) })],
      }),
  );
}

/** Builds one sheet's tables, measuring text with a pdfkit document that is never written. */
class Builder {
  private readonly m: PDFKit.PDFDocument;
  constructor() {
    this.m = new PDFDocument({ size: 'A4', margin: 0 });
    this.m.registerFont(FONT, cjkFont('regular'));
    this.m.registerFont(FONT_BOLD, cjkFont('bold'));
  }

  /** A text cell with its size fitted; `fits` false when even the smallest size is too big. */
  text(x0: number, x1: number, h: number, text: string, style: CellStyle): Spec & { fits: boolean } {
    const t = text.trim();
    const { size, fits } = t ? fitSize(this.m, t, (x1 - x0 - 2 * PAD) * SAFE, h - 2 * PAD, style) : { size: style.max ?? 12, fits: true };
    return { x0, x1, children: paragraphs(t, size, style), valign: style.valign ?? 'center', fits };
  }

  resume(x0: number, x1: number, h: number, rows: ResumeRow[]): { spec: Spec; fits: boolean } {
    const w = (x1 - x0 - 2 * PAD) * SAFE;
    const l = fitResume(this.m, w, h - 2 * PAD, rows);
    const fits = l.heights.reduce((a, b) => a + b, 0) <= h - 2 * PAD;
    const size = l.size;
    const hang = tw(l.dateW / SAFE);
    const children = rows.map((r) => {
      const [first, ...more] = r.text.split('\n');
      const runs = [
        ...(r.dates ? [new TextRun({ text: r.dates, size: size * 2 }), new TextRun({ children: [new Tab(), first], size: size * 2 })] : []),
        ...(r.dates ? [] : [new TextRun({ text: first, size: size * 2 })]),
        ...more.map((line) => new TextRun({ text: line, size: size * 2, break: 1 })),
      ];
      // The dates hang in their own column: wrapped text and sub-items align under the step's text.
      return r.dates
        ? new Paragraph({
            spacing: spacing(size),
            indent: { left: hang, hanging: hang },
            tabStops: [{ type: TabStopType.LEFT, position: hang }],
            children: runs,
          })
        : new Paragraph({ spacing: spacing(size), children: runs });
    });
    return { spec: { x0, x1, children: children.length ? children : [new Paragraph({})], valign: 'top' }, fits };
  }
}

function table(rows: RowSpec[]): Table {
  const edges = [...new Set(rows.flatMap((r) => r.cells.flatMap((c) => [c.x0, c.x1])).map((x) => Math.round(x * 10) / 10))].sort(
    (a, b) => a - b,
  );
  const col = (x: number) => edges.indexOf(Math.round(x * 10) / 10);
  const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });
  return new Table({
    width: { size: tw(W), type: WidthType.DXA },
    columnWidths: edges.slice(1).map((x, i) => tw(x - edges[i])),
    layout: TableLayoutType.FIXED,
    borders: { top: line(12), bottom: line(12), left: line(12), right: line(12), insideHorizontal: line(4), insideVertical: line(4) },
    rows: rows.map(
      (r) =>
        new TableRow({
          height: { value: tw(r.h), rule: r.grow ? HeightRule.ATLEAST : HeightRule.EXACT },
          cantSplit: !r.grow,
          children: r.cells.map(
            (c) =>
              new TableCell({
                children: c.children.length ? c.children : [new Paragraph({})],
                columnSpan: col(c.x1) - col(c.x0),
                rowSpan: c.rowSpan,
                width: { size: tw(c.x1 - c.x0), type: WidthType.DXA },
                verticalAlign: VerticalAlignTable[c.valign === 'top' ? 'TOP' : c.valign === 'bottom' ? 'BOTTOM' : 'CENTER'],
                margins: { top: tw(PAD), bottom: tw(PAD), left: tw(PAD), right: tw(PAD + (c.open === 'top' ? 16 : 0)) },
                borders: c.open ? { [c.open]: { style: BorderStyle.NIL, size: 0, color: 'FFFFFF' } } : undefined,
              }),
          ),
        }),
    ),
  });
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
    // Rows thinner than a 5 pt line (many relatives) grow rather than hide their text.
    // Rows too thin for their text even at 5 pt (very many relatives) grow rather than hide it.
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
