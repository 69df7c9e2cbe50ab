// Word tables for the printed form: cells placed on a grid by their edges (merged across the columns
// they cover, down the rows they span), text sized with the PDF's measure, rows of exact height that
// grow only when even 5 pt cannot hold their text.
import PDFDocument from 'pdfkit';
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
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
import { cjkFont } from '../../../export/cjk-font.js';
import type { ResumeRow } from './form-fields.js';
import { TABLE_W as W } from './form-layout.js';
import { fitSize, FONT, FONT_BOLD, PAD, type CellStyle } from './pdf-cells.js';
import { fitResume } from './pdf-resume.js';

/** Points → twips, Word's unit. */
export const tw = (pt: number) => Math.round(pt * 20);
// Word wraps a little differently from pdfkit: measure against a slightly narrower cell.
const SAFE = 0.94;

/** A cell placed on the table's grid by its left and right edges, in points from the table's left. */
export interface Spec {
  x0: number;
  x1: number;
  children: Paragraph[];
  valign?: 'top' | 'center' | 'bottom';
  rowSpan?: number;
  /** Leave out the rule above or below (the 呈报单位 cell is two rows that read as one). */
  open?: 'top' | 'bottom';
}

export interface RowSpec {
  h: number;
  cells: Spec[];
  /** Exact height (the default), or at least this height when the content is too long for it. */
  grow?: boolean;
}

/** Exact line spacing at 1.25 em, as the PDF sets its lines. */
export const spacing = (size: number) => ({ before: 0, after: 0, line: tw(size * 1.25), lineRule: LineRuleType.EXACT });

export function paragraphs(text: string, size: number, style: CellStyle): Paragraph[] {
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
export class Builder {
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
      const sz = size * 2;
      const runs = r.dates
        ? [new TextRun({ text: r.dates, size: sz }), new TextRun({ children: [new Tab(), first], size: sz })]
        : [new TextRun({ text: first, size: sz })];
      runs.push(...more.map((line) => new TextRun({ text: line, size: sz, break: 1 })));
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

export function table(rows: RowSpec[]): Table {
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
